"""Chart specs: immutable, Decimal throughout, hashable by content."""

from decimal import Decimal

import pytest

from scrutiny.charts import BarChart, LineChart, Series, format_figure, spoken_label
from scrutiny.charts.specs import merge_labels


def test_it_freezes_lists_as_tuples_and_figures_as_decimals():
    spec = LineChart("T", series=[Series("A", [("Nov 2016", 4), ("Mar 2017", 4.2)])])
    assert spec.series == (Series("A", (("Nov 2016", Decimal(4)), ("Mar 2017", Decimal("4.2")))),)
    assert spec.series[0].points[1][1] == Decimal("4.2")  # through str, not binary float
    with pytest.raises(AttributeError):
        spec.title = "Other"


def test_equal_specs_are_equal_and_hash_equal():
    first = LineChart("T", series=[Series("A", [("Q1", 1)])], target=16)
    second = LineChart("T", series=(Series("A", (("Q1", Decimal(1)),)),), target=Decimal(16))
    assert first == second
    assert hash(first) == hash(second)
    assert first != BarChart("T", series=[Series("A", [("Q1", 1)])], target=16)


def test_it_keeps_a_missing_figure_as_none():
    series = Series("A", [("Q1", None), ("Q2", 0)])
    assert series.points == (("Q1", None), ("Q2", Decimal(0)))
    assert [label for _, label, _ in series.present] == ["Q2"]


@pytest.mark.parametrize("bad", ["four", float("nan"), True])
def test_it_refuses_what_is_not_a_figure(bad):
    with pytest.raises((ValueError, TypeError)):
        Series("A", [("Q1", bad)])


def test_it_refuses_a_period_given_twice():
    with pytest.raises(ValueError, match="more than once"):
        Series("A", [("Q1", 1), ("Q1", 2)])


def test_it_refuses_an_upside_down_axis_and_silly_decimals():
    with pytest.raises(ValueError):
        LineChart("T", y_min=10, y_max=0)
    with pytest.raises(ValueError):
        LineChart("T", decimals=7)


def test_labels_merge_in_order():
    assert merge_labels([[("Q1", 1), ("Q3", 1)], [("Q1", 1), ("Q2", 1), ("Q3", 1)]]) == [
        "Q1",
        "Q2",
        "Q3",
    ]
    spec = LineChart(
        "T",
        series=[Series("A", [("Q2", 1), ("Q3", 1)])],
        comparators=[Series("England", [("Q1", 1), ("Q2", 1)])],
    )
    assert spec.labels == ["Q1", "Q2", "Q3"]


def test_figures_round_half_up_with_their_unit():
    assert format_figure(Decimal("68.65"), "%", 1) == "68.7%"
    assert format_figure(Decimal("0.125"), "", 2) == "0.13"
    assert format_figure(16, "days", 0) == "16 days"
    assert format_figure(None, "%", 1) == ""


def test_target_reads_as_a_round_number_where_it_is_one():
    assert LineChart("T", decimals=1, target=16).target_text == "16"
    assert LineChart("T", decimals=1, unit="%", target="12.5").target_text == "12.5%"
    assert LineChart("T").target_text == ""


def test_short_months_are_spoken_in_full():
    assert spoken_label("Nov 2016") == "November 2016"
    assert spoken_label("Sept 2018") == "September 2018"
    assert spoken_label("March 2015") == "March 2015"
    assert spoken_label("Q1 2015/16") == "Q1 2015/16"
