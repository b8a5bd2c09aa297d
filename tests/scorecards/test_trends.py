"""Change between periods, its direction in words, and quartile bands among neighbours."""

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from scorecards.trends import Direction, change, describe, direction, quartile

figures = st.decimals(min_value=0, max_value=1000, places=4)


# change ----------------------------------------------------------------------------------


def test_change_is_the_current_figure_less_the_previous_one():
    assert change(D("14.0"), D("33.0")) == D("-19.0")


def test_there_is_no_change_to_report_when_either_figure_is_missing():
    assert change(None, D("33.0")) is None
    assert change(D("14.0"), None) is None


def test_change_at_the_printed_decimals_agrees_with_the_printed_figures():
    # 14.04 and 13.96 both print as 14.0, so the change printed must be 0.0, not 0.1.
    assert change(D("14.04"), D("13.96")) == D("0.08")
    assert change(D("14.04"), D("13.96"), decimals=1) == 0


# direction -------------------------------------------------------------------------------


def test_a_rise_in_a_higher_is_better_figure_is_an_improvement():
    assert direction(D("97.2"), D("85.4"), "higher", 1) is Direction.IMPROVED
    assert direction(D("85.4"), D("97.2"), "higher", 1) is Direction.WORSENED


def test_a_fall_in_a_lower_is_better_figure_is_an_improvement():
    assert direction(D("14.0"), D("33.0"), "lower", 1) is Direction.IMPROVED
    assert direction(D("33.0"), D("14.0"), "lower", 1) is Direction.WORSENED


def test_figures_that_print_the_same_at_the_indicators_decimals_are_no_change():
    assert direction(D("14.04"), D("14.0"), "lower", 1) is Direction.NO_CHANGE


def test_a_difference_that_rounds_half_up_into_view_is_a_change():
    # 14.05 prints as 14.1 (half up), so it has risen from 14.0.
    assert direction(D("14.05"), D("14.0"), "higher", 1) is Direction.IMPROVED


def test_where_neither_direction_is_better_the_words_are_increased_and_decreased():
    assert direction(D("4616"), D("4000"), "neither", 0) is Direction.INCREASED
    assert direction(D("4000"), D("4616"), "neither", 0) is Direction.DECREASED
    assert direction(D("4000"), D("4000.4"), "neither", 0) is Direction.NO_CHANGE


def test_there_is_no_direction_when_either_figure_is_missing():
    assert direction(None, D("1"), "higher", 1) is None


def test_directions_read_as_words_not_arrows():
    assert [d.words for d in Direction] == [
        "improved",
        "worsened",
        "increased",
        "decreased",
        "no change",
    ]
    assert Direction.NO_CHANGE.label == "No change"


@given(current=figures, previous=figures, decimals=st.integers(0, 4))
def test_direction_always_agrees_with_the_change_printed(current, previous, decimals):
    moved = change(current, previous, decimals=decimals)
    expected = {1: Direction.IMPROVED, 0: Direction.NO_CHANGE, -1: Direction.WORSENED}
    assert direction(current, previous, "higher", decimals) is expected[(moved > 0) - (moved < 0)]


@given(current=figures, previous=figures, decimals=st.integers(0, 4))
def test_what_is_better_for_one_polarity_is_worse_for_the_other(current, previous, decimals):
    swap = {
        Direction.IMPROVED: Direction.WORSENED,
        Direction.WORSENED: Direction.IMPROVED,
        Direction.NO_CHANGE: Direction.NO_CHANGE,
    }
    higher = direction(current, previous, "higher", decimals)
    assert direction(current, previous, "lower", decimals) is swap[higher]


# describe --------------------------------------------------------------------------------

YEARS = {"current_label": "2014/15", "previous_label": "2013/14"}


def test_a_sentence_says_which_way_from_what_to_what_and_when():
    sentence = describe(D("14.0"), D("33.0"), polarity="lower", decimals=1, unit="percent", **YEARS)
    assert sentence == "Improved from 33.0% in 2013/14 to 14.0% in 2014/15"


def test_a_sentence_prints_each_figure_to_the_indicators_decimals_and_unit():
    # A count has no percent sign; 16.25 rounds half up to 16.3 at 1 dp.
    sentence = describe(D("16.25"), D("15"), polarity="lower", decimals=1, unit="count", **YEARS)
    assert sentence == "Worsened from 15.0 in 2013/14 to 16.3 in 2014/15"


def test_a_sentence_for_no_change_gives_the_figure_once():
    sentence = describe(
        D("14.04"), D("14.0"), polarity="lower", decimals=1, unit="percent", **YEARS
    )
    assert sentence == "No change: 14.0% in both 2013/14 and 2014/15"


def test_a_sentence_where_neither_direction_is_better_says_increased():
    sentence = describe(D("4616"), D("4000"), polarity="neither", decimals=0, unit="count", **YEARS)
    assert sentence == "Increased from 4000 in 2013/14 to 4616 in 2014/15"


def test_a_sentence_says_which_figure_is_missing():
    assert (
        describe(None, D("33"), polarity="lower", decimals=1, unit="percent", **YEARS)
        == "No figure for 2014/15 (33.0% in 2013/14)"
    )
    assert (
        describe(D("14"), None, polarity="lower", decimals=1, unit="percent", **YEARS)
        == "14.0% in 2014/15; no figure for 2013/14 to compare with"
    )
    assert (
        describe(None, None, polarity="lower", decimals=1, unit="percent", **YEARS)
        == "No figure for 2014/15 or 2013/14"
    )


