"""An indicator's page: definition, the council's series, comparators and targets."""

import re

from scrutiny.models import Period, Region
from tests.factories.scorecards import (
    ComparatorValueFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    TargetFactory,
)
from tests.factories.scrutiny import UserFactory


def url(authority, indicator):
    return f"/{authority.slug}/scorecards/{indicator.code}/"


def table_after(body, heading):
    start = body.index(heading)
    return body[start : body.index("</table>", start)]


def rows(html):
    found = []
    for row in re.findall(r"<tbody.*?</tbody>", html, re.S)[0].split("</tr>")[:-1]:
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        found.append([re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return found


def test_it_sends_the_public_to_sign_in(client, authority):
    indicator = IndicatorFactory()
    response = client.get(url(authority, indicator))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_an_officer_of_another_council(client, authority, other_authority):
    indicator = IndicatorFactory()
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(url(authority, indicator)).status_code == 403


def test_it_is_404_for_another_councils_local_indicator(officer_client, authority, other_authority):
    theirs = IndicatorFactory(is_local=True, owner=other_authority)
    IndicatorValueFactory(indicator=theirs, authority=other_authority)
    assert officer_client.get(url(authority, theirs)).status_code == 404


def test_a_national_indicator_is_shown_even_without_a_value(officer_client, authority):
    national = IndicatorFactory(name="Re-referrals within 12 months", is_local=False)
    body = officer_client.get(url(authority, national)).content.decode()
    assert "Re-referrals within 12 months" in body
    assert "No figures recorded." in body


def test_it_shows_the_definition_unit_polarity_and_basis(officer_client, authority):
    indicator = IndicatorFactory(
        definition="Contacts with a decision within one working day.",
        unit="percent",
        polarity="higher",
        basis="Contacts in the month",
    )
    body = officer_client.get(url(authority, indicator)).content.decode()
    for text in [
        "Contacts with a decision within one working day.",
        "Per cent",
        "Higher is better",
        "Contacts in the month",
    ]:
        assert text in body


def test_it_shows_the_series_computed_or_as_reported(officer_client, authority):
    indicator = IndicatorFactory(decimals=1)
    IndicatorValueFactory(
        indicator=indicator,
        authority=authority,
        period=Period.month(2015, 1),
        reported_value="85.4",
        commentary="Before the new manager",
    )
    IndicatorValueFactory(
        indicator=indicator,
        authority=authority,
        period=Period.month(2015, 2),
        reported_value=None,
        numerator=243,
        denominator=250,
    )
    body = officer_client.get(url(authority, indicator)).content.decode()
    series = rows(table_after(body, "’s figures"))
    assert series[0][:5] == ["January 2015", "85.4%", "", "", "As reported"]
    assert series[0][-1] == "Before the new manager"
    assert series[1][:5] == ["February 2015", "97.2%", "243", "250", "Computed from counts"]


def test_it_compares_with_england_the_region_and_neighbours(
    officer_client, authority, other_authority
):
    indicator = IndicatorFactory(decimals=1)
    year = Period.year(2014)
    IndicatorValueFactory(
        indicator=indicator, authority=authority, period=year, reported_value="20.1"
    )
    ComparatorValueFactory(indicator=indicator, period=year, kind="england", value="22.3")
    ComparatorValueFactory(
        indicator=indicator, period=year, kind="region", region=Region.SOUTH_EAST, value="21.4"
    )
    ComparatorValueFactory(
        indicator=indicator, period=year, kind="region", region=Region.LONDON, value="99.9"
    )
    ComparatorValueFactory(
        indicator=indicator, period=year, kind="neighbours", authority=authority, value="19.8"
    )
    ComparatorValueFactory(
        indicator=indicator, period=year, kind="neighbours", authority=other_authority, value="88.8"
    )
    body = officer_client.get(url(authority, indicator)).content.decode()
    comparison = table_after(body, "Compared with England")
    assert "South East" in comparison
    assert rows(comparison) == [["2014/15", "20.1%", "22.3%", "21.4%", "19.8%"]]


def test_it_lists_the_councils_targets_only(officer_client, authority, other_authority):
    indicator = IndicatorFactory(decimals=0, unit="average")
    TargetFactory(indicator=indicator, authority=authority, value=16)
    TargetFactory(
        indicator=indicator, authority=other_authority, value=12, period=Period.year(2015)
    )
    body = officer_client.get(url(authority, indicator)).content.decode()
    assert rows(table_after(body, '<h2 class="govuk-heading-m">Targets'))[0][:2] == [
        "2014/15",
        "16",
    ]
    assert "2015/16" not in body


def test_its_query_count_does_not_grow_with_rows(
    officer_client, authority, django_assert_num_queries
):
    indicator = IndicatorFactory()

    def add(year):
        period = Period.year(year)
        IndicatorValueFactory(indicator=indicator, authority=authority, period=period)
        ComparatorValueFactory(indicator=indicator, period=period)
        TargetFactory(indicator=indicator, authority=authority, period=period)

    add(2010)
    with django_assert_num_queries(11):
        assert officer_client.get(url(authority, indicator)).status_code == 200
    for year in range(2011, 2020):
        add(year)
    with django_assert_num_queries(11):
        assert officer_client.get(url(authority, indicator)).status_code == 200
