"""A person's own work list ("Your work" on their dashboard): what each role in each council
has to do, from the returns and the committee business, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from returns.due_dates import QuarterDueDate, ReturnSchedule, quarter_in_hand
from returns.models import QuarterlyReturn, ReturnSection
from scrutiny.models import CouncilRole, Period, ServiceArea
from scrutiny.worklist import work_for
from tests.factories.returns import section_of, started_return
from tests.factories.scrutiny import (
    AuthorityFactory,
    CommitteeFactory,
    MeetingFactory,
    ReportFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Mid-August 2026: the quarter in hand is Q1 2026/27 (April to June), due 30 July by default.
AUGUST = dt.date(2026, 8, 14)
JULY = dt.date(2026, 7, 14)


def texts(work, role=None):
    return [i.text for c in work for r in c.roles if role in (None, r.role) for i in r.items]


def items(work):
    return [i for c in work for i in c.items]


def submitted(authority, quarter, by):
    return QuarterlyReturn.objects.create(
        authority=authority,
        period=Period.quarter(*quarter),
        status=QuarterlyReturn.Status.SUBMITTED,
        submitted_by=by,
        submitted_at=timezone.now(),
    )


def test_the_quarter_in_hand_is_the_last_to_have_ended():
    assert quarter_in_hand(dt.date(2026, 8, 14)) == (2026, 1)
    assert quarter_in_hand(dt.date(2026, 7, 1)) == (2026, 1)
    assert quarter_in_hand(dt.date(2026, 6, 30)) == (2025, 4)
    assert quarter_in_hand(dt.date(2027, 1, 5)) == (2026, 3)


def test_an_officer_is_asked_to_start_the_return_then_to_finish_its_sections(authority, officer):
    (council,) = work_for(officer, today=JULY)
    (item,) = council.items
    assert council.authority == authority
    assert [r.label for r in council.roles] == ["Officer"]
    assert item.text == "Start the Q1 2026/27 return"
    assert item.url == "/wokingham/returns/2026-27-q1/"
    assert item.due == dt.date(2026, 7, 30) and not item.overdue

    quarterly_return = started_return(
        authority=authority, period=Period.quarter(2026, 1), user=officer
    )
    done = section_of(quarterly_return, "workforce")
    done.status = ReturnSection.Status.COMPLETED
    done.save()
    in_progress = section_of(quarterly_return, "caseloads")
    in_progress.status = ReturnSection.Status.IN_PROGRESS
    in_progress.save()

    listed = items(work_for(officer, today=JULY))
    assert "Workforce by role, Q1 2026/27" not in [i.text for i in listed]
    caseloads = next(i for i in listed if i.text.startswith("Caseloads"))
    assert caseloads.note == "In progress"
    assert caseloads.url == "/wokingham/returns/2026-27-q1/caseloads/"
    assert any(i.note == "Not started" for i in listed)


def test_once_every_section_is_completed_the_officer_is_asked_to_submit(authority, officer):
    quarterly_return = started_return(
        authority=authority, period=Period.quarter(2026, 1), user=officer
    )
    quarterly_return.sections.filter(status__in=["not-started", "in-progress"]).update(
        status=ReturnSection.Status.COMPLETED
    )
    assert texts(work_for(officer, today=JULY)) == ["Submit the Q1 2026/27 return"]


def test_an_officer_limited_to_a_service_area_sees_only_sections_by_team(authority):
    area = ServiceArea.objects.create(authority=authority, name="Children's Social Care")
    limited = UserFactory(username="limited", role="officer", authorities=[authority])
    limited.service_areas.add(area)
    whole = UserFactory(username="whole", role="officer", authorities=[authority])
    started_return(authority=authority, period=Period.quarter(2026, 1), user=whole)

    theirs = texts(work_for(limited, today=JULY))
    everyone = texts(work_for(whole, today=JULY))
    assert "Caseloads by team, Q1 2026/27" in theirs
    assert "Workforce by role, Q1 2026/27" in everyone
    assert "Workforce by role, Q1 2026/27" not in theirs
    assert set(theirs) < set(everyone)


def test_a_quarter_past_its_due_date_is_overdue_by_the_councils_rule_or_its_own_date(
    authority, officer
):
    started_return(authority=authority, period=Period.quarter(2025, 4), user=officer)
    work = items(work_for(officer, today=AUGUST))
    overdue = {i.text: i for i in work if i.overdue}
    assert set(overdue) == {"Q4 2025/26 return", "Start the Q1 2026/27 return"}
    assert overdue["Q4 2025/26 return"].note == "Not yet submitted"
    assert overdue["Q4 2025/26 return"].due == dt.date(2026, 4, 30)

    ReturnSchedule.objects.create(authority=authority, days_after_quarter=60)
    QuarterDueDate.objects.create(
        authority=authority, period=Period.quarter(2025, 4), due=dt.date(2026, 9, 1)
    )
    work = items(work_for(officer, today=AUGUST))
    assert [i.text for i in work if i.overdue] == []
    start = next(i for i in work if i.text == "Start the Q1 2026/27 return")
    assert start.due == dt.date(2026, 8, 29)


def test_a_submitted_quarter_is_not_overdue_and_a_council_without_returns_owes_one(
    authority, officer
):
    submitted(authority, (2026, 1), officer)
    assert [i for i in items(work_for(officer, today=AUGUST)) if i.overdue] == []


def test_an_approver_is_asked_to_approve_returns_others_submitted_never_their_own(authority):
    officer = UserFactory(
        username="o", first_name="Olu", last_name="Okafor", role="officer", authorities=[authority]
    )
    approver = UserFactory(username="a", roles={authority: ["approver", "officer"]})
    submitted(authority, (2026, 1), officer)
    submitted(authority, (2025, 4), approver)

    approvals = texts(work_for(approver, today=AUGUST), role="approver")
    assert approvals == ["Approve the Q1 2026/27 return"]
    (item,) = [i for i in items(work_for(approver, today=AUGUST)) if i.text.startswith("Approve")]
    assert item.note.startswith("Submitted by Olu Okafor on ")
    assert texts(work_for(officer, today=AUGUST), role="approver") == []


def test_roles_are_per_council(authority, other_authority):
    """An approver in one council and a member of another: work only from the first."""
    person = UserFactory(username="two", roles={authority: "approver", other_authority: "member"})
    officer = UserFactory(username="o2", authorities=[authority, other_authority])
    submitted(authority, (2026, 1), officer)
    submitted(other_authority, (2026, 1), officer)
    ReportFactory(authority=other_authority, status="submitted", submitted_by=officer)

    work = work_for(person, today=AUGUST)
    assert [c.authority for c in work] == [authority]
    assert texts(work) == ["Approve the Q1 2026/27 return"]


def test_an_approver_is_asked_to_approve_reports_never_their_own(authority):
    officer = UserFactory(username="writer", authorities=[authority])
    approver = UserFactory(username="director", role="approver", authorities=[authority])
    ReportFactory(
        authority=authority,
        title="Annual review",
        status="submitted",
        submitted_by=officer,
        submitted_at=timezone.now(),
    )
    ReportFactory(
        authority=authority,
        title="Own report",
        status="submitted",
        submitted_by=approver,
        submitted_at=timezone.now(),
    )
    ReportFactory(authority=authority, title="A draft")

    approvals = [t for t in texts(work_for(approver, today=AUGUST)) if t.startswith("Approve")]
    assert approvals == ["Approve “Annual review”"]


def test_a_clerk_is_told_of_agendas_whose_publication_deadline_is_near_or_past(authority):
    clerk = UserFactory(username="clerk", role="clerk", authorities=[authority])
    committee = CommitteeFactory(authority=authority, name="Children's Scrutiny")
    today = dt.date(2026, 8, 3)  # a Monday
    MeetingFactory(committee=committee, date=dt.date(2026, 8, 13))  # publish by 5 August
    MeetingFactory(committee=committee, date=dt.date(2026, 8, 6))  # publish by 29 July: late
    MeetingFactory(
        committee=committee, date=dt.date(2026, 8, 12), agenda_published_at=timezone.now()
    )
    MeetingFactory(committee=committee, date=dt.date(2026, 10, 1))  # far off

    work = [i for i in items(work_for(clerk, today=today)) if i.role == "clerk"]
    assert [(i.text, i.due, i.overdue) for i in work] == [
        ("Publish the agenda for Children's Scrutiny, 6 August 2026", dt.date(2026, 7, 29), True),
        ("Publish the agenda for Children's Scrutiny, 13 August 2026", dt.date(2026, 8, 5), False),
    ]


def test_nothing_to_do_and_no_council(client, authority):
    member = UserFactory(username="member", role="member", authorities=[authority])
    assert work_for(member) == []
    assert work_for(UserFactory(username="nobody")) == []
    client.force_login(member)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Your work" in html
    assert "You have nothing to do at the moment." in html


def test_signing_in_lands_on_the_dashboard_which_opens_with_your_work(client, authority, officer):
    response = client.post(reverse("login"), {"username": "officer-w", "password": "pw"})
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    html = client.get(reverse("dashboard")).content.decode()
    assert html.index("Your work") < html.index("Upcoming meetings")
    label = Period.quarter(*quarter_in_hand(timezone.localdate())).label
    assert f"Start the {label} return" in html
    assert "Wokingham Borough Council" in html and "As officer" in html
    # Each link is described by its hint (due date) and its status, as GOV.UK's task list.
    assert 'aria-describedby="work-1-1-1-hint work-1-1-1-status"' in html
    assert 'id="work-1-1-1-hint"' in html and 'id="work-1-1-1-status"' in html


def _busy_council(n: int, approver, officer):
    council = AuthorityFactory()
    CouncilRole.objects.create(user=approver, authority=council, role="approver")
    CouncilRole.objects.create(user=officer, authority=council, role="officer")
    quarter = quarter_in_hand(timezone.localdate())
    for _ in range(n):
        submitted(council, quarter, officer)
        quarter = (quarter[0] - 1, quarter[1])
        ReportFactory(
            authority=council, status="submitted", submitted_by=officer, submitted_at=timezone.now()
        )
    return council


@pytest.mark.parametrize("n", [1, 10])
def test_the_work_lists_query_count_is_flat_in_returns_and_reports(n):
    approver = UserFactory(username="approver-q")
    officer = UserFactory(username="officer-q")
    _busy_council(n, approver, officer)
    with CaptureQueriesContext(connection) as queries:
        work = work_for(approver)
    assert len([t for t in texts(work) if t.startswith("Approve")]) == 2 * n
    assert len(queries) == WORK_LIST_QUERIES


# council roles, councils, due-date rule, own dates, returns, reports, meetings (none: no clerk)
WORK_LIST_QUERIES = 6


@pytest.mark.parametrize("n", [1, 10])
def test_the_dashboard_with_its_work_list_costs_the_same_for_1_or_10_returns_and_reports(client, n):
    approver = UserFactory(username="approver-d")
    _busy_council(n, approver, UserFactory(username="officer-d"))
    client.force_login(approver)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("dashboard"))
    assert page.content.decode().count('">Approve ') == 2 * n
    assert len(queries) == DASHBOARD_QUERIES, [q["sql"] for q in queries]


# a savepoint, the session and its user, work_for's six, then the dashboard's own
DASHBOARD_QUERIES = 14
