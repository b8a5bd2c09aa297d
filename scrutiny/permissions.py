"""Who may see what. Every view asks these functions; none decides for itself.

- The public sees published, non-exempt committee material only.
- A person holds a role in each council they work with (``CouncilRole``): officers,
  approvers, clerks, members and council administrators see that council's figures.
- Part 2 (exempt) material reaches members of that committee and the council's officers,
  approvers and clerks; nobody else, on any page.
"""

from __future__ import annotations

from enum import StrEnum

from django.apps import apps
from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from scrutiny.models import Authority, CouncilRole, User, UserRole

STAFF = frozenset({UserRole.OFFICER, UserRole.APPROVER, UserRole.CLERK})
_ROLES_CACHE = "_council_roles_by_authority"


def _committee_model(name: str):
    """A model of the committee business, which is an app built on this framework: looked up
    when asked for, so the framework never imports it."""
    return apps.get_model("committees", name)


def _is_signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_admin(user) -> bool:
    """The product's administrator (the superuser), who may do everything in every council."""
    return _is_signed_in(user) and user.is_admin


def council_roles(user) -> dict[int, frozenset[str]]:
    """The roles a person holds, by council id: one query, kept on the user object for the
    request. Every rule below reads roles through this."""
    if not _is_signed_in(user):
        return {}
    if not hasattr(user, _ROLES_CACHE):
        held: dict[int, set[str]] = {}
        rows = CouncilRole.objects.filter(user=user, authority__is_active=True)
        for authority_id, role in rows.values_list("authority_id", "role"):
            held.setdefault(authority_id, set()).add(role)
        setattr(user, _ROLES_CACHE, {a: frozenset(r) for a, r in held.items()})
    return getattr(user, _ROLES_CACHE)


def roles_in(user, authority: Authority | int) -> frozenset[str]:
    """The roles the person holds in this council (none for the public)."""
    authority_id = authority if isinstance(authority, int) else authority.pk
    return council_roles(user).get(authority_id, frozenset())


def holds_role(user, authority: Authority | int, roles) -> bool:
    """Does the person hold one of ``roles`` in this council? The administrator holds all."""
    return is_admin(user) or bool(roles_in(user, authority) & set(roles))


def councils_where(user, roles=None) -> list[int]:
    """Ids of the councils where the person holds one of ``roles`` (any role if None)."""
    return [a for a, held in council_roles(user).items() if roles is None or held & roles]


def visible_authorities(user) -> QuerySet[Authority]:
    """Councils whose unpublished figures the user may read: those they hold any role in."""
    if is_admin(user):
        return Authority.objects.filter(is_active=True)
    return Authority.objects.filter(is_active=True, pk__in=councils_where(user))


def can_view_data(user, authority: Authority) -> bool:
    """May the user read this council's figures (workforce, scorecards, programmes...)?"""
    return is_admin(user) or bool(roles_in(user, authority))


def is_council_staff(user, authority: Authority | int) -> bool:
    """An officer, approver or clerk of this council: they see its material at every stage,
    Part 2 included."""
    return holds_role(user, authority, STAFF)


def can_administer_council(user, authority: Authority) -> bool:
    """Council administrators set their council up: details, teams, indicators, targets,
    committees and people."""
    return holds_role(user, authority, {UserRole.COUNCIL_ADMIN})


def current_seats(user: User) -> QuerySet:
    """The user's committee seats today: a former member keeps no Part 2 access."""
    today = timezone.localdate()
    return _committee_model("CommitteeMembership").objects.filter(
        Q(start_date__isnull=True) | Q(start_date__lte=today),
        Q(end_date__isnull=True) | Q(end_date__gte=today),
        user=user,
    )


def _exempt() -> Q:
    """A report is Part 2 if it is exempt itself or is taken under an exempt agenda item."""
    under_exempt_item = _committee_model("AgendaItem").objects.filter(
        is_exempt=True, report__isnull=False
    )
    return Q(is_exempt=True) | Q(pk__in=under_exempt_item.values("report_id"))


def reports_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """Reports the user may open: published open reports for all; more for staff and members."""
    qs = _committee_model("Report").objects.all() if queryset is None else queryset
    public = Q(status=_committee_model("Report").Status.PUBLISHED) & ~_exempt()
    if is_admin(user):
        return qs
    if not _is_signed_in(user):
        return qs.filter(public)
    staff_of = Q(authority__in=councils_where(user, STAFF))
    mine = Q(authority__in=councils_where(user))
    seats = current_seats(user).values("committee_id")
    # Part 2 reaches a member through a seat on the report's committee and, where an exempt
    # agenda item carries it, on that item's committee too.
    under_items_elsewhere = (
        _committee_model("AgendaItem")
        .objects.filter(is_exempt=True, report__isnull=False)
        .exclude(meeting__committee__in=seats)
    )
    sits_on = Q(committee__in=seats) & ~Q(pk__in=under_items_elsewhere.values("report_id"))
    return qs.filter(
        public
        | staff_of
        | (mine & Q(status=_committee_model("Report").Status.PUBLISHED) & (~_exempt() | sits_on))
    )


