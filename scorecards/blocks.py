"""Blocks about the scorecards: every indicator for a period, one indicator over time, and a
practice score card."""

from __future__ import annotations

import datetime as dt

from scrutiny.blocks.content import BlockContent, ChartData, simple_table, table_data
from scrutiny.blocks.kinds import of_council
from scrutiny.blocks.registry import BlockType
from scrutiny.charts import scorecard_average_chart
from scrutiny.models import Authority

from . import selectors as scorecard_selectors
from .models import Indicator, IndicatorValue, PracticeScorecard
from .tables import IndicatorSeriesTable, ScorecardTable


def _threshold(public: bool) -> int | None:
    return scorecard_selectors.reader_threshold(not public)


def _period_choices(authority: Authority) -> list[tuple[str, str]]:
    return [(p.slug, p.label) for p in scorecard_selectors.scorecard_periods(authority)]


def _period_span(authority: Authority, choice: str) -> tuple[dt.date, dt.date]:
    """The dates of the period chosen (by its slug, as ``council_scorecard`` reads it)."""
    period = next(p for p in scorecard_selectors.scorecard_periods(authority) if p.slug == choice)
    return period.start, period.end


def _indicator_table(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    scorecard = scorecard_selectors.council_scorecard(
        authority, choice, threshold=_threshold(public)
    )
    tables = []
    for group in scorecard.groups:
        first = group.rows[0]
        table = ScorecardTable(
            group.rows,
            authority=authority,
            period=scorecard.period,
            previous_label=first.previous_label,
            last_year_label=first.last_year_label,
            orderable=False,
        )
        tables.append(table_data(table, group.label))
    notes = []
    if scorecard.suppressed:
        notes.append("Counts of 1 to 5 children, and figures worked out from them, show as c.")
    return BlockContent(subject=scorecard.period.label, tables=tables, notes=notes)


def _indicator_choices(authority: Authority) -> list[tuple[str, str]]:
    has_value = IndicatorValue.objects.filter(authority=authority).values("indicator")
    rows = Indicator.objects.filter(pk__in=has_value).order_by("order", "name")
    return [(i.code, i.name) for i in rows]


def _indicator_chart(
    authority: Authority, choice: str, *, public: bool, as_at: dt.date | None
) -> BlockContent:
    indicator = Indicator.objects.get(code=choice)
    trend = scorecard_selectors.indicator_trend(
        indicator, authority, threshold=_threshold(public), until=as_at
    )
    content = BlockContent(subject=indicator.name)
    if trend.chart is not None:
        content.charts.append(
            ChartData(trend.chart.as_dict(), f"{trend.chart.title}: {authority.short_name}")
        )
    content.tables.append(
        table_data(
            IndicatorSeriesTable(trend.series, orderable=False, exclude=["figure_is"]),
            f"{indicator.name}: figures by period",
        )
    )
    if indicator.definition:
        content.notes.append(f"Definition: {indicator.definition}")
    return content


def _scorecard_choices(authority: Authority) -> list[tuple[str, str]]:
    rows = PracticeScorecard.objects.filter(authority=authority).order_by("name")
    return [(str(s.pk), s.name) for s in rows]


def _practice_scorecard(
    authority: Authority, choice: str, *, public: bool, as_at: dt.date | None
) -> BlockContent:
    scorecard = PracticeScorecard.objects.get(authority=authority, pk=int(choice))
    grid = scorecard_selectors.scorecard_grid(scorecard, until=as_at)
    content = BlockContent(subject=scorecard.name)
    if grid.rounds:
        average = scorecard_average_chart(scorecard, grid)
        content.charts.append(ChartData(average.as_dict(), average.title))
    headers = [("Aspect", False)] + [
        (f"{r.assessed_on:%-d %b %Y} ({r.period.label})", True) for r in grid.rounds
    ]
    rows = [[aspect.name, *(text for text, _ in cells)] for aspect, cells in grid.table]
    rows.append(
        [
            f"Average score across all {len(grid.rows)} aspects",
            *("" if r.average is None else f"{r.average:f}" for r in grid.rounds),
        ]
    )
    content.tables.append(
        simple_table(f"{scorecard.name}: scores by aspect and round", headers, rows)
    )
    if grid.has_illustrative:
        content.notes.append("Some scores are illustrative: the paper did not print them.")
    return content


INDICATOR_KINDS = (
    BlockType(
        "indicator-table",
        "Indicator table",
        "Every indicator for a period: value, target, RAG, trend and comparators.",
        "Period",
        _period_choices,
        _indicator_table,
        sources=(of_council(IndicatorValue),),
        span=_period_span,
    ),
    BlockType(
        "indicator-chart",
        "Indicator chart",
        "One indicator over time against its target and comparators, with its figures.",
        "Indicator",
        _indicator_choices,
        _indicator_chart,
        sources=(of_council(IndicatorValue),),
        history=True,
    ),
    BlockType(
        "practice-scorecard",
        "Practice score card",
        "Scores by aspect and round, and the average across all aspects as a chart.",
        "Score card",
        _scorecard_choices,
        _practice_scorecard,
        sources=(of_council(PracticeScorecard),),
        history=True,
    ),
)
