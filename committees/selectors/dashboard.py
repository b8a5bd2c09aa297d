"""What a signed-in person's dashboard shows: their next meetings with papers, and what
was published lately for the committees they follow."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from committees.models import AgendaItem, Committee, Meeting, Report
from committees.selectors.committees import AgendaEntry, agendas_for
from scrutiny.permissions import (
    STAFF,
    council_roles,
    councils_where,
    current_seats,
    is_admin,
    reports_visible_to,
    visible_authorities,
)

UPCOMING_LIMIT = 20
RECENT_REPORTS_LIMIT = 10
RECENT_MEETINGS_LIMIT = 5


@dataclass
class MeetingPapers:
    """An upcoming meeting with its agenda as this reader may see it."""

    meeting: Meeting
    agenda: list[AgendaEntry] = field(default_factory=list)


@dataclass
class Dashboard:
    """A reader's upcoming meetings, the last few held and recently published reports."""

    follows_committees: bool
    has_councils: bool
    by_seat_only: bool  # follows committees only through seats (a member, not staff)
    meetings: list[MeetingPapers]
    past_meetings: list[Meeting]
    reports: list[Report]


def followed_committees(user) -> QuerySet[Committee]:
    """A member follows the committees they sit on today; council staff follow every
    committee of their councils."""
    committees = Committee.objects.filter(authority__in=visible_authorities(user))
    if is_admin(user):
        return committees
    return committees.filter(
        Q(authority__in=councils_where(user, STAFF))
        | Q(pk__in=current_seats(user).values("committee_id"))
    )


def dashboard_for(user) -> Dashboard:
    """The dashboard in a fixed number of queries, however many meetings and items."""
    committees = list(followed_committees(user).values_list("pk", flat=True))
    theirs = Meeting.objects.filter(committee__in=committees).select_related("committee__authority")
    today = timezone.localdate()
    meetings = list(
        theirs.filter(date__gte=today).order_by("date", "start_time", "committee__name")[
            :UPCOMING_LIMIT
        ]
    )
    past_meetings = list(
        theirs.filter(date__lt=today).order_by("-date", "-start_time")[:RECENT_MEETINGS_LIMIT]
    )
    agendas = agendas_for(user, meetings)
    on_their_agendas = AgendaItem.objects.filter(meeting__committee__in=committees)
    reports = list(
        reports_visible_to(user)
        .filter(status=Report.Status.PUBLISHED)
        .filter(Q(committee__in=committees) | Q(pk__in=on_their_agendas.values("report_id")))
        .select_related("authority", "committee")
        .order_by("-published_at", "pk")[:RECENT_REPORTS_LIMIT]
    )
    return Dashboard(
        follows_committees=bool(committees),
        has_councils=is_admin(user) or bool(council_roles(user)),
        by_seat_only=not is_admin(user) and not councils_where(user, STAFF),
        meetings=[MeetingPapers(m, agendas[m.pk]) for m in meetings],
        past_meetings=past_meetings,
        reports=reports,
    )