def can_see_exempt_item(user, item: Model) -> bool:
    """May the user see the content of a Part 2 agenda item (not just its public title)?"""
    if not item.is_exempt:
        return True
    if is_admin(user):
        return True
    if not _is_signed_in(user):
        return False
    committee = item.meeting.committee
    if not roles_in(user, committee.authority_id):
        return False
    if is_council_staff(user, committee.authority_id):
        return True
    return current_seats(user).filter(committee=committee).exists()


# Writing, approving and publishing reports; managing meetings ------------------------------


WRITERS = {UserRole.OFFICER, UserRole.APPROVER}  # approvers often draft too


def can_choose_indicators(user, authority: Authority) -> bool:
    """The council's writers, and its administrators setting it up, choose the catalogue
    indicators it reports."""
    return holds_role(user, authority.pk, WRITERS | {UserRole.COUNCIL_ADMIN})


def can_write_reports(user, authority: Authority) -> bool:
    """Officers and approvers write their council's reports."""
    return holds_role(user, authority.pk, WRITERS)


def can_edit_report(user, report: Model) -> bool:
    """A report changes only while it is a draft, and only by its council's writers."""
    return report.status == report.Status.DRAFT and holds_role(user, report.authority_id, WRITERS)


def can_approve_report(user, report: Model) -> bool:
    """The director or their delegate (an approver) approves; never the one who submitted."""
    return (
        report.status == report.Status.SUBMITTED
        and holds_role(user, report.authority_id, {UserRole.APPROVER})
        and report.submitted_by_id != user.pk
    )


def can_publish_report(user, report: Model) -> bool:
    """Clerks publish approved reports for their council's meetings."""
    return report.status == report.Status.APPROVED and holds_role(
        user, report.authority_id, {UserRole.CLERK}
    )


def can_correct_report(user, report: Model) -> bool:
    """A published report is corrected by a new version, started by a writer."""
    return report.status == report.Status.PUBLISHED and holds_role(
        user, report.authority_id, WRITERS
    )


def can_manage_meetings(user, authority: Authority) -> bool:
    """Clerks manage committees, their members, meetings and agendas."""
    return holds_role(user, authority.pk, {UserRole.CLERK})


def can_manage_committees(user, authority: Authority) -> bool:
    """Clerks, and the council's administrators setting it up, add committees and seat their
    members (publishing agendas stays the clerks')."""
    return holds_role(user, authority.pk, {UserRole.CLERK, UserRole.COUNCIL_ADMIN})


def can_see_exempt_sections(user, report: Model) -> bool:
    """May the reader see a report's exempt appendices? The same people as a Part 2 report:
    the council's officers, approvers and clerks, and members sitting on its committee."""
    if is_admin(user):
        return True
    if not roles_in(user, report.authority_id):
        return False
    if is_council_staff(user, report.authority_id):
        return True
    committees = {report.committee_id} | set(
        report.agenda_items.values_list("meeting__committee_id", flat=True)
    )
    return current_seats(user).filter(committee_id__in=committees - {None}).exists()


class ReaderVariant(StrEnum):
    """Who a document laid out once for many readers (an agenda pack, a report's PDF) is
    for, in place of a person: the public, or the confidential reader entitled to all of the
    council's committee material. Only readers who may see everything in a confidential
    document may download it (``packs.access``), so nothing in it reaches anyone else."""

    PUBLIC = "public"
    CONFIDENTIAL = "confidential"


def reads_council_figures(reader, authority: Authority) -> bool:
    """``can_view_data`` for a person or a reader variant: may the report body show this
    council's figures in full (the confidential variant, never the public one)?"""
    if isinstance(reader, ReaderVariant):
        return reader is ReaderVariant.CONFIDENTIAL
    return can_view_data(reader, authority)


def reads_exempt_sections(reader, report: Model) -> bool:
    """``can_see_exempt_sections`` for a person or a reader variant (only the confidential
    one sees a report's exempt appendices)."""
    if isinstance(reader, ReaderVariant):
        return reader is ReaderVariant.CONFIDENTIAL
    return can_see_exempt_sections(reader, report)


def can_handle_reports(user, authority: Authority) -> bool:
    """Officers, approvers and clerks see the council's reports at every stage."""
    return is_council_staff(user, authority)


def recommendations_visible_to(user, queryset: QuerySet) -> QuerySet:
    """Recommendations the reader may see: one made in a report goes with that report (a
    Part 2 report's recommendations reach only those who may open it); one a committee made
    itself is as public as its minutes. Read them through ``selectors.recommendations``."""
    if user is ReaderVariant.PUBLIC:
        user = None  # read as nobody signed in reads
    if is_admin(user) or user is ReaderVariant.CONFIDENTIAL:
        return queryset
    return minutes_recommendations_visible(
        user,
        queryset.filter(
            Q(report__isnull=True) | Q(report__in=reports_visible_to(user).values("pk"))
        ),
    )


