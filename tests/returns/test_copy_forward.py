"""Copy forward: a section starts from last quarter's rows, each marked "copied from" that
quarter until the officer confirms it; unconfirmed copied rows keep the section from being
completed, and a copy that cannot be made says why."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from returns.models import ReturnSection
from scrutiny.models import Period
from tests.factories.returns import section_of, section_post
from tests.factories.scrutiny import TeamFactory
from tests.factories.workforce import CaseloadFactory, StaffingFigureFactory
from workforce.models import Caseload, StaffingFigure

pytestmark = pytest.mark.django_db

URL = "/wokingham/returns/2014-15-q4/{}/"
AMBLESIDE = "Ambleside Social Work Team"
COPY = {"copy-forward": "1"}
COPIED = "Copied from Q3 2014/15"


def summary(response) -> list[str]:
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', response.content.decode())


def this_quarter():
    return Caseload.objects.filter(period=Period.quarter(2014, 4))


@pytest.fixture
def last_quarter(authority, teams):
    return CaseloadFactory(
        authority=authority,
        team=teams[0],
        period=Period.quarter(2014, 3),
        cases_held=20,
        case_holding_fte=Decimal("2.5"),
    )


def copied_post(client, draft, slug="caseloads"):
    """The page after "Copy last quarter's figures", posted back as the browser would."""
    response = client.post(URL.format(slug), section_post(draft, slug) | COPY)
    assert response.status_code == 200
    html = response.content.decode()
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    boxes = r'<input class="govuk-input[^"]*"[^>]*name="([^"]+)"[^>]*value="([^"]*)"'
    data |= dict(re.findall(boxes, html))
    return response, data


def test_last_quarters_team_rows_are_copied_marked_and_saved_only_when_sent(
    as_user, draft, officer, last_quarter
):
    client = as_user(officer)
    assert "Copy last quarter’s figures" in client.get(URL.format("caseloads")).content.decode()
    response, data = copied_post(client, draft)
    html = response.content.decode()
    assert COPIED in html
    assert data["rows-0-cases_held"] == "20" and data["rows-0-case_holding_fte"] == "2.5"
    assert data["rows-0-copied"] == "1" and data.get("rows-1-copied", "") == ""
    assert not this_quarter().exists()  # shown to check, not saved

    # Completing with the copied row unconfirmed is refused, and nothing is saved.
    response = client.post(URL.format("caseloads"), data | {"status": "completed"})
    assert summary(response) == [
        f"Confirm the figures for {AMBLESIDE} copied from Q3 2014/15, or change them, before "
        "you mark the section as completed"
    ]
    assert not this_quarter().exists()

    # Saved for later: the figures are kept and the row stays marked as copied.
    response = client.post(URL.format("caseloads"), data | {"status": "in-progress"})
    assert response.status_code == 302, summary(response)
    assert this_quarter().get().cases_held == 20
    section = section_of(draft, "caseloads")
    assert section.copied_rows == [str(last_quarter.team_id)]
    page = client.get(URL.format("caseloads")).content.decode()
    assert COPIED in page

    # Confirmed: the section completes and the mark goes.
    data = section_post(draft, "caseloads", {(AMBLESIDE, "confirmed"): "on"}, status="completed")
    response = client.post(URL.format("caseloads"), data)
    assert response.status_code == 302, summary(response)
    section = section_of(draft, "caseloads")
    assert (section.status, section.copied_rows) == (ReturnSection.Status.COMPLETED, [])
    assert COPIED not in client.get(URL.format("caseloads")).content.decode()


def test_roles_are_copied_with_last_quarters_basis(as_user, draft, officer, authority, roles):
    StaffingFigureFactory(
        authority=authority,
        role=roles[1],
        as_at=dt.date(2014, 12, 31),
        period=Period.quarter(2014, 3),
        permanent=40,
        agency=37,
        total_reported=77,
    )
    response, data = copied_post(as_user(officer), draft, "workforce")
    assert (data["rows-1-total_reported"], data["rows-1-copied"]) == ("77", "1")
    assert not StaffingFigure.objects.filter(period=Period.quarter(2014, 4)).exists()


def test_a_copy_over_this_quarters_figures_or_of_nothing_is_refused_and_says_why(
    as_user, draft, officer, authority, teams, last_quarter
):
    client = as_user(officer)
    CaseloadFactory(authority=authority, team=teams[1], cases_held=9, case_holding_fte=1)
    response = client.post(URL.format("caseloads"), section_post(draft, "caseloads") | COPY)
    assert summary(response) == [
        "This quarter already has figures for 1 team: copying the figures of Q3 2014/15 "
        "would overwrite them, so nothing was copied"
    ]
    assert list(this_quarter().values_list("cases_held", flat=True)) == [9]
    last_quarter.delete()
    this_quarter().delete()
    response = client.post(URL.format("caseloads"), section_post(draft, "caseloads") | COPY)
    assert summary(response) == ["There is nothing from Q3 2014/15 to copy"]


@pytest.mark.parametrize("rows", [1, 10])
def test_copying_costs_the_same_queries_for_1_and_10_rows(as_user, draft, officer, authority, rows):
    for n in range(rows):
        team = TeamFactory(authority=authority, name=f"Team {n:02d}")
        CaseloadFactory(authority=authority, team=team, period=Period.quarter(2014, 3))
    client = as_user(officer)
    data = section_post(draft, "caseloads") | COPY
    client.post(URL.format("caseloads"), data)
    with CaptureQueriesContext(connection) as queries:
        assert client.post(URL.format("caseloads"), data).status_code == 200
    assert len(queries) == COPY_QUERIES, [q["sql"] for q in queries.captured_queries]


COPY_QUERIES = 22
