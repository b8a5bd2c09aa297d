"""The clerk's record of a meeting: attendance, declarations and minutes, and the minutes'
journey from draft to published to confirmed at the next meeting. Each change asks
``can_write_minutes`` again and is saved whole or not at all."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from committees.models import (
    AgendaItem,
    Attendance,
    Councillor,
    Declaration,
    Meeting,
    MinuteEntry,
    MinuteRecommendation,
    Minutes,
    Recommendation,
)
from scrutiny.models import User
from scrutiny.permissions import can_write_minutes
from scrutiny.working_days import is_working_day


class MinutesRefused(Exception):
    """The clerk's action is not allowed; the message says why."""


def _require_clerk(user: User, meeting: Meeting) -> None:
    authority = meeting.committee.authority
    if not can_write_minutes(user, authority):
        raise MinutesRefused(f"Only {authority.short_name}'s clerks record its meetings.")


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The date ``count`` working days after ``day`` (weekends and bank holidays skipped)."""
    while count > 0:
        day += dt.timedelta(days=1)
        count -= is_working_day(day)
    return day


def minutes_due(meeting: Meeting) -> dt.date:
    """When the draft minutes are due: the committee's period, in working days, after it."""
    return add_working_days(meeting.date, meeting.committee.minutes_working_days)


# Attendance and declarations ----------------------------------------------------------------


@dataclass
class AttendanceRow:
    """What the clerk recorded for one member: their status and their substitute, if any."""

    councillor: Councillor
    status: str
    substitute: Councillor | None = None


def attendance_save(*, meeting: Meeting, rows: list[AttendanceRow], saved_by: User) -> None:
    """Replace the meeting's attendance with ``rows`` in one transaction (the form has
    already checked each row; the database refuses a substitute for a member present)."""
    _require_clerk(saved_by, meeting)
    with transaction.atomic():
        Meeting.objects.select_for_update().get(pk=meeting.pk)
        meeting.attendances.all().delete()
        Attendance.objects.bulk_create(
            Attendance(
                meeting=meeting,
                councillor=row.councillor,
                status=row.status,
                substitute=row.substitute,
            )
            for row in rows
        )


def declaration_add(*, declaration: Declaration, saved_by: User) -> Declaration:
    """Record an interest declared at the meeting in one of its items."""
    meeting = declaration.meeting
    _require_clerk(saved_by, meeting)
    if declaration.agenda_item.meeting_id != meeting.pk:
        raise MinutesRefused("That item is on another meeting's agenda.")
    if declaration.councillor.authority_id != meeting.committee.authority_id:
        raise MinutesRefused("That councillor is another council's.")
    declaration.save()
    return declaration


def declaration_remove(*, declaration: Declaration, removed_by: User) -> None:
    """Take off a declaration recorded in error."""
    _require_clerk(removed_by, declaration.meeting)
    declaration.delete()


# Minutes ------------------------------------------------------------------------------------


def minutes_of(meeting: Meeting) -> Minutes:
    """The meeting's minutes, started (as a draft) if the clerk has not begun them."""
    minutes, _ = Minutes.objects.get_or_create(meeting=meeting)
    return minutes


def minutes_save(*, meeting: Meeting, texts: dict[int, dict[str, str]], saved_by: User) -> Minutes:
    """Save each agenda item's minutes (``texts`` by item id: discussion, resolved,
    recommended) in one transaction. Minutes already published keep the tracker in
    step: each recommendation line is tracked once, and a re-save updates it."""
    _require_clerk(saved_by, meeting)
    with transaction.atomic():
        minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
        minutes = minutes or Minutes.objects.create(meeting=meeting)
        if minutes.status == Minutes.Status.CONFIRMED:
            raise MinutesRefused("These minutes are confirmed as a correct record: they are final.")
        items = {item.pk: item for item in meeting.items.all()}
        existing = {entry.agenda_item_id: entry for entry in minutes.entries.all()}
        for item_id, fields in texts.items():
            entry = existing.get(item_id)
            entry = entry or MinuteEntry(minutes=minutes, agenda_item=items[item_id])
            entry.discussion = fields.get("discussion", "")
            entry.resolved = fields.get("resolved", "")
            entry.recommended = fields.get("recommended", "")
            entry.save()
        if minutes.is_public:
            _track_recommendations(minutes)
    return minutes


