"""Cancelling or moving a meeting whose agenda is published is published too: a notice on
the meeting page and in the committee's feed, and in the calendar the event's SEQUENCE
rises with each change (STATUS:CANCELLED once cancelled), so subscribed calendars update."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from committees.models import MeetingNotice
from tests.factories.scrutiny import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(authority):
    return UserFactory(username="clerk-w", role="clerk", authorities=[authority])


@pytest.fixture
def upcoming(committee):
    return MeetingFactory(
        committee=committee,
        date=dt.date(2026, 11, 10),
        start_time=dt.time(19, 0),
        venue="Civic Offices",
        agenda_published_at=timezone.now(),
    )


def _change(client, meeting, **changes):
    data = {
        "committee": meeting.committee.pk,
        "date": meeting.date.isoformat(),
        "start_time": meeting.start_time.strftime("%H:%M"),
        "venue": meeting.venue,
        "status": meeting.status,
    } | changes
    url = reverse(
        "committees:meeting_change",
        kwargs={"authority": meeting.committee.authority.slug, "pk": meeting.pk},
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    meeting.refresh_from_db()


def _event(client, committee):
    url = reverse(
        "committees:committee_calendar",
        kwargs={"authority": committee.authority.slug, "slug": committee.slug},
    )
    (event,) = Calendar.from_ical(client.get(url).content).walk("VEVENT")
    return event


def _feed(client, committee) -> str:
    url = reverse(
        "committees:committee_feed",
        kwargs={"authority": committee.authority.slug, "slug": committee.slug},
    )
    return client.get(url).content.decode()


def test_moving_then_cancelling_publishes_each_change(client, committee, clerk, upcoming):
    assert _event(client, committee)["sequence"] == 0
    client.force_login(clerk)
    _change(client, upcoming, venue="Council Chamber", notice_reason="The room flooded.")
    moved = (
        "The meeting on Tuesday 10 November 2026 at 7:00 pm, Civic Offices has moved to "
        "Tuesday 10 November 2026 at 7:00 pm, Council Chamber. The room flooded."
    )
    assert upcoming.calendar_sequence == 1
    _change(client, upcoming, status="cancelled")
    cancelled = "The meeting on Tuesday 10 November 2026 at 7:00 pm, Council Chamber is cancelled."
    assert upcoming.calendar_sequence == 2
    client.logout()

    page = client.get(upcoming.get_absolute_url()).content.decode()
    assert "Meeting moved" in page and moved in page
    assert "Meeting cancelled" in page and cancelled in page
    assert page.index(cancelled) < page.index(moved)  # newest first

    event = _event(client, committee)
    assert event["sequence"] == 2
    assert str(event["status"]) == "CANCELLED"
    assert str(event["description"]) == f"{cancelled}\n\n{moved}\n\nNo agenda items yet."

    feed = _feed(client, committee)
    assert "Meeting cancelled: " in feed and cancelled in feed
    assert "Meeting moved: " in feed and "The room flooded." in feed


def test_saving_with_nothing_the_public_reads_changed_publishes_nothing(
    client, committee, clerk, upcoming
):
    client.force_login(clerk)
    _change(client, upcoming)
    assert upcoming.calendar_sequence == 0
    assert not MeetingNotice.objects.exists()


def test_an_unpublished_meeting_moves_without_a_notice(client, committee, clerk):
    meeting = MeetingFactory(committee=committee, date=dt.date(2026, 11, 10), venue="Civic")
    client.force_login(clerk)
    url = reverse(
        "committees:meeting_change",
        kwargs={"authority": committee.authority.slug, "pk": meeting.pk},
    )
    assert "say why" not in client.get(url).content.decode()
    _change(client, meeting, venue="Council Chamber")
    assert meeting.calendar_sequence == 0
    assert not MeetingNotice.objects.exists()


def test_the_change_form_shows_the_meeting_as_a_browser_reads_dates_and_times(
    client, clerk, upcoming
):
    """Date and time inputs take ISO values only: shown as 10/11/2026 the date would be
    blank in the browser, and saving the change refused."""
    client.force_login(clerk)
    url = reverse(
        "committees:meeting_change",
        kwargs={"authority": upcoming.committee.authority.slug, "pk": upcoming.pk},
    )
    form = client.get(url).content.decode()
    assert 'value="2026-11-10"' in form
    assert 'value="19:00"' in form
