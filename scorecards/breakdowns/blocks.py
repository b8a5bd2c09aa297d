"""A report block of one indicator's figures by group for one period (each breakdown the
council has figures for), small numbers hidden for the public as on the scorecard."""

from __future__ import annotations

import datetime as dt

from scrutiny.blocks.content import BlockContent, simple_table
from scrutiny.blocks.kinds import of_council, period_span
from scrutiny.blocks.registry import BlockChoiceError, BlockType
from scrutiny.formatting import figure
from scrutiny.models import Authority, Period

from ..models import Indicator
from ..selectors import format_value, reader_threshold
from .models import BreakdownValue
from .tables import period_breakdowns


def _choices(authority: Authority) -> list[tuple[str, str]]:
    """Each indicator and period the council has figures by group for, latest first."""
    pairs = (
        BreakdownValue.objects.filter(authority=authority)
        .values_list("indicator_id", "period_id")
        .distinct()
        .order_by()
    )
    pairs = list(pairs)
    indicators = Indicator.objects.in_bulk({i for i, _ in pairs})
    periods = Period.objects.in_bulk({p for _, p in pairs})
    ordered = sorted(
        pairs, key=lambda pair: (indicators[pair[0]].name, -periods[pair[1]].end.toordinal())
    )
    return [
        (f"{indicators[i].code}/{p}", f"{indicators[i].name}, {periods[p].label}")
        for i, p in ordered
    ]


def _chosen(authority: Authority, choice: str) -> tuple[Indicator, Period]:
    code, _, period_id = choice.partition("/")
    try:
        period = Period.objects.get(pk=int(period_id))
        indicator = Indicator.objects.get(code=code)
    except (Period.DoesNotExist, Indicator.DoesNotExist, ValueError):
        raise BlockChoiceError(f"No figures by group for {choice}.") from None
    if not BreakdownValue.objects.filter(
        authority=authority, indicator=indicator, period=period
    ).exists():
        raise BlockChoiceError(f"No figures by group for {choice}.")
    return indicator, period


def _span(authority: Authority, choice: str) -> tuple[dt.date, dt.date]:
    """The dates of the period chosen (``code/period id``), as ``period_span`` reads an id."""
    return period_span(authority, choice.partition("/")[2])


def _build(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    indicator, period = _chosen(authority, choice)
    tables = period_breakdowns(indicator, authority, period, threshold=reader_threshold(not public))
    content = BlockContent(subject=f"{indicator.name}, {period.label}")
    for table in tables:
        headers = [(table.breakdown.name, False), (indicator.get_unit_display(), True)]
        if table.has_counts:
            headers += [("Numerator", True), ("Denominator", True)]
        rows = []
        for row in table.rows:
            cells = [row.name, row.value.display(lambda v: format_value(v, indicator))]
            if table.has_counts:
                cells += [
                    row.figures.numerator.display(figure),
                    row.figures.denominator.display(figure),
                ]
            rows.append(cells)
        content.tables.append(simple_table(table.caption, headers, rows))
        content.notes.append(table.summary)
    if public and tables:
        content.notes.append(
            "Counts of 1 to 5 children, and figures worked out from them, show as c."
        )
    return content


BREAKDOWN_KINDS = (
    BlockType(
        "indicator-breakdown",
        "Indicator by group",
        "One indicator's figures for a period by age band, gender or another group.",
        "Indicator and period",
        _choices,
        _build,
        sources=(of_council(BreakdownValue),),
        span=_span,
    ),
)
