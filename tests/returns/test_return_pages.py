"""The task list and its workflow buttons, from starting a quarter to locking it."""

import pytest
from django.utils import timezone

from returns.models import QuarterlyReturn, ReturnEvent
from returns.sections import sections
from scrutiny.models import financial_year_of
from tests.factories.returns import section_post

pytestmark = pytest.mark.django_db

DETAIL = "/wokingham/returns/2014-15-q4/"


def fill_every_section(client, quarterly_return):
    filled = {
        "workforce": {
            ("Social workers", "total_reported"): "77",
            ("Social workers", "permanent"): "40",
            ("Social workers", "agency"): "37",
            ("Social workers", "vacancies"): "3",
        },
        "complaints": {("Ambleside Social Work Team", "stage_early"): "1"},
        "contacts": {("Telephone calls", "count"): "3735", ("Emails", "count"): "839"},
    }
    for slug in sections():
        # A section with nothing entered is completed only as "Nothing to report".
        nothing = {} if slug in filled else {"nothing_to_report": "on"}
        data = section_post(quarterly_return, slug, filled.get(slug), status="completed", **nothing)
        response = client.post(f"{DETAIL}{slug}/", data)
        assert response.status_code == 302, response.content.decode()[:3000]


def test_a_quarter_goes_from_start_to_locked_and_its_figures_reach_the_workforce_page(
    as_user, officer, approver, teams, roles
):
    client = as_user(officer)
    assert client.post("/wokingham/returns/", {"period": "2014-15-q4"})["Location"] == DETAIL
    quarterly_return = QuarterlyReturn.objects.get()
    page = client.get(DETAIL).content.decode()
    assert page.count('<li class="govuk-task-list__item') == len(sections()) == 16
    assert "Not started" in page
    assert "Cannot start yet" not in page
    fill_every_section(client, quarterly_return)
    page = client.get(DETAIL).content.decode()
    assert "Not started" not in page and "In progress" not in page
    assert page.count("Completed") >= len(sections())
    assert client.post(DETAIL, {"action": "submit"}).status_code == 302

    approving = as_user(approver)
    assert "Approve</button>" in approving.get(DETAIL).content.decode()
    assert approving.post(DETAIL, {"action": "approve"}).status_code == 302
    assert approving.post(DETAIL, {"action": "lock"}).status_code == 302
    quarterly_return.refresh_from_db()
    assert quarterly_return.status == QuarterlyReturn.Status.LOCKED

    history = client.get(DETAIL).content.decode()
    assert "Submitted by Test Person" in history
    assert "Workforce by role saved by" in history
    assert " at " in history
    workforce = client.get("/wokingham/workforce/").content.decode()
    assert "Social workers" in workforce
    assert "31 March 2015" in workforce
    locked = client.get(f"{DETAIL}workforce/").content.decode()
    assert "Save and mark as completed" not in locked


def test_the_submitter_cannot_approve_their_own_return(as_user, draft, authority):
    from tests.factories.scrutiny import UserFactory

    boss = UserFactory(username="boss", role="approver", authorities=[authority])
    client = as_user(boss)
    fill_every_section(client, draft)
    draft.refresh_from_db()
    # An approver may not submit: only officers do.
    assert "Submit for approval" not in client.get(DETAIL).content.decode()
    QuarterlyReturn.objects.filter(pk=draft.pk).update(
        status="submitted", submitted_by=boss, submitted_at="2015-04-10T10:00Z"
    )
    page = client.get(DETAIL).content.decode()
    assert "Approve</button>" not in page
    response = client.post(DETAIL, {"action": "approve"})
    assert (
        "You submitted this return, so someone else must approve it." in response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.status == "submitted"


def test_submitting_an_unfinished_return_is_refused_in_words(as_user, draft, officer):
    response = as_user(officer).post(DETAIL, {"action": "submit"})
    html = response.content.decode()
    assert "<title>Error: " in html
    assert "Complete every section before you submit" in html
    assert '<a href="#actions">' in html


def test_reopening_needs_a_reason(as_user, draft, officer, approver):
    fill_every_section(as_user(officer), draft)
    as_user(officer).post(DETAIL, {"action": "submit"})
    client = as_user(approver)
    response = client.post(DETAIL, {"action": "reopen", "reason": "   "})
    html = response.content.decode()
    assert '<a href="#reason">Say why the return is being reopened' in html
    assert 'id="reason-error"' in html
    draft.refresh_from_db()
    assert draft.status == "submitted"
    assert (
        client.post(DETAIL, {"action": "reopen", "reason": "Agency figure was wrong"}).status_code
        == 302
    )
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert ReturnEvent.objects.filter(action="reopened", reason="Agency figure was wrong").exists()
    assert "Reopened for correction by" in client.get(DETAIL).content.decode()


def test_an_unknown_action_is_refused(as_user, draft, officer):
    response = as_user(officer).post(DETAIL, {"action": "delete"})
    assert "Choose what to do with the return" in response.content.decode()


def test_the_returns_list_offers_an_earlier_year_to_enter_its_history(as_user, officer):
    """A council new to the product enters earlier years: choosing one three years back lists
    its four quarters, ready to start; a year not on offer is refused in words."""
    client = as_user(officer)
    year = financial_year_of(timezone.localdate()) - 3
    slug = f"{year}-{(year + 1) % 100:02d}"
    body = client.get(f"/wokingham/returns/?year={year}").content.decode()
    assert "<title>Error: " not in body
    assert all(f'value="{slug}-q{n}"' in body for n in range(1, 5))
    assert f'<option value="{year}" selected>{year}/{(year + 1) % 100:02d}</option>' in body
    assert f'value="{slug}-q1"' not in client.get("/wokingham/returns/").content.decode()
    assert client.post("/wokingham/returns/", {"period": f"{slug}-q2"}).status_code == 302
    assert QuarterlyReturn.objects.filter(period__start_year=year, period__number=2).exists()

    refused = client.get("/wokingham/returns/?year=1990").content.decode()
    assert "<title>Error: " in refused
    assert '<a href="#id_year">Choose a financial year from the list</a>' in refused
