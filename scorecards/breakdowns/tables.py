"""A breakdown as a table for the scorecard, the indicator page and a report block.

Each group's figure is hidden from the public by the same rule as the council's own figures
(``selectors.figures_for``); the groups' counts and the whole council's then go through
``scrutiny.suppression.suppress_related`` together, since with every group given they add
up to the whole and one hidden group could otherwise be worked out from the rest.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Subquery

from scrutiny.models import Authority, Period
from scrutiny.suppression import Cell, suppress_related

from ..models import Indicator, IndicatorValue
from ..selectors import format_value
from ..selectors.figures import Figures, figures_for
from ..tables import show_count, show_figure
from .models import Breakdown, BreakdownCategory, BreakdownValue

PARTS = ("numerator", "denominator")


@dataclass(frozen=True)
class GroupRow:
    name: str
    figures: Figures

    @property
    def value(self) -> Cell:
        return self.figures.shown

    @property
    def value_html(self):
        return show_figure(self.value, self.figures.record.indicator)

    @property
    def numerator_html(self):
        return show_count(self.figures.numerator)

    @property
    def denominator_html(self):
        return show_count(self.figures.denominator)


@dataclass(frozen=True)
class BreakdownTable:
    """One indicator's figures by the groups of one breakdown, for one period."""

    indicator: Indicator
    breakdown: Breakdown
    period: Period
    rows: list[GroupRow]
    suppressed: bool

    @property
    def caption(self) -> str:
        return f"{self.indicator.name} by {self.breakdown.name.lower()}, {self.period.label}"

    @property
    def has_counts(self) -> bool:
        return any(row.figures.record.numerator is not None for row in self.rows)

    def shown(self, cell: Cell) -> str:
        return cell.display(lambda value: format_value(value, self.indicator))

    @property
    def summary(self) -> str:
        """The table in words (its text alternative): the highest and lowest group shown."""
        shown = [
            row for row in self.rows if not row.value.suppressed and row.value.value is not None
        ]
        if not shown:
            return f"No group's figure for {self.indicator.name} can be shown."
        high = max(shown, key=lambda row: row.value.value)
        low = min(shown, key=lambda row: row.value.value)
        if high is low:
            return f"{high.name}: {self.shown(high.value)}."
        words = (
            f"Of the {len(self.rows)} groups, {high.name} has the highest figure "
            f"({self.shown(high.value)}) and {low.name} the lowest ({self.shown(low.value)})."
        )
        hidden = len(self.rows) - len(shown)
        if hidden:
            words += f" {hidden} not shown, to protect small numbers."
        return words


def group_figures(
    values: list[BreakdownValue],
    *,
    groups: int,
    whole: Figures | None,
    threshold: int | None,
) -> dict[int, Figures]:
    """Each group's figure as this reader may see it, by BreakdownValue pk.

    ``groups`` is how many groups the breakdown has and ``whole`` the council's own figure
    for the indicator and period as this reader sees it: with every group given, the
    groups' counts and the whole's are related, and hidden so that none can be worked out.
    """
    shown = {v.pk: figures_for(v, threshold) for v in values}
    if threshold is None:
        return shown
    attributes = [(part, part) for part in PARTS]
    if values and values[0].indicator.unit == Indicator.Unit.COUNT:
        attributes.append(("reported_value", "shown"))  # a count as reported is a count too
    for field, attribute in attributes:
        counts = {v.pk: getattr(v, field) for v in values}
        hide = {v.pk for v in values if getattr(shown[v.pk], attribute).suppressed}
        sums = []
        whole_count = None if whole is None else getattr(whole.record, field)
        complete = len(values) == groups and all(c is not None for c in counts.values())
        if whole_count is not None and complete:
            counts["whole"] = whole_count
            sums = [(list(shown), "whole")]
            if getattr(whole, attribute).suppressed:
                hide.add("whole")
        hidden, _ = suppress_related(counts, sums, threshold=threshold, hide=hide)
        for v in values:
            figures = shown[v.pk]
            if v.pk in hidden and not getattr(figures, attribute).suppressed:
                secret = Cell(getattr(v, field), suppressed=True, secondary=True)
                changes = {attribute: secret}
                if attribute != "shown":
                    changes["shown"] = Cell(v.value, suppressed=True, secondary=True)
                shown[v.pk] = dataclasses.replace(figures, **changes)
    return shown