def minutes_publish(*, minutes: Minutes, published_by: User) -> Minutes:
    """Publish the draft minutes (once the meeting has been held); their recommendations go
    onto the committee's tracker."""
    meeting = minutes.meeting
    _require_clerk(published_by, meeting)
    if meeting.date > timezone.localdate():
        raise MinutesRefused("The meeting has not happened yet: its minutes cannot be published.")
    with transaction.atomic():
        updated = Minutes.objects.filter(pk=minutes.pk, status=Minutes.Status.DRAFT).update(
            status=Minutes.Status.PUBLISHED, published_at=timezone.now(), published_by=published_by
        )
        if not updated:
            raise MinutesRefused("These minutes are already published.")
        minutes.refresh_from_db()
        _track_recommendations(minutes)
    return minutes


def next_meeting(meeting: Meeting) -> Meeting | None:
    """The committee's next meeting after this one (not cancelled): where its minutes are
    confirmed."""
    return (
        Meeting.objects.filter(committee_id=meeting.committee_id, date__gt=meeting.date)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("date", "start_time")
        .first()
    )


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The committee's meeting before this one whose minutes this one confirms."""
    return (
        Meeting.objects.filter(committee_id=meeting.committee_id, date__lt=meeting.date)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("minutes")
        .order_by("-date", "-start_time")
        .first()
    )


def minutes_confirm(*, minutes: Minutes, at_meeting: Meeting, confirmed_by: User) -> Minutes:
    """Confirm published minutes as a correct record at the committee's next meeting."""
    _require_clerk(confirmed_by, minutes.meeting)
    if minutes.status == Minutes.Status.DRAFT:
        raise MinutesRefused("Publish the draft minutes before they are confirmed.")
    if minutes.status == Minutes.Status.CONFIRMED:
        raise MinutesRefused("These minutes are already confirmed.")
    following = next_meeting(minutes.meeting)
    if following is None or following.pk != at_meeting.pk:
        raise MinutesRefused("Minutes are confirmed at the committee's next meeting only.")
    if at_meeting.date > timezone.localdate():
        raise MinutesRefused(
            f"They are confirmed at the meeting on {at_meeting.date:%-d %B %Y}, once it is held."
        )
    Minutes.objects.filter(pk=minutes.pk, status=Minutes.Status.PUBLISHED).update(
        status=Minutes.Status.CONFIRMED,
        confirmed_at=timezone.now(),
        confirmed_by=confirmed_by,
        confirmed_at_meeting=at_meeting,
    )
    minutes.refresh_from_db()
    return minutes


def _track_recommendations(minutes: Minutes) -> None:
    """Put each recommendation line of the minutes on the committee's tracker, once: a line
    already tracked has its text updated; a line taken out of the minutes leaves the tracker
    (with its updates) only if nobody has reported on it yet."""
    meeting = minutes.meeting
    committee = meeting.committee
    source = f"{committee.name}, {meeting.date:%-d %B %Y}"
    entries = minutes.entries.select_related("agenda_item__report").prefetch_related(
        "tracked__recommendation"
    )
    order = (
        Recommendation.objects.filter(committee=committee, source=source).aggregate(
            last=Max("order")
        )["last"]
        or 0
    )
    for entry in entries:
        tracked = {link.line: link for link in entry.tracked.all()}
        lines = entry.recommendation_lines
        for line, text in enumerate(lines, start=1):
            if line in tracked:
                recommendation = tracked[line].recommendation
                if recommendation.text != text:
                    recommendation.text = text
                    recommendation.save(update_fields=["text"])
                continue
            order += 1
            recommendation = Recommendation.objects.create(
                authority=committee.authority,
                committee=committee,
                report=entry.agenda_item.report,
                source=source,
                area=entry.agenda_item.title_for_public[:120],
                order=order,
                reference=str(order),
                text=text,
            )
            MinuteRecommendation.objects.create(
                entry=entry, line=line, recommendation=recommendation
            )
        for line, link in tracked.items():
            if line > len(lines) and not link.recommendation.updates.exists():
                link.recommendation.delete()


def items_for_minutes(meeting: Meeting) -> list[AgendaItem]:
    """The meeting's items in order, each with its minutes (if written) attached."""
    return list(meeting.items.select_related("report", "minute_entry").order_by("number"))
