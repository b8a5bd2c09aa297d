"""The council scorecard for a period: every indicator with a figure, grouped by area."""

import re

import pytest

from scorecards.models import ComparatorValue
from scrutiny.models import NeighbourSet, NeighbourSetMember, Period, Region
from tests.factories.scorecards import (
    ComparatorValueFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    TargetFactory,
)
from tests.factories.scrutiny import AuthorityFactory

Q4 = Period.quarter


def url(authority, query=""):
    return f"/{authority.slug}/scorecards/{query}"


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def row_of(body, name):
    """The cells after the indicator's name, as text (visually hidden words included)."""
    match = re.search(rf"<tr[^>]*>\s*<th[^>]*><a[^>]*>{name}</a>.*?</th>(.*?)</tr>", body, re.S)
    assert match, f"no row for {name}"
    return [text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)]


def caseload(authority, **kwargs):
    indicator = IndicatorFactory(
        name="Average caseload",
        unit="average",
        polarity="lower",
        area="workforce",
        decimals=2,
        **kwargs,
    )
    for period, value in [
        (Period.quarter(2013, 4), "18"),
        (Period.quarter(2014, 3), "21.75"),
        (Period.quarter(2014, 4), "20.5"),
    ]:
        IndicatorValueFactory(
            indicator=indicator, authority=authority, period=period, reported_value=value
        )
    return indicator


def test_the_public_may_read_it(client, authority):
    IndicatorValueFactory(authority=authority, indicator=IndicatorFactory(name="Ours"))
    response = client.get(url(authority))
    assert response.status_code == 200
    assert ">Ours</a>" in response.content.decode()


def test_it_is_404_for_an_unknown_council(client, db):
    assert client.get("/nowhere/scorecards/").status_code == 404


def test_it_lists_only_indicators_with_a_value_for_this_council_in_the_period(
    officer_client, authority, other_authority
):
    month = Period.month(2015, 2)
    IndicatorValueFactory(
        authority=authority, period=month, indicator=IndicatorFactory(name="Ours")
    )
    IndicatorValueFactory(
        authority=authority, period=Period.month(2014, 11), indicator=IndicatorFactory(name="Older")
    )
    IndicatorValueFactory(
        authority=other_authority, period=month, indicator=IndicatorFactory(name="Theirs")
    )
    IndicatorFactory(name="Nobody's")
    body = officer_client.get(url(authority)).content.decode()
    assert ">Ours</a>" in body
    for name in ("Older", "Theirs", "Nobody"):
        assert name not in body


def test_it_defaults_to_the_latest_period_and_offers_the_others(officer_client, authority):
    caseload(authority)
    body = officer_client.get(url(authority)).content.decode()
    assert "scorecard: Q4 2014/15</h1>" in body
    assert '<label class="govuk-label" for="period">Period</label>' in body
    options = re.findall(r'<option value="([^"]+)"( selected)?>', body)
    assert options == [("2014-15-q4", " selected"), ("2014-15-q3", ""), ("2013-14-q4", "")]


def test_it_shows_the_chosen_period(officer_client, authority):
    indicator = caseload(authority)
    body = officer_client.get(url(authority, "?period=2014-15-q3")).content.decode()
    cells = row_of(body, indicator.name)
    assert cells[0] == "21.75"
    assert "Last period (Q2 2014/15)" in text(body)


def test_an_unknown_period_is_404(officer_client, authority):
    caseload(authority)
    assert officer_client.get(url(authority, "?period=1999-00-q1")).status_code == 404


def test_it_groups_indicators_by_area_under_captions(officer_client, authority):
    IndicatorValueFactory(
        authority=authority, indicator=IndicatorFactory(name="Turnover", area="workforce")
    )
    IndicatorValueFactory(
        authority=authority, indicator=IndicatorFactory(name="Re-referrals", area="front-door")
    )
    body = officer_client.get(url(authority)).content.decode()
    captions = re.findall(r"<caption[^>]*>(.*?)</caption>", body)
    assert captions == ["Workforce", "Contacts, referrals and assessments"]
    assert body.index("Turnover") < body.index("Re-referrals")