# Quarterly returns ---------------------------------------------------------------------------

# Who may do each thing to a council's quarterly return (administrators may do all). The
# return's pages ask these to show a box or a button; the services ask again on every POST.
RETURN_ROLES: dict[str, set[str]] = {
    "start": {UserRole.OFFICER, UserRole.APPROVER},
    "edit": {UserRole.OFFICER, UserRole.APPROVER},
    "submit": {UserRole.OFFICER},
    "approve": {UserRole.APPROVER},
    "lock": {UserRole.APPROVER},
    "reopen": {UserRole.APPROVER},
}
_AREAS_CACHE = "_return_service_area_ids"


def may_act_on_returns(user, authority: Authority, action: str) -> bool:
    """May the user do ``action`` (a key of ``RETURN_ROLES``) to this council's returns?"""
    return holds_role(user, authority.pk, RETURN_ROLES[action])


def may_edit_returns(user, authority: Authority) -> bool:
    """Show the return's inputs and buttons? (Each row is then asked ``may_edit_return_row``.)"""
    return may_act_on_returns(user, authority, "edit")


def return_service_areas(user, authority: Authority) -> set[int] | None:
    """The service areas of this council an officer's return entry is limited to, or None
    when not limited: an approver there, or an officer given none of its areas, enters for
    the whole council (one query, kept on the user object for the request)."""
    held = roles_in(user, authority)
    if is_admin(user) or UserRole.OFFICER not in held or UserRole.APPROVER in held:
        return None
    if not hasattr(user, _AREAS_CACHE):
        rows = user.service_areas.values_list("authority_id", "pk")
        areas: dict[int, set[int]] = {}
        for authority_id, pk in rows:
            areas.setdefault(authority_id, set()).add(pk)
        setattr(user, _AREAS_CACHE, areas)
    return getattr(user, _AREAS_CACHE).get(authority.pk) or None


def may_edit_return_row(user, authority: Authority, row, *, by_team: bool) -> bool:
    """May this user change this row of a return section? An officer with service areas set
    changes only the rows of teams in those areas; rows that are not by team (roles,
    channels, indicators, programmes) and new rows are council-wide, so read-only to them.
    Whether they may edit the council's returns at all is ``may_edit_returns``."""
    areas = return_service_areas(user, authority)
    if areas is None:
        return True
    if not by_team or row.new:
        return False
    return row.service_area_id in areas


def return_actions(user, quarterly_return) -> set[str]:
    """The workflow buttons this user is offered on a started return, by its status: submit a
    draft; approve a submitted return they did not submit; lock an approved one; reopen any
    that is past draft."""
    if quarterly_return.pk is None:
        return set()
    status = quarterly_return.status
    Status = type(quarterly_return).Status
    wanted = {
        "submit": status == Status.DRAFT,
        "approve": status == Status.SUBMITTED and quarterly_return.submitted_by_id != user.pk,
        "lock": status == Status.APPROVED,
        "reopen": status != Status.DRAFT,
    }
    return {
        action
        for action, now in wanted.items()
        if now and may_act_on_returns(user, quarterly_return.authority, action)
    }


# Minutes, attendance and declarations -------------------------------------------------------


def can_write_minutes(user, authority: Authority) -> bool:
    """The council's clerks record attendance and declarations and write the minutes."""
    return holds_role(user, authority.pk, {UserRole.CLERK})


def can_read_minutes(user, minutes: Model) -> bool:
    """Published (draft or confirmed) minutes are public; unpublished ones are the council's
    staff's. Part 2 items within them are asked ``can_see_exempt_item`` one by one."""
    authority_id = minutes.meeting.committee.authority_id
    return minutes.status != "draft" or is_council_staff(user, authority_id)


def minutes_recommendations_visible(user, queryset: QuerySet) -> QuerySet:
    """Of ``queryset`` (recommendations), leave out those made in the minutes of a Part 2 item
    unless the reader may see that item: the council's staff and members sitting on its
    committee (``can_see_exempt_item``'s rule, for many rows at once)."""
    if user is ReaderVariant.CONFIDENTIAL or (
        not isinstance(user, ReaderVariant) and is_admin(user)
    ):
        return queryset
    exempt = Q(minute_link__entry__agenda_item__is_exempt=True)
    if isinstance(user, ReaderVariant) or not _is_signed_in(user):
        return queryset.exclude(exempt)
    seats = current_seats(user).values("committee_id")
    entitled = Q(authority__in=councils_where(user, STAFF)) | Q(
        committee__in=seats, authority__in=councils_where(user)
    )
    return queryset.exclude(exempt & ~entitled)


SECOND_FACTOR_ROLES = frozenset({UserRole.CLERK, UserRole.COUNCIL_ADMIN})


def may_set_up_two_factor(user) -> bool:
    """Clerks and council administrators (who publish and give out roles), in any council,
    and the product's administrator may add a code from an authenticator app to their
    sign-in."""
    return is_admin(user) or bool(councils_where(user, SECOND_FACTOR_ROLES))