def breakdown_tables(
    values: list[BreakdownValue],
    *,
    wholes: dict[int, Figures],
    threshold: int | None,
) -> list[BreakdownTable]:
    """The tables for ``values`` (with ``category__breakdown`` and ``period`` loaded), one
    per indicator, period and breakdown, groups in the controlled list's order. ``wholes``
    holds the council's own figure by indicator id (as the reader sees it) where shown."""
    by_table: dict[tuple, list[BreakdownValue]] = {}
    for value in sorted(values, key=lambda v: (v.category.breakdown.order, v.category.order)):
        key = (value.indicator_id, value.period_id, value.category.breakdown_id)
        by_table.setdefault(key, []).append(value)
    counts = {v.category.breakdown_id: v.groups for v in values}
    tables = []
    for (indicator_id, _, breakdown_id), members in by_table.items():
        first = members[0]
        shown = group_figures(
            members,
            groups=counts[breakdown_id],
            whole=wholes.get(indicator_id),
            threshold=threshold,
        )
        tables.append(
            BreakdownTable(
                first.indicator,
                first.category.breakdown,
                first.period,
                [GroupRow(v.category.name, shown[v.pk]) for v in members],
                threshold is not None,
            )
        )
    return tables


def with_groups(queryset):
    """``queryset`` of BreakdownValues with their group and breakdown, and on each the number
    of groups its breakdown has (``groups``), in the same one query."""
    groups = (
        BreakdownCategory.objects.filter(breakdown=OuterRef("category__breakdown"))
        .order_by()
        .values("breakdown")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.select_related("category__breakdown", "period").annotate(
        groups=Subquery(groups)
    )


def scorecard_breakdowns(
    authority: Authority,
    period: Period | None,
    wholes: dict[int, Figures],
    *,
    threshold: int | None,
) -> list[BreakdownTable]:
    """The breakdown tables for the scorecard's indicators in its period: one query, however
    many indicators and breakdowns (``wholes``: the scorecard's own figures)."""
    if period is None or not wholes:
        return []
    values = list(
        with_groups(
            BreakdownValue.objects.filter(
                authority=authority, period=period, indicator_id__in=list(wholes)
            )
        )
    )
    indicators = {i: f.record.indicator for i, f in wholes.items()}
    for value in values:
        BreakdownValue.indicator.field.set_cached_value(value, indicators[value.indicator_id])
    return breakdown_tables(values, wholes=wholes, threshold=threshold)


def indicator_breakdowns(
    indicator: Indicator, authority: Authority, series: list[Figures], *, threshold: int | None
) -> list[BreakdownTable]:
    """The breakdown tables of the latest period the indicator has groups for, beside the
    council's own figure for that period from ``series`` (the indicator page's figures)."""
    mine = BreakdownValue.objects.filter(indicator=indicator, authority=authority)
    latest = mine.order_by("-period__end", "-period__start").values("period")[:1]
    values = list(with_groups(mine.filter(period=Subquery(latest))))  # one query
    if not values:
        return []
    for value in values:
        BreakdownValue.indicator.field.set_cached_value(value, indicator)
    whole = next((f for f in series if f.period_id == values[0].period_id), None)
    return breakdown_tables(
        values, wholes={} if whole is None else {indicator.pk: whole}, threshold=threshold
    )


def period_breakdowns(
    indicator: Indicator, authority: Authority, period: Period, *, threshold: int | None
) -> list[BreakdownTable]:
    """The breakdown tables of one indicator and period (a report block's), beside the
    council's own figure for the period; two queries."""
    values = list(
        with_groups(
            BreakdownValue.objects.filter(indicator=indicator, authority=authority, period=period)
        )
    )
    for value in values:
        BreakdownValue.indicator.field.set_cached_value(value, indicator)
    whole = IndicatorValue.objects.filter(
        indicator=indicator, authority=authority, period=period
    ).first()
    wholes = {}
    if whole is not None:
        whole.indicator = indicator
        wholes[indicator.pk] = figures_for(whole, threshold)
    return breakdown_tables(values, wholes=wholes, threshold=threshold)
