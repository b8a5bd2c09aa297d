"""One indicator's series for one council as a reader sees it, with its comparators and chart."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scrutiny.models import Authority

from ..models import ComparatorValue, Indicator, Target
from .figures import Figures, figures_of
from .indicators import (
    ComparisonRow,
    comparison_rows,
    indicator_comparators,
    indicator_series,
    indicator_targets,
    target_for,
)
from .neighbours import related_figures


@dataclass
class IndicatorTrend:
    """An indicator's series for one council as a reader sees it, and the chart of it."""

    series: list[Figures]
    comparators: list[ComparatorValue]
    targets: list[Target]
    comparison: list[ComparisonRow]
    chart: object | None  # a charts.LineChart, or None without any figure to draw
    hidden_periods: set[str]


def indicator_trend(
    indicator: Indicator,
    authority: Authority,
    *,
    threshold: int | None,
    until: dt.date | None = None,
) -> IndicatorTrend:
    """The series (small counts hidden at ``threshold``), comparators, targets and chart;
    with ``until``, only the periods that had begun by that date."""
    from scrutiny.charts import indicator_chart

    values = indicator_series(indicator, authority)
    # Hidden over every period held, then cut: a later figure never unhides an earlier one.
    shown = figures_of([*values, *related_figures(indicator, authority, threshold)], threshold)
    series = [shown[value.pk] for value in values if value.period.begun_by(until)]
    comparators = [
        c for c in indicator_comparators(indicator, authority) if c.period.begun_by(until)
    ]
    targets = list(indicator_targets(indicator, authority))
    comparison = comparison_rows(indicator, authority, series, comparators)
    chart = None
    if series or comparison:
        latest = series[-1].period if series else None
        target = target_for(targets, latest) if latest else None
        chart = indicator_chart(
            indicator,
            series,
            council=authority.short_name,
            target=None if target is None else target.value,
            comparison=comparison,
            region=authority.get_region_display(),
        )
    hidden = {f.period.label for f in series if f.suppressed}
    return IndicatorTrend(series, comparators, targets, comparison, chart, hidden)
