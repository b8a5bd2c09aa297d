"""Caseloads: average computed or as reported, against the council's own target."""

import re

from scrutiny.models import Period
from tests.factories.scorecards import IndicatorFactory, TargetFactory
from tests.factories.scrutiny import TeamFactory, UserFactory
from tests.factories.workforce import CaseloadFactory


def url(authority):
    return f"/{authority.slug}/workforce/caseloads/"


def row_of(body, label):
    match = re.search(rf"<tr[^>]*>\s*<td[^>]*>{label}</td>(.*?)</tr>", body, re.S)
    assert match, f"no row for {label}"
    cells = re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells]


def caseload_target(authority, value=16, year=2014):
    indicator = IndicatorFactory(
        code=f"caseload-{authority.slug}",
        area="workforce",
        unit="average",
        polarity="lower",
        is_local=True,
        owner=authority,
    )
    return TargetFactory(
        indicator=indicator, authority=authority, value=value, period=Period.year(year)
    )


def test_it_sends_the_public_to_sign_in(client, authority):
    response = client.get(url(authority))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_an_officer_of_another_council(client, authority, other_authority):
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(url(authority)).status_code == 403


def test_it_shows_only_this_councils_caseloads(officer_client, authority, other_authority):
    CaseloadFactory(authority=authority, service="Ours")
    CaseloadFactory(authority=other_authority, service="Theirs")
    body = officer_client.get(url(authority)).content.decode()
    assert ">Ours<" in body
    assert "Theirs" not in body


def test_it_computes_the_average_or_says_it_is_as_reported(officer_client, authority):
    CaseloadFactory(
        authority=authority,
        service="Assessment and Child in Need",
        cases_held=205,
        case_holding_fte=10,
    )
    CaseloadFactory(
        authority=authority,
        service="Protection and Care",
        cases_held=None,
        case_holding_fte=None,
        reported_average="21.75",
    )
    body = officer_client.get(url(authority)).content.decode()
    computed = row_of(body, "Assessment and Child in Need")
    reported = row_of(body, "Protection and Care")
    assert computed[2:5] == ["205", "10", "20.5"]
    assert computed[5] == "Computed from cases and FTE"
    assert reported[2:5] == ["", "", "21.75"]
    assert reported[5] == "As reported"


def test_it_shows_the_councils_target_and_where_each_team_stands(officer_client, authority):
    caseload_target(authority, value=16)
    CaseloadFactory(
        authority=authority, service="Protection and Care", cases_held=87, case_holding_fte=4
    )
    CaseloadFactory(
        authority=authority,
        service="Looked After Children",
        cases_held=None,
        case_holding_fte=None,
        reported_average="14.26",
    )
    body = officer_client.get(url(authority)).content.decode()
    # Worded as the scorecard words every indicator: the RAG word in its tag.
    assert row_of(body, "Protection and Care")[6:] == ["16", "Red"]
    assert row_of(body, "Looked After Children")[6:] == ["16", "Green"]
    assert 'govuk-tag--red">Red' in body
    assert 'govuk-tag--green">Green' in body


def test_it_ignores_another_councils_target_and_other_years(
    officer_client, authority, other_authority
):
    caseload_target(other_authority, value=12)
    caseload_target(authority, value=18, year=2013)
    CaseloadFactory(authority=authority, service="Protection and Care")
    body = officer_client.get(url(authority)).content.decode()
    assert row_of(body, "Protection and Care")[6:] == ["", ""]


def test_it_names_the_team_where_figures_are_by_team(officer_client, authority):
    CaseloadFactory(
        authority=authority, service="", team=TeamFactory(authority=authority, name="Brambles")
    )
    assert ">Brambles<" in officer_client.get(url(authority)).content.decode()


def test_its_query_count_does_not_grow_with_rows(
    officer_client, authority, django_assert_num_queries
):
    caseload_target(authority)
    CaseloadFactory(authority=authority, team=TeamFactory(authority=authority))
    with django_assert_num_queries(10):
        assert officer_client.get(url(authority)).status_code == 200
    for _ in range(9):
        CaseloadFactory(authority=authority, team=TeamFactory(authority=authority))
    with django_assert_num_queries(10):
        assert officer_client.get(url(authority)).status_code == 200
