"""RAG ratings: exact Decimal comparisons against a target and its tolerance, by polarity."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecards.models import Indicator, IndicatorValue, Target
from scorecards.rag import Rag, rag_against, rag_for
from scorecards.selectors import ScorecardRow, against_target, figures_for
from scorecards.tables import rag_tag
from scrutiny.models import Period

# Figures as the models hold them: up to four decimal places.
figures = st.decimals(min_value=-1000, max_value=1000, places=4)
tolerances = st.decimals(min_value=0, max_value=100, places=4)
SMALLEST_STEP = D("0.0001")


def test_every_rating_carries_words_and_a_govuk_tag_colour_so_colour_is_never_alone():
    words = {rag: rag.label for rag in Rag}
    colours = {rag: rag.colour for rag in Rag}
    assert words == {
        Rag.RED: "Red",
        Rag.AMBER: "Amber",
        Rag.GREEN: "Green",
        Rag.NO_TARGET: "No target",
    }
    # GOV.UK has no amber tag: orange stands in for it, grey for no rating.
    assert colours == {
        Rag.RED: "red",
        Rag.AMBER: "orange",
        Rag.GREEN: "green",
        Rag.NO_TARGET: "grey",
    }
    assert Rag.AMBER.tag_class == "govuk-tag govuk-tag--orange"
    assert Rag.AMBER.tag == '<strong class="govuk-tag govuk-tag--orange">Amber</strong>'


def test_a_higher_is_better_value_above_target_is_green():
    assert rag_for(D("70.1"), D("70"), D("5"), "higher") is Rag.GREEN


def test_a_value_exactly_on_target_is_green_whichever_way_is_better():
    assert rag_for(D("16"), D("16"), D("0"), "higher") is Rag.GREEN
    assert rag_for(D("16"), D("16"), D("0"), "lower") is Rag.GREEN


def test_a_higher_is_better_value_short_by_exactly_the_tolerance_is_amber():
    # 65 is 5 below a target of 70: on the band's edge, which counts as inside it.
    assert rag_for(D("65"), D("70"), D("5"), "higher") is Rag.AMBER


def test_a_higher_is_better_value_just_beyond_the_tolerance_is_red():
    assert rag_for(D("65") - SMALLEST_STEP, D("70"), D("5"), "higher") is Rag.RED


def test_a_lower_is_better_value_just_inside_tolerance_is_amber():
    # Caseload target 16, tolerance 2: 17.9999 is over target but by less than 2.
    assert rag_for(D("18") - SMALLEST_STEP, D("16"), D("2"), "lower") is Rag.AMBER


def test_a_lower_is_better_value_just_beyond_tolerance_is_red():
    assert rag_for(D("18") + SMALLEST_STEP, D("16"), D("2"), "lower") is Rag.RED


def test_a_lower_is_better_value_below_target_is_green():
    assert rag_for(D("12.5"), D("16"), D("2"), "lower") is Rag.GREEN


def test_with_no_tolerance_any_shortfall_is_red():
    assert rag_for(D("16") + SMALLEST_STEP, D("16"), D("0"), "lower") is Rag.RED
    assert rag_for(D("16") + SMALLEST_STEP, D("16"), None, "lower") is Rag.RED


def test_there_is_no_rating_without_a_target_or_without_a_value():
    assert rag_for(D("16"), None, D("2"), "lower") is Rag.NO_TARGET
    assert rag_for(None, D("16"), D("2"), "lower") is Rag.NO_TARGET


def test_an_indicator_where_neither_direction_is_better_is_never_rated():
    # Far from target would be Red for either other polarity; here no rating makes sense.
    assert rag_for(D("100"), D("16"), D("2"), "neither") is Rag.NO_TARGET


def test_rounding_to_the_printed_decimals_makes_the_rating_agree_with_the_printed_figure():
    # 14.04 prints as 14.0 at 1 dp: against a target of 14.0 it must read as on target.
    assert rag_for(D("14.04"), D("14.0"), D("0"), "lower") is Rag.RED
    assert rag_for(D("14.04"), D("14.0"), D("0"), "lower", decimals=1) is Rag.GREEN


def test_rounding_goes_half_up_as_published_statistics_do():
    # 14.05 rounds half up to 14.1, over a 14.0 target; rounding half to even would give 14.0.
    assert rag_for(D("14.05"), D("14.0"), D("0"), "lower", decimals=1) is Rag.RED


def test_a_float_is_refused_because_it_is_not_the_figure_that_was_typed():
    with pytest.raises(TypeError):
        rag_for(0.1, D("0.1"), D("0"), "higher")


def test_a_negative_tolerance_or_an_unknown_polarity_is_refused():
    with pytest.raises(ValueError):
        rag_for(D("1"), D("1"), D("-1"), "higher")
    with pytest.raises(ValueError):
        rag_for(D("1"), D("1"), D("0"), "up")


@given(value=figures, target=figures, tolerance=tolerances)
def test_lower_is_better_is_the_mirror_of_higher_is_better(value, target, tolerance):
    assert rag_for(value, target, tolerance, "higher") is rag_for(
        -value, -target, tolerance, "lower"
    )


@given(value=figures, better_by=tolerances, target=figures, tolerance=tolerances)
def test_a_better_value_never_gets_a_worse_rating(value, better_by, target, tolerance):
    order = [Rag.RED, Rag.AMBER, Rag.GREEN]
    worse = rag_for(value, target, tolerance, "higher")
    better = rag_for(value + better_by, target, tolerance, "higher")
    assert order.index(better) >= order.index(worse)


def caseload_target(value="16", tolerance=None):
    indicator = Indicator(code="caseload", unit="average", polarity="lower", decimals=1)
    return Target(indicator=indicator, value=D(value), tolerance=tolerance)


def test_a_figure_is_rated_against_its_target_as_its_indicator_prints_it():
    target = caseload_target(tolerance=D("2"))
    assert rag_against(D("16.04"), target, target.indicator) is Rag.GREEN  # shown as 16.0
    assert rag_against(D("17.5"), target, target.indicator) is Rag.AMBER
    assert rag_against(D("21.75"), target, target.indicator) is Rag.RED
    assert rag_against(D("21.75"), None, target.indicator) is Rag.NO_TARGET


@pytest.mark.parametrize("average", ["21.75", "16.04", "16", "14.26", "17.5"])
def test_a_caseload_against_its_target_reads_as_the_scorecard_reads_the_same_figure(average):
    target = caseload_target(tolerance=D("2"))
    record = IndicatorValue(indicator=target.indicator, reported_value=D(average))
    row = ScorecardRow(
        indicator=target.indicator,
        period=Period(kind=Period.Kind.YEAR, start_year=2014),
        current=figures_for(record, None),
        target=target,
    )
    assert against_target(D(average), target) == rag_tag(row.rag)


def test_a_caseload_against_its_target_is_worded_by_the_rag_word():
    target = caseload_target()
    assert against_target(D("21.75"), target) == (
        '<strong class="govuk-tag govuk-tag--red">Red</strong>'
    )
    assert against_target(D("14.26"), target) == (
        '<strong class="govuk-tag govuk-tag--green">Green</strong>'
    )
