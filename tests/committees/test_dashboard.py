"""A signed-in person's dashboard: their next meetings and papers, and recent reports."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories.scrutiny import (
    AgendaItemFactory,
    CommitteeFactory,
    CommitteeMembershipFactory,
    MeetingFactory,
    ReportFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def soon(days=7):
    return timezone.localdate() + dt.timedelta(days=days)


@pytest.fixture
def upcoming(committee):
    """An upcoming meeting with an open report and a Part 2 item carrying a report."""
    meeting = MeetingFactory(committee=committee, date=soon(), agenda_published_at=timezone.now())
    authority = committee.authority
    open_report = ReportFactory(
        authority=authority, committee=committee, title="Annual review", published=True
    )
    exempt_report = ReportFactory(
        authority=authority, committee=committee, title="Placement of child A", published=True
    )
    AgendaItemFactory(meeting=meeting, number=1, title="Annual review", report=open_report)
    AgendaItemFactory(
        meeting=meeting,
        number=2,
        title="Placement of child A",
        public_title="An individual child's placement",
        report=exempt_report,
        is_exempt=True,
        exempt_paragraph=1,
    )
    return meeting


def test_the_public_is_sent_to_sign_in(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={reverse('dashboard')}"


def test_a_member_sees_their_committees_meetings_with_part_2_papers(
    member_client, committee, upcoming
):
    response = member_client.get(reverse("dashboard"))
    html = response.content.decode()

    assert response.status_code == 200
    assert upcoming.get_absolute_url() in html
    assert "Placement of child A" in html
    assert "Part 2 – not for publication" in html
    assert 'href="/wokingham/reports/' in html
    (entry,) = response.context["dashboard"].meetings
    assert [item.report.title for item in entry.agenda] == ["Annual review", "Placement of child A"]


def test_a_councillor_of_the_council_on_another_committee_sees_only_theirs(
    client, authority, committee, upcoming
):
    elsewhere = CommitteeFactory(authority=authority, name="Corporate Parenting Board")
    their_meeting = MeetingFactory(committee=elsewhere, date=soon(3))
    user = UserFactory(username="cllr-cp", role="member", authorities=[authority])
    CommitteeMembershipFactory(committee=elsewhere, user=user)
    client.force_login(user)

    response = client.get(reverse("dashboard"))
    html = response.content.decode()

    assert [m.meeting for m in response.context["dashboard"].meetings] == [their_meeting]
    assert "child A" not in html
    assert upcoming.get_absolute_url() not in html


def test_a_former_member_no_longer_sees_the_committee(client, authority, committee, upcoming):
    user = UserFactory(username="cllr-former", role="member", authorities=[authority])
    CommitteeMembershipFactory(
        committee=committee,
        user=user,
        start_date=dt.date(2010, 1, 1),
        end_date=timezone.localdate() - dt.timedelta(days=1),
    )
    client.force_login(user)
    response = client.get(reverse("dashboard"))
    assert response.context["dashboard"].meetings == []
    assert "child A" not in response.content.decode()
    assert "You do not sit on any committee" in response.content.decode()


def test_an_officer_sees_every_committee_of_their_councils(
    officer_client, authority, committee, upcoming, other_authority
):
    other_council = MeetingFactory(
        committee=CommitteeFactory(authority=other_authority), date=soon()
    )
    response = officer_client.get(reverse("dashboard"))
    meetings = [m.meeting for m in response.context["dashboard"].meetings]
    assert meetings == [upcoming]
    assert other_council not in meetings
    assert "Placement of child A" in response.content.decode()


def test_past_meetings_are_not_upcoming_and_recent_reports_are_listed(
    member_client, committee, meeting
):
    report = ReportFactory(
        authority=committee.authority, committee=committee, title="Last year", published=True
    )
    response = member_client.get(reverse("dashboard"))
    dashboard = response.context["dashboard"]
    assert dashboard.meetings == []
    assert dashboard.past_meetings == [meeting]
    assert dashboard.reports == [report]


def test_the_header_links_to_the_dashboard_when_signed_in(client, member_client, authority):
    assert 'href="/dashboard/"' in member_client.get(authority.get_absolute_url()).content.decode()
    client.logout()
    assert 'href="/dashboard/"' not in client.get(authority.get_absolute_url()).content.decode()


def test_the_dashboard_costs_the_same_however_many_meetings_and_items(
    member_client, committee, upcoming, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as one:
        member_client.get(reverse("dashboard"))
    for days in range(10, 15):
        meeting = MeetingFactory(committee=committee, date=soon(days))
        for number in range(1, 4):
            report = ReportFactory(
                authority=committee.authority, committee=committee, published=True
            )
            AgendaItemFactory(
                meeting=meeting,
                number=number,
                report=report,
                is_exempt=number == 3,
                exempt_paragraph=1 if number == 3 else None,
            )
    with django_assert_num_queries(len(one)):
        response = member_client.get(reverse("dashboard"))
    assert len(response.context["dashboard"].meetings) == 6