# quartile --------------------------------------------------------------------------------


def test_there_is_no_quartile_with_fewer_than_four_neighbours_with_a_figure():
    # Four neighbours, but one has no figure: three comparators are too few.
    assert quartile(D("10"), [D("1"), D("2"), D("3"), None], "higher") is None
    assert quartile(D("10"), [D("1"), D("2"), D("3"), D("4")], "higher") == "A"


def test_there_is_no_quartile_without_a_figure_or_a_better_direction():
    neighbours = [D("1"), D("2"), D("3"), D("4")]
    assert quartile(None, neighbours, "higher") is None
    assert quartile(D("10"), neighbours, "neither") is None


def test_a_council_ranked_exactly_on_the_top_quarters_edge_is_in_band_a_when_higher_is_better():
    # Eight councils with itself: a quarter is exactly two. One neighbour is higher, so the
    # council ranks 2nd, the last place in the top quarter.
    assert (
        quartile(D("70"), [D("80"), D("60"), D("50"), D("40"), D("30"), D("20"), D("10")], "higher")
        == "A"
    )
    # Two neighbours higher: 3rd, the first place of the second quarter.
    assert (
        quartile(D("70"), [D("80"), D("75"), D("50"), D("40"), D("30"), D("20"), D("10")], "higher")
        == "B"
    )


def test_a_council_ranked_exactly_on_the_top_quarters_edge_is_in_band_a_when_lower_is_better():
    # The same figures: for lower is better, each neighbour below 70 is ahead of the council.
    neighbours_one_ahead = [D("60"), D("80"), D("90"), D("95"), D("96"), D("97"), D("98")]
    neighbours_two_ahead = [D("60"), D("65"), D("90"), D("95"), D("96"), D("97"), D("98")]
    assert quartile(D("70"), neighbours_one_ahead, "lower") == "A"
    assert quartile(D("70"), neighbours_two_ahead, "lower") == "B"


def test_the_bottom_and_middle_edges_fall_to_the_better_band():
    # Of eight, ranks 4 (= 8/2) and 6 (= 3 x 8/4) end bands B and C; 5 and 7 start C and D.
    others = [D(n) for n in range(100, 107)]  # seven neighbours all better than 1

    def ranked(rank: int) -> list[D]:
        # rank - 1 neighbours above the council's 50, the rest below it.
        return others[: rank - 1] + [D(n) for n in range(1, 9 - rank)]

    bands = {rank: quartile(D("50"), ranked(rank), "higher") for rank in range(1, 9)}
    assert bands == {1: "A", 2: "A", 3: "B", 4: "B", 5: "C", 6: "C", 7: "D", 8: "D"}


def test_with_ten_neighbours_a_quarter_is_two_and_three_quarters_councils():
    # Eleven councils: A takes ranks up to 2.75 (1-2), B up to 5.5 (3-5), C up to 8.25 (6-8).
    def band(rank: int) -> str:
        above = [D(100 + n) for n in range(rank - 1)]
        below = [D(n) for n in range(1, 12 - rank)]
        return quartile(D("50"), above + below, "higher")

    assert [band(rank) for rank in range(1, 12)] == list("AABBBCCCDDD")


def test_lait_bands_of_all_152_councils_take_38_each():
    def band(rank: int) -> str:
        above = [D(1000 + n) for n in range(rank - 1)]
        below = [D(n) for n in range(1, 153 - rank)]
        return quartile(D("500"), above + below, "higher")

    assert [band(r) for r in (1, 38, 39, 76, 77, 114, 115, 152)] == list("AABBCCDD")


def test_councils_that_tie_share_the_best_rank_of_their_tie():
    # Eight councils; one is better, then the council ties with two others at 70. All three
    # share rank 2, which is in the top quarter, though between them they fill places 2-4.
    neighbours = [D("80"), D("70"), D("70"), D("40"), D("30"), D("20"), D("10")]
    assert quartile(D("70"), neighbours, "higher") == "A"
    assert quartile(D("70"), neighbours, "lower") == "C"  # 4 below 70 ahead: rank 5 of 8


def test_rounding_to_the_printed_decimals_makes_councils_that_print_the_same_tie():
    # 70.04 and 70.01 both print as 70.0; raw, the neighbour at 70.04 is ahead.
    neighbours = [D("80"), D("70.04"), D("40"), D("30"), D("20"), D("10"), D("5")]
    assert quartile(D("70.01"), neighbours, "higher") == "B"
    assert quartile(D("70.01"), neighbours, "higher", decimals=1) == "A"


@given(value=figures, neighbours=st.lists(figures, min_size=4, max_size=20))
def test_quartiles_for_lower_is_better_mirror_those_for_higher(value, neighbours):
    assert quartile(value, neighbours, "higher") == quartile(
        -value, [-n for n in neighbours], "lower"
    )


@given(neighbours=st.lists(figures, min_size=4, max_size=20))
def test_the_best_figure_is_always_band_a_and_a_lone_worst_always_band_d(neighbours):
    best, worst = max(neighbours) + 1, min(neighbours) - 1
    assert quartile(best, neighbours, "higher") == "A"
    assert quartile(worst, neighbours, "higher") == "D"
