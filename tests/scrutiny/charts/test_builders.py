"""Specs built from what the scorecard selectors return."""

import datetime as dt
from decimal import Decimal

import pytest

from scorecards.models import ComparatorValue, Indicator
from scorecards.selectors import comparison_rows, indicator_series, scorecard_grid
from scrutiny.charts import (
    alt_text,
    indicator_chart,
    round_label,
    scorecard_aspects_chart,
    scorecard_average_chart,
)
from scrutiny.models import Period
from tests.factories.scorecards import (
    ComparatorValueFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    PracticeAspectFactory,
    PracticeScorecardFactory,
    PracticeScoreFactory,
)

NOV_16, SEP_18 = dt.date(2016, 11, 30), dt.date(2018, 9, 30)


def test_round_labels_do_not_depend_on_locale():
    assert round_label(NOV_16) == "Nov 2016"


@pytest.fixture
def card(authority):
    """Seven aspects scored in November 2016 and (all but the first) in September 2018."""
    card = PracticeScorecardFactory(authority=authority, name="Signs of Safety score card")
    for n in range(7):
        aspect = PracticeAspectFactory(scorecard=card, name=f"Aspect {n + 1}", order=n + 1)
        PracticeScoreFactory(aspect=aspect, assessed_on=NOV_16, score=Decimal(4))
        if n:  # Aspect 1 was not scored in the second round.
            PracticeScoreFactory(aspect=aspect, assessed_on=SEP_18, score=Decimal("5.6"))
    return card


def test_the_average_chart_is_seed_000s_missing_figure(card):
    spec = scorecard_average_chart(card, scorecard_grid(card))
    assert spec.title == "Average score across all 7 aspects of the score card"
    assert (spec.y_min, spec.y_max) == (0, 10)
    assert alt_text(spec) == (
        "Average score rose from 4.0 in November 2016 to 5.6 in September 2018."
    )


def test_the_aspects_chart_leaves_a_gap_for_an_unscored_aspect(card):
    spec = scorecard_aspects_chart(card, scorecard_grid(card))
    assert len(spec.series) == 7
    assert spec.series[0].points == (("Nov 2016", Decimal(4)), ("Sep 2018", None))
    assert "The largest change was in Aspect 2, which rose from 4.0 to 5.6." in alt_text(spec)


def test_the_indicator_chart_has_target_and_comparators(authority):
    indicator = IndicatorFactory(
        name="Social worker turnover", unit=Indicator.Unit.PERCENT, decimals=1
    )
    for year, value in ((2013, 33), (2014, 14)):
        IndicatorValueFactory(
            indicator=indicator, authority=authority, period=Period.year(year), reported_value=value
        )
    ComparatorValueFactory(indicator=indicator, period=Period.year(2014), value=16)
    ComparatorValueFactory(
        indicator=indicator,
        period=Period.year(2014),
        kind=ComparatorValue.Kind.NEIGHBOURS,
        authority=authority,
        value="15.2",
    )
    series = indicator_series(indicator, authority)
    spec = indicator_chart(
        indicator,
        series,
        council="Wokingham",
        target=Decimal(15),
        comparison=comparison_rows(indicator, authority, series),
    )
    assert [c.name for c in spec.comparators] == ["England", "Statistical neighbours"]
    assert alt_text(spec) == (
        "Wokingham fell from 33.0% in 2013/14 to 14.0% in 2014/15, against a target of 15%. "
        "For comparison: England 16.0% and Statistical neighbours 15.2% in 2014/15."
    )
