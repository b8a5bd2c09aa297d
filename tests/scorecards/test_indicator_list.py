"""The scorecard list: each indicator's latest figure for the council, with its target."""

import re

from scrutiny.models import Period
from tests.factories.scorecards import IndicatorFactory, IndicatorValueFactory, TargetFactory
from tests.factories.scrutiny import UserFactory


def url(authority, query=""):
    return f"/{authority.slug}/scorecards/{query}"


def row_of(body, name):
    match = re.search(rf"<tr[^>]*>\s*<td[^>]*><a[^>]*>{name}</a></td>(.*?)</tr>", body, re.S)
    assert match, f"no row for {name}"
    cells = re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells]


def test_it_sends_the_public_to_sign_in(client, authority):
    response = client.get(url(authority))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_an_officer_of_another_council(client, authority, other_authority):
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(url(authority)).status_code == 403


def test_it_lists_only_indicators_with_a_value_for_this_council(
    officer_client, authority, other_authority
):
    IndicatorValueFactory(authority=authority, indicator=IndicatorFactory(name="Ours"))
    IndicatorValueFactory(authority=other_authority, indicator=IndicatorFactory(name="Theirs"))
    IndicatorFactory(name="Nobody's")
    body = officer_client.get(url(authority)).content.decode()
    assert ">Ours</a>" in body
    assert "Theirs" not in body
    assert "Nobody" not in body


def test_it_shows_the_latest_value_with_its_period_and_basis(officer_client, authority):
    indicator = IndicatorFactory(
        name="Contacts decided within 24 hours", area="front-door", source="Slough return"
    )
    IndicatorValueFactory(
        indicator=indicator,
        authority=authority,
        period=Period.month(2015, 1),
        reported_value="85.4",
    )
    IndicatorValueFactory(
        indicator=indicator,
        authority=authority,
        period=Period.month(2015, 2),
        reported_value="97.2",
        basis="Contacts",
    )
    cells = row_of(officer_client.get(url(authority)).content.decode(), indicator.name)
    assert cells[:6] == [
        "Contacts, referrals and assessments",
        "97.2%",
        "February 2015",
        "Contacts",
        "As reported",
        "Slough return",
    ]


def test_it_computes_a_value_from_its_counts_and_says_so(officer_client, authority):
    indicator = IndicatorFactory(name="Assessments in 45 days", decimals=1)
    IndicatorValueFactory(
        indicator=indicator,
        authority=authority,
        reported_value=None,
        numerator=318,
        denominator=400,
    )
    cells = row_of(officer_client.get(url(authority)).content.decode(), indicator.name)
    assert cells[1] == "79.5%"
    assert cells[4] == "Computed from counts"


def test_it_shows_the_target_for_the_values_year_in_words(officer_client, authority):
    indicator = IndicatorFactory(
        name="Average caseload", unit="average", polarity="lower", area="workforce", decimals=2
    )
    IndicatorValueFactory(
        indicator=indicator,
        authority=authority,
        period=Period.quarter(2014, 4),
        reported_value="20.5",
    )
    TargetFactory(indicator=indicator, authority=authority, period=Period.year(2014), value=16)
    TargetFactory(indicator=indicator, authority=authority, period=Period.year(2013), value=99)
    cells = row_of(officer_client.get(url(authority)).content.decode(), indicator.name)
    assert cells[6:] == ["16.00", "Above target"]


def test_it_filters_by_area(officer_client, authority):
    IndicatorValueFactory(
        authority=authority, indicator=IndicatorFactory(name="Staff turnover", area="workforce")
    )
    IndicatorValueFactory(
        authority=authority, indicator=IndicatorFactory(name="Re-referrals", area="front-door")
    )
    body = officer_client.get(url(authority, "?area=workforce")).content.decode()
    assert ">Staff turnover</a>" in body
    assert "Re-referrals" not in body


def test_it_marks_an_illustrative_value_in_words(officer_client, authority):
    IndicatorValueFactory(
        authority=authority, is_illustrative=True, indicator=IndicatorFactory(name="Made up")
    )
    cells = row_of(officer_client.get(url(authority)).content.decode(), "Made up")
    assert "Illustrative" in cells[1]


def test_its_query_count_does_not_grow_with_rows(
    officer_client, authority, django_assert_num_queries
):
    def add():
        value = IndicatorValueFactory(authority=authority)
        TargetFactory(indicator=value.indicator, authority=authority)

    add()
    with django_assert_num_queries(9):
        assert officer_client.get(url(authority)).status_code == 200
    for _ in range(9):
        add()
    with django_assert_num_queries(9):
        assert officer_client.get(url(authority)).status_code == 200
