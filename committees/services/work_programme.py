"""Clerks' changes to a committee's work programme, and putting an item on an agenda."""

from __future__ import annotations

from django.db import transaction

from committees.models import AgendaItem
from committees.models.work_programme import WorkProgrammeItem
from committees.services.meetings import MeetingRefused, _require_clerk, agenda_item_save
from scrutiny.models import User


def work_programme_item_save(*, item: WorkProgrammeItem, saved_by: User) -> WorkProgrammeItem:
    """Add or change an item of the forward plan (its meeting must be its committee's)."""
    _require_clerk(saved_by, item.committee.authority)
    if item.meeting_id and item.meeting.committee_id != item.committee_id:
        raise MeetingRefused("That meeting is another committee's.")
    item.save()
    return item


def agenda_item_from(*, item: WorkProgrammeItem, added_by: User) -> AgendaItem:
    """Put a work programme item on its planned meeting's agenda in one step: the agenda item
    takes its title and purpose and is numbered last. Refused once it is on an agenda, when
    no meeting is set, and when the agenda is published (a supplementary item needs its
    reason, given on the agenda item form)."""
    _require_clerk(added_by, item.committee.authority)
    with transaction.atomic():
        item = WorkProgrammeItem.objects.select_for_update().get(pk=item.pk)
        if item.agenda_item_id:
            raise MeetingRefused(f"'{item.title}' is already on an agenda.")
        meeting = item.meeting
        if meeting is None:
            raise MeetingRefused(
                f"Choose the meeting '{item.title}' is planned for before adding it to an agenda."
            )
        if meeting.is_published:
            raise MeetingRefused(
                f"The agenda for {meeting.date:%-d %B %Y} is published: add '{item.title}' "
                "from the meeting page as a supplementary item, with the reason it is late."
            )
        agenda_item = agenda_item_save(
            item=AgendaItem(
                meeting=meeting,
                kind=AgendaItem.Kind.REPORT,
                title=item.title,
                description=item.purpose,
            ),
            saved_by=added_by,
        )
        item.agenda_item = agenda_item
        item.save(update_fields=["agenda_item"])
    return agenda_item