def test_a_row_has_value_target_rag_last_period_last_year_and_trend(officer_client, authority):
    indicator = caseload(authority)
    TargetFactory(indicator=indicator, authority=authority, period=Period.year(2014), value=16)
    TargetFactory(indicator=indicator, authority=authority, period=Period.year(2013), value=99)
    cells = row_of(officer_client.get(url(authority)).content.decode(), indicator.name)
    assert cells[:5] == ["20.50", "16.00", "Red", "21.75", "18.00"]
    # Lower is better: 21.75 -> 20.5 is an improvement, said in words with both figures.
    assert cells[-1] == "Improved Improved from 21.75 in Q3 2014/15 to 20.50 in Q4 2014/15"
    assert (
        'class="govuk-tag govuk-tag--red">Red</strong>'
        in officer_client.get(url(authority)).content.decode()
    )


@pytest.mark.parametrize(
    ("value", "word"),
    [("16", "Green"), ("16.5", "Amber"), ("17", "Amber"), ("17.01", "Red")],
)
def test_rag_uses_the_tolerance_band(officer_client, authority, value, word):
    indicator = IndicatorFactory(name="Caseload", unit="average", polarity="lower", decimals=2)
    IndicatorValueFactory(
        indicator=indicator, authority=authority, period=Q4(2014, 4), reported_value=value
    )
    TargetFactory(
        indicator=indicator, authority=authority, period=Period.year(2014), value=16, tolerance=1
    )
    assert row_of(officer_client.get(url(authority)).content.decode(), "Caseload")[2] == word


def test_no_target_is_a_state_of_its_own(officer_client, authority):
    IndicatorValueFactory(authority=authority, indicator=IndicatorFactory(name="Untargeted"))
    body = officer_client.get(url(authority)).content.decode()
    assert row_of(body, "Untargeted")[2] == "No target"
    assert 'govuk-tag--grey">No target</strong>' in body


def test_trend_words_follow_polarity(officer_client, authority):
    for name, polarity in [
        ("Higher good", "higher"),
        ("Lower good", "lower"),
        ("Either", "neither"),
    ]:
        indicator = IndicatorFactory(name=name, polarity=polarity)
        for month, value in [(1, "85.4"), (2, "97.2")]:
            IndicatorValueFactory(
                indicator=indicator,
                authority=authority,
                period=Period.month(2015, month),
                reported_value=value,
            )
    body = officer_client.get(url(authority)).content.decode()
    assert row_of(body, "Higher good")[-1].startswith("Improved Improved from 85.4%")
    assert row_of(body, "Lower good")[-1].startswith("Worsened Worsened from 85.4%")
    assert row_of(body, "Either")[-1].startswith("Increased Increased from 85.4%")


def test_a_flat_figure_is_no_change(officer_client, authority):
    indicator = IndicatorFactory(name="Flat", decimals=0)
    for month, value in [(1, "85.4"), (2, "85.2")]:
        IndicatorValueFactory(
            indicator=indicator,
            authority=authority,
            period=Period.month(2015, month),
            reported_value=value,
        )
    assert row_of(officer_client.get(url(authority)).content.decode(), "Flat")[-1].startswith(
        "No change No change: 85% in both"
    )


def test_it_shows_england_region_and_neighbours_and_an_annual_benchmark_says_its_year(
    officer_client, authority, other_authority
):
    indicator = IndicatorFactory(name="Timely", decimals=1)
    IndicatorValueFactory(indicator=indicator, authority=authority, period=Q4(2014, 4))
    ComparatorValueFactory(indicator=indicator, period=Period.year(2014), value="80.25")
    ComparatorValueFactory(
        indicator=indicator,
        period=Q4(2014, 4),
        kind=ComparatorValue.Kind.NEIGHBOURS,
        authority=authority,
        value="75",
    )
    ComparatorValueFactory(
        indicator=indicator,
        period=Q4(2014, 4),
        kind=ComparatorValue.Kind.NEIGHBOURS,
        authority=other_authority,
        value="11",
    )
    ComparatorValueFactory(
        indicator=indicator,
        period=Q4(2014, 4),
        kind=ComparatorValue.Kind.REGION,
        region=authority.region,
        value="77.5",
    )
    ComparatorValueFactory(
        indicator=indicator,
        period=Q4(2014, 4),
        kind=ComparatorValue.Kind.REGION,
        region=next(r for r in Region.values if r != authority.region),
        value="12",
    )
    body = officer_client.get(url(authority)).content.decode()
    cells = row_of(body, "Timely")
    # England's annual figure, this council's region's (not another's), the neighbours'.
    assert cells[5:8] == ["80.3% (2014/15)", "77.5%", "75.0%"]
    assert f">{authority.get_region_display()}" in body  # the region column says which


