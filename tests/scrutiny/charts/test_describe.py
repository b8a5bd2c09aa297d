"""Alt text and data tables: the chart in words, for those who cannot see it."""

from scrutiny.charts import BarChart, LineChart, Series, alt_text, data_table

ROUNDS = ["Nov 2016", "Mar 2017", "Sep 2017", "Mar 2018", "Sep 2018"]


def average(*scores):
    """The seed 000 average-score chart with the given scores per round."""
    return LineChart(
        "Average score across all 7 aspects of the score card",
        decimals=1,
        series=[Series("Average score", list(zip(ROUNDS, scores, strict=True)))],
    )


def test_it_says_a_figure_rose():
    spec = average(4, 4.3, 4.8, 5.2, 5.6)
    assert alt_text(spec) == (
        "Average score rose from 4.0 in November 2016 to 5.6 in September 2018."
    )


def test_it_says_a_figure_fell():
    assert alt_text(average(5.6, 5, 4.8, 4.2, 4)) == (
        "Average score fell from 5.6 in November 2016 to 4.0 in September 2018."
    )


def test_it_says_a_figure_stayed_the_same():
    assert alt_text(average(4, 4, "4.04", 4, 4)) == (
        "Average score stayed at 4.0 from November 2016 to September 2018."
    )


def test_it_does_not_call_a_round_trip_flat():
    text = alt_text(average(4, 5, 6, 5, 4))
    assert text == "Average score was 4.0 in November 2016 and again 4.0 in September 2018."


def test_it_goes_from_the_first_to_the_last_figure_and_names_the_gaps():
    text = alt_text(average(None, 4, None, None, 5.5))
    assert text == (
        "Average score rose from 4.0 in March 2017 to 5.5 in September 2018 "
        "(no figure for September 2017 and March 2018)."
    )


def test_it_counts_gaps_when_there_are_many():
    spec = LineChart(
        "T", series=[Series("A", [(f"Q{i}", 1 if i in (0, 9) else None) for i in range(10)])]
    )
    assert "(no figure for 8 periods in between)" in alt_text(spec)


def test_a_single_point_is_stated():
    assert alt_text(average(None, None, 4.25, None, None)) == (
        "Average score was 4.3 in September 2017."
    )


def test_no_data_says_so():
    assert alt_text(average(None, None, None, None, None)) == (
        "Average score across all 7 aspects of the score card: no figures recorded yet."
    )
    assert alt_text(LineChart("")) == "No figures recorded yet."


def test_it_gives_the_unit_decimals_target_and_comparators():
    spec = LineChart(
        "Timeliness of decisions",
        unit="%",
        decimals=1,
        series=[Series("Slough", [("Q1 2014/15", "85.4"), ("Q4 2014/15", "97.2")])],
        target=95,
        comparators=[
            Series("England", [("Q1 2014/15", 16), ("Q4 2014/15", 16)]),
            Series("statistical neighbours", [("Q1 2014/15", "15.2")]),
        ],
    )
    assert alt_text(spec) == (
        "Slough rose from 85.4% in Q1 2014/15 to 97.2% in Q4 2014/15, against a target of 95%. "
        "For comparison: England 16.0% in Q4 2014/15; statistical neighbours 15.2% in Q1 2014/15."
    )


def test_with_several_series_it_names_the_largest_change():
    spec = BarChart(
        "Staff",
        decimals=0,
        series=[
            Series("Permanent", [("2013/14", 40), ("2014/15", 44)]),
            Series("Agency", [("2013/14", 19), ("2014/15", 7)]),
        ],
    )
    assert alt_text(spec) == (
        "Permanent rose from 40 in 2013/14 to 44 in 2014/15. "
        "Agency fell from 19 in 2013/14 to 7 in 2014/15. "
        "The largest change was in Agency, which fell from 19 to 7."
    )


def test_with_many_series_it_summarises():
    spec = LineChart(
        "Scores for each aspect",
        series=[
            Series(f"Aspect {n}", [("Nov 2016", 4), ("Sep 2018", 4 + n / 10)]) for n in range(7)
        ],
    )
    assert alt_text(spec) == (
        "Scores for each aspect, 7 series from November 2016 to September 2018. "
        "The largest change was in Aspect 6, which rose from 4.0 to 4.6."
    )


def test_the_table_has_a_row_per_period_and_a_column_per_series():
    spec = LineChart(
        "Caseload",
        decimals=1,
        series=[Series("Slough", [("Q1", 22), ("Q2", None), ("Q3", "19.45")])],
        target=16,
        comparators=[Series("England", [("Q1", 16), ("Q3", 16)])],
    )
    headers, rows = data_table(spec)
    assert headers == ["Period", "Slough", "England", "Target"]
    assert rows == [
        ["Q1", "22.0", "16.0", "16"],
        ["Q2", "", "", "16"],
        ["Q3", "19.5", "16.0", "16"],
    ]


def test_an_empty_chart_has_an_empty_table():
    assert data_table(LineChart("T")) == (["Period"], [])
