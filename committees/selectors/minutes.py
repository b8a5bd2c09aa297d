"""Minutes, attendance and declarations as one reader may see them: the page, the PDF and the
councillor's page all read them here, so a Part 2 item's minutes reach nobody else."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q

from committees.models import Attendance, Councillor, Declaration, Meeting, Minutes
from committees.selectors.committees import ExemptAccess
from committees.services.minutes import minutes_due, previous_meeting
from scrutiny.permissions import can_read_minutes


@dataclass
class MinutedItem:
    """One agenda item's minutes as the reader may see them."""

    number: int
    title: str
    is_exempt: bool
    visible: bool
    discussion: str = ""
    resolved: str = ""
    recommended: list[str] = field(default_factory=list)


@dataclass
class DeclarationLine:
    """A declared interest as the reader may see it (an exempt item's by its public title,
    without the description, to those who may not read the item)."""

    councillor: Councillor
    kind: str
    item_number: int
    item_title: str
    description: str
    meeting: Meeting | None = None


@dataclass
class MeetingRecord:
    """Everything the minutes print, for one reader."""

    meeting: Meeting
    minutes: Minutes | None
    present: list[Attendance]
    apologies: list[Attendance]
    absent: list[Attendance]
    substitutes: list[Attendance]
    declarations: list[DeclarationLine]
    items: list[MinutedItem]
    hidden_items: int = 0


def readable_minutes(user, meeting: Meeting) -> Minutes | None:
    """The meeting's minutes if this reader may read them (published ones for anyone)."""
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None or not can_read_minutes(user, minutes):
        return None
    return minutes


def _declaration_line(declaration: Declaration, may_see: ExemptAccess) -> DeclarationLine:
    item = declaration.agenda_item
    visible = may_see(item)
    return DeclarationLine(
        councillor=declaration.councillor,
        kind=declaration.get_kind_display(),
        item_number=item.number,
        item_title=item.title if visible else item.title_for_public,
        description=declaration.description if visible else "",
        meeting=declaration.meeting,
    )


def meeting_record(user, meeting: Meeting, minutes: Minutes | None) -> MeetingRecord:
    """The attendance, declarations and each item's minutes the reader may see, in a fixed
    number of queries however long the agenda."""
    may_see = ExemptAccess(user)
    attendances = list(
        meeting.attendances.select_related("councillor__authority", "substitute__authority")
    )
    declarations = (
        meeting.declarations.select_related(
            "councillor__authority", "agenda_item__meeting", "meeting"
        )
        .order_by("agenda_item__number", "councillor__name")
        .all()
    )
    items = []
    hidden = 0
    rows = meeting.items.select_related("meeting", "minute_entry").order_by("number")
    for item in rows:
        entry = getattr(item, "minute_entry", None) if minutes else None
        visible = may_see(item)
        if not visible:
            hidden += 1
        minuted = MinutedItem(
            number=item.number,
            title=item.title if visible else item.title_for_public,
            is_exempt=item.is_exempt,
            visible=visible,
        )
        if entry is not None and visible:
            minuted.discussion = entry.discussion
            minuted.resolved = entry.resolved
            minuted.recommended = entry.recommendation_lines
        items.append(minuted)
    by_status = {status: [] for status in Attendance.Status.values}
    for attendance in attendances:
        by_status[attendance.status].append(attendance)
    return MeetingRecord(
        meeting=meeting,
        minutes=minutes,
        present=by_status[Attendance.Status.PRESENT],
        apologies=by_status[Attendance.Status.APOLOGIES],
        absent=by_status[Attendance.Status.ABSENT],
        substitutes=[a for a in attendances if a.substitute_id],
        declarations=[_declaration_line(d, may_see) for d in declarations],
        items=items,
        hidden_items=hidden,
    )


@dataclass
class MinutesPanel:
    """What the meeting page says about minutes: this meeting's, and the previous one's."""

    minutes: Minutes | None
    due: object
    readable: bool
    previous: Meeting | None
    previous_minutes: Minutes | None


def minutes_panel(user, meeting: Meeting) -> MinutesPanel:
    """This meeting's minutes (their state and when due) and the previous meeting's, which
    this meeting's "Minutes of the previous meeting" item carries."""
    minutes = Minutes.objects.filter(meeting=meeting).first()
    previous = previous_meeting(meeting)
    previous_minutes = getattr(previous, "minutes", None) if previous else None
    if previous_minutes is not None and not can_read_minutes(user, previous_minutes):
        previous_minutes = None
    return MinutesPanel(
        minutes=minutes,
        due=minutes_due(meeting),
        readable=minutes is not None and can_read_minutes(user, minutes),
        previous=previous,
        previous_minutes=previous_minutes,
    )


# A councillor's record -----------------------------------------------------------------------

PUBLIC_STATES = [Minutes.Status.PUBLISHED, Minutes.Status.CONFIRMED]


@dataclass
class AttendanceRecord:
    """Meetings attended of those expected, as the published minutes record them."""

    attended: int
    expected: int
    as_substitute: int


def attendance_record(councillor: Councillor) -> AttendanceRecord:
    """From published minutes only: a member is expected at each meeting they were listed
    for, and attended those they were present at; substitutions are counted apart."""
    published = Q(meeting__minutes__status__in=PUBLIC_STATES)
    counts = councillor.attendances.filter(published).aggregate(
        expected=Count("pk"), attended=Count("pk", filter=Q(status=Attendance.Status.PRESENT))
    )
    substituted = councillor.substitutions.filter(published).count()
    return AttendanceRecord(
        attended=counts["attended"], expected=counts["expected"], as_substitute=substituted
    )


def councillor_declarations(user, councillor: Councillor) -> list[DeclarationLine]:
    """The interests the councillor declared at meetings whose minutes are published."""
    may_see = ExemptAccess(user)
    rows = (
        councillor.declarations.filter(meeting__minutes__status__in=PUBLIC_STATES)
        .select_related(
            "councillor__authority", "agenda_item__meeting", "meeting__committee__authority"
        )
        .order_by("-meeting__date", "agenda_item__number")
    )
    return [_declaration_line(d, may_see) for d in rows]
