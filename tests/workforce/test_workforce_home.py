"""The workforce overview: Slough's staffing table with last year's figures in brackets."""

import datetime as dt
import re

import pytest

from tests.factories.scorecards import IndicatorFactory, TargetFactory
from tests.factories.scrutiny import UserFactory
from tests.factories.workforce import (
    CaseloadFactory,
    RoleFactory,
    StaffingFigureFactory,
    StaffMovementFactory,
    TrainingCompletionFactory,
    TrainingCoverageFactory,
)

MARCH_15 = dt.date(2015, 3, 31)
MARCH_14 = dt.date(2014, 3, 31)

# Slough, March 2015 (March 2014 in brackets): role -> (total, permanent, agency[, vacancies]).
SLOUGH = {
    "First Line Managers": ((16, 11, 5), (14, 6, 8)),
    "Consultant Practitioners": ((15, 6, 19), (9, 5, 4, 4)),
    "Independent reviewing officers": ((7, 6, 1), (7, 5, 2)),
    "Social workers": ((77, 40, 37), (74, 36, 38)),
}


def url(authority, **query):
    qs = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/{authority.slug}/workforce/" + (f"?{qs}" if qs else "")


def staffing(authority, role, as_at, total, permanent, agency, vacancies=None):
    return StaffingFigureFactory(
        authority=authority,
        role=role,
        as_at=as_at,
        total_reported=total,
        permanent=permanent,
        agency=agency,
        vacancies=vacancies,
    )


@pytest.fixture
def slough(authority):
    for order, (name, (now, then)) in enumerate(SLOUGH.items()):
        role = RoleFactory(name=name, order=order)
        staffing(authority, role, MARCH_15, *now)
        staffing(authority, role, MARCH_14, *then)
    return authority


def row_of(body, role):
    match = re.search(rf"<tr[^>]*>\s*<td[^>]*>{role}</td>(.*?)</tr>", body, re.S)
    assert match, f"no row for {role}"
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)
    ]


def test_it_sends_the_public_to_sign_in(client, authority):
    response = client.get(url(authority))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_an_officer_of_another_council(client, authority, other_authority):
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(url(authority)).status_code == 403


def test_it_shows_last_year_in_brackets(officer_client, slough):
    body = officer_client.get(url(slough)).content.decode()
    assert row_of(body, "First Line Managers")[:4] == [
        "16 (14)",
        "11 (6)",
        "5 (8)",
        "68.8% (42.9%)",
    ]
    assert row_of(body, "Social workers")[:4] == ["77 (74)", "40 (36)", "37 (38)", "51.9% (48.6%)"]
    assert "31 March 2014 figures in brackets" in body


def test_it_computes_percent_permanent_from_the_parts_not_the_printed_total(officer_client, slough):
    body = officer_client.get(url(slough)).content.decode()
    # The paper printed 40% (6 of the 15 given); 6 of 6 + 19 is 24.0%.
    assert row_of(body, "Consultant Practitioners")[3] == "24.0% (55.6%)"


def test_it_flags_the_consultant_practitioner_row_in_words(officer_client, slough):
    body = officer_client.get(url(slough)).content.decode()
    cells = row_of(body, "Consultant Practitioners")
    assert "Does not add up" in cells[-1]
    assert "Permanent (6) + agency (19) = 25, but the total given is 15." in cells[-1]
    assert row_of(body, "First Line Managers")[-1] == "No problems found"


def test_it_shows_vacant_posts_when_any_are_recorded(officer_client, slough):
    body = officer_client.get(url(slough)).content.decode()
    assert "Vacant posts" in body
    assert row_of(body, "Consultant Practitioners")[4] == "(4)"


def test_it_defaults_to_the_latest_snapshot_and_lets_the_reader_choose(officer_client, slough):
    body = officer_client.get(url(slough)).content.decode()
    assert '<label class="govuk-label" for="as_at">Snapshot date</label>' in body
    assert '<option value="2015-03-31" selected>31 March 2015</option>' in body
    assert '<option value="2014-03-31">31 March 2014</option>' in body

    body = officer_client.get(url(slough, as_at="2014-03-31")).content.decode()
    assert "Staff by role at 31 March 2014" in body
    assert row_of(body, "First Line Managers")[:2] == ["14", "6"]


def test_an_unknown_date_falls_back_to_the_latest(officer_client, slough):
    body = officer_client.get(url(slough, as_at="not-a-date")).content.decode()
    assert "Staff by role at 31 March 2015" in body


def test_it_shows_only_this_councils_figures(officer_client, authority, other_authority):
    role = RoleFactory(name="Social workers")
    staffing(authority, role, MARCH_15, None, 4321, 1)
    staffing(other_authority, role, MARCH_15, None, 8765, 1)
    body = officer_client.get(url(authority)).content.decode()
    assert "4321" in body
    assert "8765" not in body


def test_it_gives_each_lists_headline_figure(officer_client, authority):
    StaffMovementFactory(authority=authority, starters=22, leavers=14)
    CaseloadFactory(
        authority=authority, service="Protection and Care", cases_held=87, case_holding_fte=4
    )
    indicator = IndicatorFactory(
        area="workforce", unit="average", polarity="lower", is_local=True, owner=authority
    )
    TargetFactory(indicator=indicator, authority=authority, value=16)
    TrainingCompletionFactory(authority=authority, completed=72)
    TrainingCompletionFactory(authority=authority, completed=15)
    TrainingCoverageFactory(authority=authority, reported_percent=68)
    body = officer_client.get(url(authority)).content.decode()
    assert "22 started and 14 left, a net change of +8." in body
    assert (
        "the highest average caseload was 21.75 (Protection and Care), against a target of 16."
        in body
    )
    assert "87 course completions recorded across 2 courses." in body
    assert "68% of Children&#x27;s services staff had completed" in body


def test_its_query_count_does_not_grow_with_rows(
    officer_client, authority, django_assert_num_queries
):
    def add_role(n):
        role = RoleFactory(name=f"Role {n}", order=n)
        staffing(authority, role, MARCH_15, 10, 6, 4)
        staffing(authority, role, MARCH_14, 10, 5, 5)
        StaffMovementFactory(authority=authority)
        CaseloadFactory(authority=authority)
        TrainingCompletionFactory(authority=authority)
        TrainingCoverageFactory(authority=authority)

    add_role(0)
    with django_assert_num_queries(13):
        assert officer_client.get(url(authority)).status_code == 200
    for n in range(1, 10):
        add_role(n)
    with django_assert_num_queries(13):
        assert officer_client.get(url(authority)).status_code == 200
