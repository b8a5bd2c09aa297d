"""Chart specs from what the scorecard selectors already build; duck-typed, so no queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from .specs import LineChart, Series

# Indicator.Unit codes, as a chart writes them after a figure.
UNIT_SUFFIXES = {"percent": "%", "days": "days"}
# Axis titles where the tick labels alone would not say what the number is.
AXIS_LABELS = {"rate": "Rate per 10,000 children", "days": "Days"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
AVERAGE_DECIMALS = 1


def round_label(day) -> str:
    """A scoring round by its month, as the committee paper does: 'Nov 2016'."""
    # Not strftime("%b"): that follows the process locale.
    return f"{_MONTHS[day.month - 1]} {day.year}"


def _plain(value) -> str:
    """A scale end without trailing zeros: 10.00 -> '10'."""
    return f"{Decimal(value).normalize():f}"


def scorecard_average_chart(scorecard, grid) -> LineChart:
    """Seed 000's missing chart: the average across all aspects at each scoring round."""
    return LineChart(
        title=f"Average score across all {len(grid.rows)} aspects of the score card",
        decimals=AVERAGE_DECIMALS,
        series=[
            Series("Average score", [(round_label(r.assessed_on), r.average) for r in grid.rounds])
        ],
        y_min=scorecard.scale_min,
        y_max=scorecard.scale_max,
        y_label=f"Score ({_plain(scorecard.scale_min)} to {_plain(scorecard.scale_max)})",
    )


def scorecard_aspects_chart(scorecard, grid) -> LineChart:
    """Each aspect's score at each round, one line per aspect."""
    labels = [round_label(r.assessed_on) for r in grid.rounds]
    series = [
        Series(
            row.aspect.name,
            [
                (label, None if score is None else score.score)
                for label, score in zip(labels, row.scores, strict=True)
            ],
        )
        for row in grid.rows
    ]
    return LineChart(
        title=f"Scores for each aspect of the {scorecard.name}",
        decimals=max(grid.decimals, AVERAGE_DECIMALS),
        series=series,
        y_min=scorecard.scale_min,
        y_max=scorecard.scale_max,
        y_label=f"Score ({_plain(scorecard.scale_min)} to {_plain(scorecard.scale_max)})",
    )


def indicator_chart(
    indicator,
    values: Sequence,
    *,
    council: str,
    target: Decimal | None = None,
    comparison: Iterable = (),
    region: str = "Region",
) -> LineChart:
    """An indicator's trend for one council, against its target, England, region, neighbours.

    ``values`` are IndicatorValues (from ``indicator_series``), ``comparison`` the
    ComparisonRows (from ``comparison_rows``) and ``target`` the figure to draw, if any.
    """
    comparison = list(comparison)
    periods = {v.period.pk: v.period for v in values}
    periods.update({row.period.pk: row.period for row in comparison})
    ordered = sorted(periods.values(), key=lambda p: (p.start, p.end))
    own = {v.period.pk: v.value for v in values}
    rows = {row.period.pk: row for row in comparison}

    def column(name: str, attribute: str) -> Series:
        """One comparator across every period, None where it has no figure."""
        return Series(
            name,
            [(p.label, getattr(rows[p.pk], attribute) if p.pk in rows else None) for p in ordered],
        )

    comparators = [
        column(name, attribute)
        for name, attribute in (
            ("England", "england"),
            (region, "region"),
            ("Statistical neighbours", "neighbours"),
        )
    ]
    return LineChart(
        title=indicator.name,
        unit=UNIT_SUFFIXES.get(indicator.unit, ""),
        decimals=indicator.decimals,
        series=[Series(council, [(p.label, own.get(p.pk)) for p in ordered])],
        target=target,
        comparators=[c for c in comparators if c.present],
        y_label=AXIS_LABELS.get(indicator.unit, ""),
    )
