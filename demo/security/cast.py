"""The people and pages the attack suite uses: the demo's roles at Wokingham, a signed-in
person of no council, an officer of Slough, and one real address for every named route."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

from django.test import Client
from django.urls import Resolver404, get_resolver, resolve, reverse

from committees.models import (
    AgendaItem,
    Committee,
    Meeting,
    Minutes,
    ReportSection,
    WorkProgrammeItem,
)
from programmes.models import Programme, Project
from scrutiny.blocks import BLOCK_TYPES
from scrutiny.models import Authority, Period, User, UserRole
from workforce.models import Role as StaffRole
from workforce.models import StaffingFigure

from . import expectations as who

COUNCIL, OTHER = "wokingham", "slough"
LINK = re.compile(r'(?:href|src|action)="(/[^"#?]*)')
SKIP = re.compile(r"^/(admin|static)/")


@dataclass
class Cast:
    """Who plays each role, and a signed-in client for each."""

    users: dict[str, User | None]
    draft_pk: int
    meeting_pk: int
    urls: dict[str, str] = field(default_factory=dict)

    def client(self, role: str, **options) -> Client:
        client = Client(**options)
        user = self.users[role]
        if user is not None:
            client.force_login(user)
        return client


def work_in_hand() -> tuple:
    """What an officer and a clerk have in hand that the demo (all published) lacks: a draft
    report with a section of text and a data block, and a meeting whose agenda is not yet
    published. The draft and the meeting are returned."""
    from committees.services.report_sections import section_add
    from committees.services.reports import report_create

    authority = Authority.objects.get(slug=COUNCIL)
    officer = User.objects.get(username="officer")
    committee = Committee.objects.filter(authority=authority).first()
    draft = report_create(
        authority=authority, committee=committee, title="Draft QA report", created_by=officer
    )
    section_add(report=draft, added_by=officer, heading="Introduction", text="Draft text.")
    section_add(
        report=draft,
        added_by=officer,
        heading="Inspections",
        block="inspection",
        choice=BLOCK_TYPES["inspection"].choices(authority)[0][0],
    )
    meeting = Meeting.objects.create(
        committee=committee, date=committee.meetings.first().date.replace(year=2030)
    )
    return draft, meeting


def prepare() -> Cast:
    """The work in hand, a started return, a page of each kind Wokingham lacks, and the two
    outsiders."""
    from returns.services import return_open

    draft, meeting = work_in_hand()
    authority = Authority.objects.get(slug=COUNCIL)
    officer = User.objects.get(username="officer")
    quarter = Period.quarter(2014, 4)
    return_open(authority=authority, period=quarter, started_by=officer)
    # A page of each kind the demo has none of at Wokingham.
    if not StaffingFigure.objects.filter(authority=authority).exists():
        StaffingFigure.objects.create(
            authority=authority,
            role=StaffRole.objects.first(),
            as_at=quarter.end,
            period=quarter,
            permanent=10,
        )
    programme = Programme.objects.filter(authority=authority).first()
    if not Project.objects.filter(programme=programme).exists():
        Project.objects.create(programme=programme, name="A project")
    outsider, _ = User.objects.get_or_create(username="outsider")  # signed in, no council
    other, _ = User.objects.get_or_create(username="slough-officer")
    other.authorities.set(
        [Authority.objects.get(slug=OTHER)], through_defaults={"role": UserRole.OFFICER}
    )
    users = {role: User.objects.get(username=role) for role in sorted(who.PART2_READERS)}
    users.update({who.PUBLIC: None, who.OUTSIDER: outsider, who.OTHER_COUNCIL: other})
    users.update(people_of_per_council_roles(authority, other.authorities.get()))
    cast = Cast(users=users, draft_pk=draft.pk, meeting_pk=meeting.pk)
    cast.urls = route_urls(cast)
    return cast


def people_of_per_council_roles(here: Authority, elsewhere: Authority) -> dict[str, User]:
    """A council administrator here; a member here (with the demo member's seats) who is an
    approver elsewhere; an officer here limited to one of its service areas."""
    from committees.models import CommitteeMembership

    def person(username: str, roles: dict[Authority, str]) -> User:
        user, _ = User.objects.get_or_create(username=username)
        user.council_roles.all().delete()
        for authority, role in roles.items():
            user.council_roles.create(authority=authority, role=role)
        return user

    admin = person("council-admin", {here: UserRole.COUNCIL_ADMIN})
    mixed = person(who.MIXED, {here: UserRole.MEMBER, elsewhere: UserRole.APPROVER})
    for seat in CommitteeMembership.objects.filter(user__username="member"):
        CommitteeMembership.objects.get_or_create(
            committee=seat.committee,
            user=mixed,
            defaults={"name": "Cllr Mixed Example", "role": seat.role},
        )
    limited = person(who.LIMITED, {here: UserRole.OFFICER})
    limited.service_areas.set(here.service_areas.all()[:1])
    return {who.COUNCIL_ADMIN: admin, who.MIXED: mixed, who.LIMITED: limited}


def route_names() -> list[str]:
    """Every named route outside the admin, as ``resolve(...).view_name`` spells it."""
    names = []

    def walk(patterns, namespace):
        for entry in patterns:
            if hasattr(entry, "url_patterns"):
                if entry.namespace != "admin":
                    walk(entry.url_patterns, entry.namespace or namespace)
            elif entry.name:
                names.append(f"{namespace}:{entry.name}" if namespace else entry.name)

    walk(get_resolver().url_patterns, None)
    return sorted(set(names))


def route_urls(cast: Cast) -> dict[str, str]:
    """One address per route: the first the administrator reaches by following links from
    the home pages, then the pages reached only by a form's button."""
    client = cast.client(who.ADMIN)
    found: dict[str, str] = {}
    slug, draft, meeting = COUNCIL, cast.draft_pk, cast.meeting_pk
    quarter = f"/{slug}/returns/2014-15-q4/"
    # A report's page, its PDF and its tables are open to the public only once published: the
    # crawl starts at a published report with figures, so it meets that report before the draft
    # (whose id, and so whose place in the lists, differs between databases).
    published = (
        ReportSection.objects.filter(
            report__authority__slug=slug,
            report__status="published",
            kind=ReportSection.Kind.DATA,
        )
        .order_by("report_id")
        .values_list("report_id", flat=True)[0]
    )
    first = reverse("committees:report_detail", kwargs={"authority": slug, "pk": published})
    start = [first, "/", f"/{slug}/", f"/{slug}/reports/{draft}/manage/", quarter]
    queue, seen = deque(start), set()
    while queue:
        url = queue.popleft()
        if url in seen or SKIP.match(url):
            continue
        seen.add(url)
        try:
            match = resolve(url)
        except Resolver404:
            continue
        name = match.view_name
        if name in found or match.kwargs.get("authority", COUNCIL) != COUNCIL:
            continue
        found[name] = url
        response = client.get(url)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            queue.extend(LINK.findall(response.content.decode()))
    narrative, block = (
        ReportSection.objects.filter(report_id=draft, kind=kind).values_list("pk", flat=True)[0]
        for kind in (ReportSection.Kind.NARRATIVE, ReportSection.Kind.DATA)
    )
    item = AgendaItem.objects.filter(meeting__committee__authority__slug=slug).first()
    by_form = {
        "login": ("login", {}),
        "password_change": ("password_change", {}),
        "password_change_done": ("password_change_done", {}),
        "password_reset": ("password_reset", {}),
        "password_reset_done": ("password_reset_done", {}),
        "password_reset_complete": ("password_reset_complete", {}),
        "sitemap": ("sitemap", {}),
        "health": ("health", {}),
        "committees:report_section_action": (
            "committees:report_section_action",
            {"authority": slug, "pk": draft, "section": narrative, "action": "down"},
        ),
        "committees:report_block_change": (
            "committees:report_block_change",
            {"authority": slug, "pk": draft, "section": block},
        ),
        "committees:agenda_item_change": (
            "committees:agenda_item_change",
            {"authority": slug, "pk": item.meeting_id, "item": item.pk},
        ),
        "committees:report_action": (
            "committees:report_action",
            {"authority": slug, "pk": draft, "action": "submit"},
        ),
        "committees:agenda_publish": (
            "committees:agenda_publish",
            {"authority": slug, "pk": meeting},
        ),
        "committees:report_block_add": (
            "committees:report_block_add",
            {"authority": slug, "pk": draft, "block": "inspection"},
        ),
        "logout": ("logout", {}),
        "password_reset_confirm": ("password_reset_confirm", {"uidb64": "MQ", "token": "x-y"}),
        "sign_in_code": ("sign_in_code", {}),
        "two_factor_setup": ("two_factor_setup", {}),
    }
    by_form["committees:report_new_version"] = (
        "committees:report_new_version",
        {"authority": slug, "pk": published},
    )
    staffing = StaffingFigure.objects.filter(authority__slug=slug).first()
    by_form["workforce:staffing_detail"] = (
        "workforce:staffing_detail",
        {"authority": slug, "pk": staffing.pk},
    )
    project = Project.objects.filter(programme__authority__slug=slug).first()
    by_form["programmes:project_detail"] = (
        "programmes:project_detail",
        {"authority": slug, "pk": project.programme_id, "project_pk": project.pk},
    )
    planned = WorkProgrammeItem.objects.filter(committee__authority__slug=slug).first()
    by_form["committees:work_programme_to_agenda"] = (
        "committees:work_programme_to_agenda",
        {"authority": slug, "slug": planned.committee.slug, "entry": planned.pk},
    )
    # The meeting's record: posts from its page, and the illustrative minutes' PDF.
    for name in ("committees:minutes_publish", "committees:minutes_confirm"):
        by_form[name] = (name, {"authority": slug, "pk": meeting})
    minuted = Minutes.objects.filter(meeting__committee__authority__slug=slug, status="published")
    for name in ("committees:minutes_detail", "packs:minutes_pdf"):
        by_form[name] = (name, {"authority": slug, "pk": minuted.values_list("meeting_id")[0][0]})
    for name, (route, kwargs) in by_form.items():
        found.setdefault(name, reverse(route, kwargs=kwargs))
    return found