def test_without_a_published_average_it_shows_the_mean_of_the_neighbours_shown(
    client, officer_client, authority
):
    indicator = IndicatorFactory(name="Averaged", unit="count", decimals=1)
    period = Q4(2014, 4)
    IndicatorValueFactory(
        indicator=indicator, authority=authority, period=period, reported_value=50
    )
    old = NeighbourSet.objects.create(authority=authority, start_year=2010)
    current = NeighbourSet.objects.create(authority=authority, start_year=2014)
    for rank, (value, lists) in enumerate(
        [(10, [current]), (21, [current]), (3, [current]), (900, [old])], start=1
    ):
        council = AuthorityFactory()
        for neighbours in lists:
            NeighbourSetMember.objects.create(
                neighbour_set=neighbours, neighbour=council, rank=rank
            )
        IndicatorValueFactory(
            indicator=indicator, authority=council, period=period, reported_value=value
        )
    # The 2014 list only (not the old list's 900), and not the 3: a small count of another
    # council, which the mean would give away to anyone who can read the other two.
    for reader in (client, officer_client):
        cells = row_of(reader.get(url(authority)).content.decode(), "Averaged")
        assert cells[7] == "15.5 (mean of 2 neighbours’ figures here)"


def test_it_bands_the_council_among_its_statistical_neighbours(officer_client, authority):
    indicator = IndicatorFactory(name="Banded", polarity="higher")
    period = Q4(2014, 4)
    IndicatorValueFactory(
        indicator=indicator, authority=authority, period=period, reported_value=50
    )
    neighbours = NeighbourSet.objects.create(authority=authority, start_year=2014)
    for rank, value in enumerate([10, 20, 30, 40, 60, 70, 80], start=1):
        council = AuthorityFactory()
        NeighbourSetMember.objects.create(neighbour_set=neighbours, neighbour=council, rank=rank)
        IndicatorValueFactory(
            indicator=indicator, authority=council, period=period, reported_value=value
        )
    # 50 is 4th of 8 (three better): rank 4 of 8 is on the half's edge, so B.
    assert row_of(officer_client.get(url(authority)).content.decode(), "Banded")[8] == "B"


def test_without_four_neighbours_there_is_no_quartile(officer_client, authority):
    IndicatorValueFactory(authority=authority, indicator=IndicatorFactory(name="Alone"))
    assert row_of(officer_client.get(url(authority)).content.decode(), "Alone")[8] == ""


def test_it_sorts_within_each_area(officer_client, authority):
    period = Q4(2014, 4)
    for name, value in [("Alpha", 30), ("Bravo", 10), ("Charlie", 20)]:
        IndicatorValueFactory(
            authority=authority,
            period=period,
            indicator=IndicatorFactory(name=name),
            reported_value=value,
        )
    body = officer_client.get(url(authority, "?sort=value")).content.decode()
    assert body.index("Bravo") < body.index("Charlie") < body.index("Alpha")
    body = officer_client.get(url(authority, "?sort=-value")).content.decode()
    assert body.index("Alpha") < body.index("Charlie") < body.index("Bravo")
    assert 'aria-sort="descending"' in body


def test_it_marks_an_illustrative_value_in_words(officer_client, authority):
    IndicatorValueFactory(
        authority=authority, is_illustrative=True, indicator=IndicatorFactory(name="Made up")
    )
    assert (
        "Illustrative" in row_of(officer_client.get(url(authority)).content.decode(), "Made up")[0]
    )


# Small numbers --------------------------------------------------------------------------


def small_count(authority):
    indicator = IndicatorFactory(
        name="Children missing", unit="count", decimals=0, polarity="lower"
    )
    IndicatorValueFactory(
        indicator=indicator, authority=authority, period=Q4(2014, 3), reported_value=12
    )
    IndicatorValueFactory(
        indicator=indicator, authority=authority, period=Q4(2014, 4), reported_value=3
    )
    TargetFactory(indicator=indicator, authority=authority, period=Period.year(2014), value=4)
    return indicator


def test_the_public_sees_a_small_count_as_c_with_no_rag_or_trend(client, authority):
    small_count(authority)
    body = client.get(url(authority)).content.decode()
    cells = row_of(body, "Children missing")
    assert cells[0].startswith("c")
    assert cells[1] == "4"  # the target is no secret
    assert cells[2].startswith("c")  # Green against 4 would say "4 or fewer"
    assert cells[3] == "12"
    assert cells[-1].startswith("c")
    assert ">3<" not in body and "to 3 in" not in body
    assert "so that no child can be identified" in body


