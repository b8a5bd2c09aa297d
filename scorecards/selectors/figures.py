"""Figures as a reader may see them: small counts, and what would give them away, hidden."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from scrutiny.models import Period
from scrutiny.suppression import Cell, is_small, suppress_value

from .. import related
from ..derived import printed_difference
from ..models import Indicator, IndicatorValue


@dataclass(frozen=True)
class Figures:
    """One IndicatorValue as this reader may see it: its value and counts as Cells ("c" hidden).

    Quacks like an IndicatorValue where the chart builders and ``comparison_rows`` look
    (``period``, ``period_id``, ``value``), with ``value`` None when hidden: a gap, never drawn.
    """

    record: IndicatorValue
    shown: Cell
    numerator: Cell
    denominator: Cell

    @property
    def period(self) -> Period:
        return self.record.period

    @property
    def period_id(self) -> int:
        return self.record.period_id

    @property
    def value(self) -> Decimal | None:
        return self.shown.public_value

    @property
    def suppressed(self) -> bool:
        return self.shown.suppressed

    @property
    def commentary(self) -> str:
        # Words written about a hidden figure may well repeat it.
        return "" if self.suppressed else self.record.commentary

    @property
    def printed_note(self) -> str:
        """Where the paper printed other than its counts give: "The paper printed 48%, but ...".

        Blank where any of the figure or its counts is hidden: the note quotes them all.
        """
        if self.suppressed or self.numerator.suppressed or self.denominator.suppressed:
            return ""
        return printed_difference(self.record)


def figures_for(record: IndicatorValue, threshold: int | None) -> Figures:
    """The figure unchanged when ``threshold`` is None (a reader who may see the council's
    figures); else small counts, and any figure worked out from a small count, hidden."""
    value = record.value
    if threshold is None:
        return Figures(record, Cell(value), Cell(record.numerator), Cell(record.denominator))
    numerator = suppress_value(record.numerator, threshold)
    denominator = suppress_value(record.denominator, threshold)
    unit = record.indicator.unit
    primary = unit == Indicator.Unit.COUNT and is_small(value, threshold)
    hidden = primary or numerator.suppressed or denominator.suppressed
    if _rest_is_small(record, threshold) and not hidden:
        # 11 permanent of 16 shown beside each other say that 5 are agency staff: the share
        # and its numerator go, leaving the total.
        hidden = True
        numerator = Cell(record.numerator, suppressed=True, secondary=True)
    shown = Cell(value, suppressed=hidden, secondary=hidden and not primary)
    return Figures(record, shown, numerator, denominator)


def figures_of(records: list[IndicatorValue], threshold: int | None) -> dict[int, Figures]:
    """Each record's Figures by pk, with counts that related rows would give away hidden too.

    ``figures_for`` hides what one record reveals; the per-role workforce figures and their
    all-roles totals also reveal each other (``related``), so their counts are hidden as one
    table per council and period. Pass every related record the reader will see anywhere.
    """
    figures = {record.pk: figures_for(record, threshold) for record in records}
    if threshold is None:
        return figures
    linked = [record for record in records if related.is_related(record.indicator.code)]
    if not linked:
        return figures
    already = {
        (pk, part)
        for pk, shown in figures.items()
        for part in ("numerator", "denominator")
        if getattr(shown, part).suppressed
    }
    hidden = related.hidden_counts(linked, threshold, hide=already)
    for record in linked:
        before = figures[record.pk]
        top, bottom = (record.pk, "numerator") in hidden, (record.pk, "denominator") in hidden
        if (top and not before.numerator.suppressed) or (
            bottom and not before.denominator.suppressed
        ):
            figures[record.pk] = Figures(
                record,
                Cell(record.value, suppressed=True, secondary=not before.shown.suppressed)
                if not before.shown.suppressed
                else before.shown,
                before.numerator
                if before.numerator.suppressed or not top
                else Cell(record.numerator, suppressed=True, secondary=True),
                before.denominator
                if before.denominator.suppressed or not bottom
                else Cell(record.denominator, suppressed=True, secondary=True),
            )
    return figures


def _rest_is_small(record: IndicatorValue, threshold: int) -> bool:
    """Whether a percentage of a whole leaves a small count outside it (denominator - numerator)."""
    if record.indicator.unit != Indicator.Unit.PERCENT:
        return False
    if record.numerator is None or record.denominator is None:
        return False
    rest = record.denominator - record.numerator
    return rest >= 0 and is_small(rest, threshold)


def reader_threshold(can_view: bool) -> int | None:
    """None for a reader who may see the council's figures; else the suppression threshold."""
    return None if can_view else settings.SUPPRESSION_THRESHOLD
