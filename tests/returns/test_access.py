"""Every returns page and POST, as every kind of reader, checked on the server."""

import pytest

from assurance.models import ComplaintCount
from returns.models import QuarterlyReturn, ReturnEvent
from tests.factories.returns import section_post, started_return

pytestmark = pytest.mark.django_db

SECTIONS = ["workforce", "complaints", "contacts"]


def pages(council: str) -> list[str]:
    base = f"/{council}/returns/"
    quarter = base + "2014-15-q4/"
    return [base, quarter] + [quarter + slug + "/" for slug in SECTIONS]


@pytest.mark.parametrize(
    ("who", "status"),
    [
        (None, 302),
        ("outsider", 403),
        ("officer", 200),
        ("approver", 200),
        ("clerk", 200),
        ("member", 200),
    ],
)
def test_every_page_answers_each_reader(request, as_user, draft, who, status):
    client = as_user(request.getfixturevalue(who) if who else None)
    for url in pages("wokingham"):
        response = client.get(url)
        assert response.status_code == status, url
        if status == 302:
            assert response["Location"].startswith("/accounts/login/")


def test_readers_see_figures_but_no_boxes_or_buttons(as_user, draft, member):
    client = as_user(member)
    detail = client.get("/wokingham/returns/2014-15-q4/").content.decode()
    assert "Submit for approval" not in detail and "Reopen" not in detail
    page = client.get("/wokingham/returns/2014-15-q4/complaints/").content.decode()
    assert '<input class="govuk-input' not in page
    assert "Save and mark as completed" not in page


@pytest.mark.parametrize("who", ["member", "clerk", "outsider", None])
def test_no_one_but_the_councils_officers_and_approvers_may_post(request, as_user, draft, who):
    client = as_user(request.getfixturevalue(who) if who else None)
    data = section_post(draft, "complaints", {("Ambleside Social Work Team", "stage_stage_1"): "3"})
    events = ReturnEvent.objects.count()
    responses = [
        client.post("/wokingham/returns/", {"period": "2014-15-q3"}),
        client.post("/wokingham/returns/2014-15-q4/", {"action": "submit"}),
        client.post("/wokingham/returns/2014-15-q4/", {"action": "reopen", "reason": "x"}),
        client.post("/wokingham/returns/2014-15-q4/complaints/", data),
    ]
    assert {r.status_code for r in responses} == ({302} if who is None else {403})
    assert not ComplaintCount.objects.exists()
    assert QuarterlyReturn.objects.count() == 1
    assert ReturnEvent.objects.count() == events


def test_an_officer_cannot_post_to_another_councils_return_by_changing_the_url(
    as_user, draft, outsider, other_authority, quarter, teams
):
    # The outsider's own council has a return too: the URL, not the form, picks the council.
    started_return(authority=other_authority, period=quarter, user=outsider)
    data = section_post(draft, "complaints", {("Ambleside Social Work Team", "stage_stage_1"): "3"})
    response = as_user(outsider).post("/wokingham/returns/2014-15-q4/complaints/", data)
    assert response.status_code == 403
    assert not ComplaintCount.objects.exists()


def test_a_row_naming_another_councils_team_is_refused(as_user, draft, officer, other_authority):
    from tests.factories.scrutiny import TeamFactory

    theirs = TeamFactory(authority=other_authority, name="Slough Team")
    data = section_post(draft, "complaints", {("Ambleside Social Work Team", "stage_early"): "1"})
    data["rows-0-key"] = str(theirs.pk)
    response = as_user(officer).post("/wokingham/returns/2014-15-q4/complaints/", data)
    assert response.status_code == 200
    assert "Row 1 is not one of this council&#x27;s teams" in response.content.decode()
    assert not ComplaintCount.objects.exists()


def test_an_unknown_quarter_or_section_is_not_found(as_user, draft, officer):
    client = as_user(officer)
    assert client.get("/wokingham/returns/2014-16-q4/").status_code == 404
    assert client.get("/wokingham/returns/2014-15-q5/").status_code == 404
    assert client.get("/wokingham/returns/2014-15-q4/inspections/").status_code == 404
    assert client.post("/wokingham/returns/", {"period": "<script>"}).status_code == 404


def test_a_quarter_not_started_shows_its_figures_read_only_and_refuses_a_save(
    as_user, officer, teams, roles, authority
):
    client = as_user(officer)
    page = client.get("/wokingham/returns/2014-15-q4/complaints/")
    assert page.status_code == 200
    assert "has not been started" in page.content.decode()
    detail = client.get("/wokingham/returns/2014-15-q4/").content.decode()
    assert "Start the Q4 2014/15 return" in detail
    response = client.post(
        "/wokingham/returns/2014-15-q4/complaints/",
        {"rows-TOTAL_FORMS": "0", "status": "completed"},
    )
    assert "Start this quarter" in response.content.decode()
    assert not QuarterlyReturn.objects.exists()


def test_the_list_offers_a_start_button_only_to_officers_and_approvers(
    as_user, officer, member, authority
):
    assert "Start<span" in as_user(officer).get("/wokingham/returns/").content.decode()
    assert "Start<span" not in as_user(member).get("/wokingham/returns/").content.decode()
    response = as_user(officer).post("/wokingham/returns/", {"period": "2014-15-q4"})
    assert response.status_code == 302
    assert response["Location"] == "/wokingham/returns/2014-15-q4/"