def test_officers_and_members_see_the_small_count(officer_client, authority, client):
    small_count(authority)
    cells = row_of(officer_client.get(url(authority)).content.decode(), "Children missing")
    assert cells[:3] == ["3", "4", "Green"]
    assert cells[-1] == "Improved Improved from 12 in Q3 2014/15 to 3 in Q4 2014/15"


def test_a_member_of_the_council_sees_everything(member_client, authority):
    small_count(authority)
    assert row_of(member_client.get(url(authority)).content.decode(), "Children missing")[0] == "3"


def test_an_officer_of_another_council_sees_what_the_public_sees(outsider_client, authority):
    small_count(authority)
    cells = row_of(outsider_client.get(url(authority)).content.decode(), "Children missing")
    assert cells[0].startswith("c")


def test_the_public_does_not_see_a_rate_whose_numerator_is_small(client, authority):
    indicator = IndicatorFactory(name="Repeat plans")
    IndicatorValueFactory(
        indicator=indicator, authority=authority, reported_value=None, numerator=4, denominator=40
    )
    body = client.get(url(authority)).content.decode()
    assert row_of(body, "Repeat plans")[0].startswith("c")
    assert "10.0%" not in body


def test_the_public_does_not_see_a_share_that_leaves_a_small_rest(client, authority):
    """11 permanent of 16 says 5 are agency staff, though neither rate names the 5."""
    indicator = IndicatorFactory(name="Permanent managers")
    IndicatorValueFactory(
        indicator=indicator, authority=authority, reported_value=None, numerator=11, denominator=16
    )
    body = client.get(url(authority)).content.decode()
    assert row_of(body, "Permanent managers")[0].startswith("c")
    assert "68.8%" not in body


def test_sorting_cannot_reveal_a_hidden_figure(client, authority):
    period = Q4(2014, 4)
    for name, value in [("Alpha", 30), ("Bravo", 2), ("Charlie", 20), ("Delta", 4)]:
        IndicatorValueFactory(
            authority=authority,
            period=period,
            indicator=IndicatorFactory(name=name, unit="count", decimals=0),
            reported_value=value,
        )
    body = client.get(url(authority, "?sort=value")).content.decode()
    # Hidden figures sort together, in the page's own order, not by their values.
    assert body.index("Bravo") < body.index("Delta")
    body = client.get(url(authority, "?sort=-value")).content.decode()
    assert body.index("Bravo") < body.index("Delta")


# Cost -----------------------------------------------------------------------------------


def test_its_query_count_is_flat_in_indicators_and_periods(
    officer_client, authority, django_assert_num_queries
):
    def add(year):
        for quarter in (3, 4):
            value = IndicatorValueFactory(authority=authority, period=Q4(year, quarter))
            TargetFactory(indicator=value.indicator, authority=authority, period=Period.year(year))
            ComparatorValueFactory(indicator=value.indicator, period=Period.year(year))

    add(2014)
    with django_assert_num_queries(12):
        assert officer_client.get(url(authority)).status_code == 200
    for year in range(2005, 2014):
        add(year)
    for _ in range(9):
        add(2014)
    with django_assert_num_queries(12):
        assert officer_client.get(url(authority)).status_code == 200
    with django_assert_num_queries(12):
        assert officer_client.get(url(authority, "?sort=rag&period=2010-11-q3")).status_code == 200


def test_the_public_page_costs_no_more_per_row(client, authority, django_assert_num_queries):
    IndicatorValueFactory(authority=authority)
    with django_assert_num_queries(9):
        assert client.get(url(authority)).status_code == 200
    for _ in range(9):
        IndicatorValueFactory(authority=authority)
    with django_assert_num_queries(9):
        assert client.get(url(authority)).status_code == 200


def test_the_latest_published_benchmark_stands_beside_a_later_quarter_saying_its_year(
    officer_client, authority
):
    """Published statistics lag: England's 2013/14 figure is the one beside Q3 2014/15 (not
    the older 2012/13 one, nor nothing), and says which year it is for; a benchmark for a
    later year never stands beside an earlier quarter."""
    indicator = IndicatorFactory(name="Lagging", decimals=1)
    IndicatorValueFactory(indicator=indicator, authority=authority, period=Q4(2014, 3))
    ComparatorValueFactory(indicator=indicator, period=Period.year(2012), value="61")
    ComparatorValueFactory(indicator=indicator, period=Period.year(2013), value="64.5")
    ComparatorValueFactory(indicator=indicator, period=Period.year(2015), value="99")
    body = officer_client.get(url(authority, "?period=2014-15-q3")).content.decode()
    assert row_of(body, "Lagging")[5] == "64.5% (2013/14)"
