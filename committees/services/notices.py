"""Publishing a change to a meeting whose agenda is public: cancelled, or moved to another
date, time or venue. Each change is a notice on the meeting page and in the committee's
feed, and raises the calendar event's SEQUENCE so subscribed calendars take it."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from committees.models import Meeting, MeetingNotice

Kind = MeetingNotice.Kind


def when_and_where(date: dt.date, start_time: dt.time | None, venue: str) -> str:
    """'Tuesday 10 November 2026 at 7:00 pm, Civic Offices', as a notice prints it."""
    text = f"{date:%A %-d %B %Y}"
    if start_time:
        text += f" at {start_time:%-I:%M %p}".replace("AM", "am").replace("PM", "pm")
    return f"{text}, {venue}" if venue else text


def notice_text(before: Meeting, after: Meeting, kind: str, reason: str) -> str:
    """The notice as the public reads it: what changed and, if the clerk gave it, why."""
    was = when_and_where(before.date, before.start_time, before.venue)
    if kind == Kind.CANCELLED:
        text = f"The meeting on {was} is cancelled."
    else:
        now = when_and_where(after.date, after.start_time, after.venue)
        text = f"The meeting on {was} has moved to {now}."
    return f"{text} {reason.strip()}" if reason.strip() else text


def change_kind(before: Meeting, after: Meeting) -> str:
    """What the public is told has happened to the meeting ("" for nothing they need)."""
    if after.status == Meeting.Status.CANCELLED and before.status != Meeting.Status.CANCELLED:
        return Kind.CANCELLED
    if (before.date, before.start_time, before.venue) != (
        after.date,
        after.start_time,
        after.venue,
    ):
        return Kind.MOVED
    return ""


def publish_change(*, before: Meeting, after: Meeting, reason: str = "") -> MeetingNotice | None:
    """Record the notice for a published meeting's change and raise its calendar sequence
    (call inside the transaction that saves ``after``); nothing for an unpublished meeting,
    which the public cannot yet read."""
    kind = change_kind(before, after)
    if not kind or not before.is_published:
        return None
    after.calendar_sequence = before.calendar_sequence + 1
    return MeetingNotice.objects.create(
        meeting=after,
        kind=kind,
        text=notice_text(before, after, kind, reason),
        published_at=timezone.now(),
    )
