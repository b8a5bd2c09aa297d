"""Meetings, agendas and which reports a reader may open: Part 2 stays with those entitled."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from committees.models import AgendaItem, Meeting, Report
from scrutiny.models import Authority
from scrutiny.permissions import can_see_exempt_item, can_view_data, reports_visible_to

# Committees and meetings -----------------------------------------------------------------


def meetings_visible_to(user, authority: Authority) -> QuerySet[Meeting]:
    """Meetings whose agenda the reader may open: published, or any for the council's users."""
    qs = Meeting.objects.filter(committee__authority=authority).select_related(
        "committee", "committee__authority"
    )
    if can_view_data(user, authority):
        return qs
    return qs.filter(agenda_published_at__isnull=False)


def committee_meetings(user, committee) -> tuple[list[Meeting], list[Meeting]]:
    """The committee's meetings the reader may open: upcoming (soonest first) and past."""
    today = timezone.localdate()
    meetings = meetings_visible_to(user, committee.authority).filter(committee=committee)
    upcoming = list(meetings.filter(date__gte=today).order_by("date", "start_time"))
    past = list(meetings.filter(date__lt=today).order_by("-date", "-start_time"))
    return upcoming, past


def current_memberships(committee):
    """Who sits on the committee today, chair first."""
    today = timezone.localdate()
    order = {"chair": 0, "vice-chair": 1, "member": 2, "co-opted": 3, "substitute": 4}
    rows = committee.memberships.select_related("councillor__authority").filter(
        Q(start_date__isnull=True) | Q(start_date__lte=today),
        Q(end_date__isnull=True) | Q(end_date__gte=today),
    )
    return sorted(rows, key=lambda m: (order.get(m.role, 9), m.name))


class ExemptAccess:
    """Remembers ``can_see_exempt_item`` per committee so a long agenda costs one check.

    The answer depends only on the reader and the item's committee, so asking once per
    committee is the same question the permission function answers for every item.
    """

    def __init__(self, user):
        self.user = user
        self._by_committee: dict[int, bool] = {}

    def __call__(self, item: AgendaItem) -> bool:
        if not item.is_exempt:
            return True
        committee_id = item.meeting.committee_id
        if committee_id not in self._by_committee:
            self._by_committee[committee_id] = can_see_exempt_item(self.user, item)
        return self._by_committee[committee_id]


@dataclass
class AgendaEntry:
    """One agenda item as this reader may see it: exempt content is never copied in."""

    number: int
    title: str
    wards: str
    description: str = ""
    report: Report | None = None
    report_restricted: bool = False
    is_urgent: bool = False
    urgent_reason: str = ""
    is_supplementary: bool = False
    supplementary_reason: str = ""
    is_exempt: bool = False
    exempt_visible: bool = False
    exempt_paragraph: int | None = None
    exempt_reason: str = ""
    kind: str = ""


def agenda_for(user, meeting: Meeting) -> list[AgendaEntry]:
    """The meeting's agenda in order, with Part 2 items reduced to what the reader may see."""
    return agendas_for(user, [meeting])[meeting.pk]


def agendas_for(user, meetings: list[Meeting]) -> dict[int, list[AgendaEntry]]:
    """Each meeting's agenda as ``agenda_for`` gives it, for any number of meetings in a
    fixed number of queries (plus one Part 2 check per committee)."""
    items = list(
        AgendaItem.objects.filter(meeting__in=meetings)
        .select_related("meeting__committee", "report__authority")
        .order_by("meeting_id", "number")
    )
    may_see = ExemptAccess(user)
    report_ids = [i.report_id for i in items if i.report_id]
    authorities = {m.committee.authority_id for m in meetings}
    openable = set(
        reports_visible_to(user)
        .filter(pk__in=report_ids, authority__in=authorities)
        .values_list("pk", flat=True)
    )
    agendas: dict[int, list[AgendaEntry]] = {m.pk: [] for m in meetings}
    for item in items:
        entry = AgendaEntry(
            number=item.number,
            title=item.title,
            wards=item.wards,
            is_urgent=item.is_urgent,
            urgent_reason=item.urgent_reason,
            is_supplementary=item.is_supplementary,
            supplementary_reason=item.supplementary_reason,
            is_exempt=item.is_exempt,
            exempt_paragraph=item.exempt_paragraph,
            kind=item.get_kind_display(),
        )
        if item.is_exempt and not may_see(item):
            entry.title = item.title_for_public
        else:
            entry.exempt_visible = item.is_exempt
            # The public-interest test is the council's own reasoning about the exempt
            # content: for Part 2 readers, never printed on the public agenda or pack.
            entry.exempt_reason = item.exempt_reason
            entry.description = item.description
            if item.report_id in openable:
                entry.report = item.report
            elif item.report_id:
                entry.report_restricted = True
        agendas[item.meeting_id].append(entry)
    return agendas


def meeting_for(user, authority: Authority, pk: int) -> Meeting:
    """The meeting, or 404 when it is another council's or its agenda is not yet public."""
    meeting = meetings_visible_to(user, authority).filter(pk=pk).first()
    if meeting is None:
        raise Http404("No such meeting.")
    return meeting


# Reports ---------------------------------------------------------------------------------


def visible_reports(user, authority: Authority) -> QuerySet[Report]:
    """The council's reports this reader may open."""
    return (
        reports_visible_to(user)
        .filter(authority=authority)
        .select_related("authority", "committee")
    )
