"""Clerks' changes to committees and meetings: meetings, agendas, publication, members."""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from committees.models import AgendaItem, Committee, CommitteeMembership, Meeting, Recommendation
from committees.services.agenda_mail import send_agenda
from committees.services.councillors import councillor_for_seat
from committees.services.notices import publish_change
from scrutiny.models import Authority, User
from scrutiny.permissions import can_manage_committees, can_manage_meetings
from scrutiny.working_days import too_late


class MeetingRefused(Exception):
    """The clerk's action is not allowed; the message says why."""


def _require_clerk(user: User, authority: Authority) -> None:
    if not can_manage_meetings(user, authority):
        raise MeetingRefused(f"Only {authority.short_name}'s clerks manage its meetings.")


def meeting_save(*, meeting: Meeting, saved_by: User, notice_reason: str = "") -> Meeting:
    """Create or change a meeting (its committee must be the clerk's council's). Cancelling
    or moving a meeting whose agenda is published publishes a notice of it."""
    _require_clerk(saved_by, meeting.committee.authority)
    with transaction.atomic():
        if meeting.pk is not None:
            before = Meeting.objects.select_for_update().get(pk=meeting.pk)
            publish_change(before=before, after=meeting, reason=notice_reason)
        meeting.save()
    return meeting


def agenda_item_save(*, item: AgendaItem, saved_by: User) -> AgendaItem:
    """Add an item (numbered last unless a number is given) or change one.

    An item added once the agenda is published is supplementary; one taken as urgent needs
    its reason (the form and a database constraint both insist).
    """
    meeting = item.meeting
    _require_clerk(saved_by, meeting.committee.authority)
    if item.report_id and item.report.authority_id != meeting.committee.authority_id:
        raise MeetingRefused("That report is another council's.")
    with transaction.atomic():
        Meeting.objects.select_for_update().get(pk=meeting.pk)
        if item.pk is None:
            if item.number is None:
                last = meeting.items.aggregate(last=Max("number"))["last"] or 0
                item.number = last + 1
            item.is_supplementary = meeting.is_published and not item.is_urgent
        if not item.is_exempt:
            item.exempt_paragraph = None
        item.save()
    return item


def agenda_item_remove(*, item: AgendaItem, removed_by: User) -> None:
    """Take an item off an agenda that has not been published."""
    _require_clerk(removed_by, item.meeting.committee.authority)
    if item.meeting.is_published:
        raise MeetingRefused(
            "The agenda is published: an item cannot be removed, only withdrawn at the meeting."
        )
    item.delete()


def agenda_lateness(meeting: Meeting, today: dt.date | None = None) -> str:
    """Why publishing the agenda today would be late ("" if it is in time): the same five
    clear working days every report is held to (``too_late``)."""
    return too_late(today or timezone.localdate(), meeting.date)


def agenda_publish(
    *, meeting: Meeting, published_by: User, late_reason: str = "", now: dt.datetime | None = None
) -> Meeting:
    """Open the agenda to public inspection (later items become supplementary) and, once
    that is committed, email it to the committee's members and substitutes.

    Fewer than five clear working days before the meeting it is refused until the clerk
    gives the reason it is late; the reason is recorded and published with the agenda.
    """
    _require_clerk(published_by, meeting.committee.authority)
    now = now or timezone.now()
    late = agenda_lateness(meeting, timezone.localdate(now))
    if late and not late_reason.strip():
        raise MeetingRefused(f"{late} Give the reason the agenda is late to publish it now.")
    with transaction.atomic():
        updated = Meeting.objects.filter(pk=meeting.pk, agenda_published_at__isnull=True).update(
            agenda_published_at=now, late_reason=late_reason.strip() if late else ""
        )
        if not updated:
            raise MeetingRefused("The agenda is already published.")
        transaction.on_commit(partial(send_agenda, meeting.pk))
    meeting.refresh_from_db()
    return meeting


def membership_save(*, membership: CommitteeMembership, saved_by: User) -> CommitteeMembership:
    """Add a member to a committee or change their seat (an end date ends Part 2 access)."""
    committee: Committee = membership.committee
    if not can_manage_committees(saved_by, committee.authority):
        raise MeetingRefused(
            f"Only {committee.authority.short_name}'s clerks and administrators seat members."
        )
    if (
        membership.user_id
        and not membership.user.authorities.filter(pk=committee.authority_id).exists()
    ):
        raise MeetingRefused("That person is not one of the council's users.")
    with transaction.atomic():
        if membership.councillor_id is None or membership.councillor.name != membership.name:
            membership.councillor = councillor_for_seat(membership)
        membership.save()
    return membership


def recommendation_record(
    *, meeting: Meeting, recommendation: Recommendation, recorded_by: User
) -> Recommendation:
    """Record a recommendation the committee made at the meeting; its source names the
    meeting, so the tracker and later reports say where it came from."""
    committee = meeting.committee
    _require_clerk(recorded_by, committee.authority)
    with transaction.atomic():
        last = Recommendation.objects.filter(committee=committee, source=_source(meeting))
        recommendation.authority = committee.authority
        recommendation.committee = committee
        recommendation.source = _source(meeting)
        recommendation.order = (last.aggregate(last=Max("order"))["last"] or 0) + 1
        recommendation.reference = str(recommendation.order)
        recommendation.save()
    return recommendation


def _source(meeting: Meeting) -> str:
    return f"{meeting.committee.name}, {meeting.date:%-d %B %Y}"
