"""Meetings calendars (iCalendar): published agendas only, London time, stable UIDs."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories.scrutiny import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingFactory,
    ReportFactory,
)

pytestmark = pytest.mark.django_db


def council_calendar(authority):
    return reverse("committees:meeting_calendar", kwargs={"authority": authority.slug})


def committee_calendar(committee):
    return reverse(
        "committees:committee_calendar",
        kwargs={"authority": committee.authority.slug, "slug": committee.slug},
    )


def events(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_a_meeting_is_an_event_in_london_time_with_venue_link_and_agenda(
    client, committee, meeting
):
    meeting.start_time = dt.time(19, 0)
    meeting.save()
    AgendaItemFactory(meeting=meeting, number=1, title="Apologies for absence")
    AgendaItemFactory(meeting=meeting, number=2, title="Annual review")

    response = client.get(committee_calendar(committee))
    (event,) = events(response)

    start = event.decoded("dtstart")
    assert start == dt.datetime(2015, 7, 21, 19, 0, tzinfo=ZoneInfo("Europe/London"))
    assert start.utcoffset() == dt.timedelta(hours=1)  # British Summer Time
    assert "TZID=Europe/London" in response.content.decode()
    assert b"BEGIN:VTIMEZONE" in response.content
    assert str(event["location"]) == "David Hicks 1 – Civic Offices"
    assert str(event["url"]) == f"http://testserver{meeting.get_absolute_url()}"
    assert str(event["description"]) == "Agenda:\n1. Apologies for absence\n2. Annual review"
    assert str(event["summary"]) == committee.name


def test_uids_do_not_change_between_fetches(client, committee, meeting):
    first = [str(e["uid"]) for e in events(client.get(committee_calendar(committee)))]
    MeetingFactory(committee=committee, agenda_published_at=timezone.now())
    second = [str(e["uid"]) for e in events(client.get(committee_calendar(committee)))]
    assert first == [f"meeting-{meeting.pk}@{committee.authority.slug}.scrutiny"]
    assert first[0] in second and len(set(second)) == 2


def test_unpublished_meetings_are_left_out_even_for_council_staff(
    officer_client, committee, meeting
):
    MeetingFactory(committee=committee, date=dt.date(2016, 1, 1))  # agenda not published
    assert len(events(officer_client.get(council_calendar(committee.authority)))) == 1


def test_exempt_items_appear_by_their_public_title_only(member_client, committee, meeting):
    report = ReportFactory(authority=committee.authority, committee=committee, published=True)
    AgendaItemFactory(
        meeting=meeting,
        number=4,
        title="Placement of child A",
        public_title="",
        report=report,
        is_exempt=True,
        exempt_paragraph=1,
    )
    (event,) = events(member_client.get(committee_calendar(committee)))
    assert str(event["description"]) == "Agenda:\n4. Exempt item (paragraph 1)"
    assert b"child A" not in member_client.get(committee_calendar(committee)).content


def test_the_council_calendar_has_every_committee_and_the_committee_one_only_its_own(
    client, authority, committee, meeting
):
    other = CommitteeFactory(authority=authority, name="Corporate Parenting Board")
    MeetingFactory(committee=other, agenda_published_at=timezone.now())
    assert len(events(client.get(council_calendar(authority)))) == 2
    assert len(events(client.get(committee_calendar(committee)))) == 1


def test_a_meeting_without_a_time_is_a_whole_day(client, committee, meeting):
    meeting.start_time = None
    meeting.save()
    (event,) = events(client.get(committee_calendar(committee)))
    assert event.decoded("dtstart") == dt.date(2015, 7, 21)


def test_cancelled_meetings_say_so(client, committee, meeting):
    meeting.status = "cancelled"
    meeting.save()
    (event,) = events(client.get(committee_calendar(committee)))
    assert str(event["status"]) == "CANCELLED"


def test_the_committee_and_meeting_pages_link_to_the_calendars(client, committee, meeting):
    committee_page = client.get(committee.get_absolute_url()).content.decode()
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    assert f'href="{committee_calendar(committee)}"' in committee_page
    assert f'href="{council_calendar(committee.authority)}"' in committee_page
    assert f'href="{committee_calendar(committee)}"' in meeting_page


def test_the_calendar_costs_the_same_however_many_meetings(
    client, committee, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            m = MeetingFactory(committee=committee, agenda_published_at=timezone.now())
            AgendaItemFactory(meeting=m, number=1)
            AgendaItemFactory(meeting=m, number=2)

    add(1)
    with CaptureQueriesContext(connection) as one:
        client.get(council_calendar(committee.authority))
    add(6)
    with django_assert_num_queries(len(one)):
        client.get(council_calendar(committee.authority))
