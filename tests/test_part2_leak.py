"""Part 2 never leaks: a secret in an exempt report reaches no one who may not read it.

Over the demo data, Wokingham gets a committee X with a published, upcoming meeting whose
agenda carries open reports and, under exempt items, two reports whose title, cover sheet,
sections and agenda entry carry a unique canary: one marked exempt itself, one exempt only
because of the item it is taken under; and an open report's exempt appendix carries it
too. Then, as the public and as a councillor of Wokingham
who does not sit on X, everything reachable from the home page is fetched (links, forms,
redirects, downloads, pagination, filters), with every committee's feed and calendar, the
sitemap and each URL in it, and searches for the canary and for words of its title; the
canary must appear in no body and no header. A councillor on X must find it on the report
page, in search and on their dashboard, which shows the check would catch a leak.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from scrutiny.demo import load_demo
from scrutiny.models import Authority, Committee, Recommendation, Report
from tests.crawl import crawl, fetch
from tests.factories.scrutiny import (
    AgendaItemFactory,
    CommitteeFactory,
    CommitteeMembershipFactory,
    MeetingFactory,
    ReportFactory,
    ReportSectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Searching for the canary would echo it back in the search box; the searches ask for
# each half instead, which matches the whole (both databases index the halves of a
# hyphenated word) without ever echoing the full canary.
FIRST, SECOND = uuid.uuid4().hex, uuid.uuid4().hex
CANARY = f"{FIRST}-{SECOND}"
TITLE_WORDS = "Meadowbank placement"


def _exempt_report(authority, committee, title: str, **kwargs) -> Report:
    report = ReportFactory(
        authority=authority,
        committee=committee,
        title=f"{title} {CANARY}",
        summary=f"Summary naming the child {CANARY}.",
        recommendation=f"That the committee notes the placement of {CANARY}.",
        outcome_benefits=f"Stability for {CANARY}.",
        published=True,
        **kwargs,
    )
    ReportSectionFactory(report=report, heading="Background", body=f"<p>History: {CANARY}.</p>")
    return report


@pytest.fixture
def secret():
    """Committee X of Wokingham, its upcoming published meeting, open and exempt papers."""
    load_demo()
    wokingham = Authority.objects.get(slug="wokingham")
    committee = CommitteeFactory(
        authority=wokingham, name="Corporate Parenting Board", slug="corporate-parenting"
    )
    meeting = MeetingFactory(
        committee=committee,
        date=timezone.localdate() + dt.timedelta(days=14),
        agenda_published_at=timezone.now(),
        venue="Civic Offices, Shute End",
    )
    open_report = ReportFactory(
        authority=wokingham,
        committee=committee,
        title=f"{TITLE_WORDS} sufficiency across the borough",
        summary="Sufficiency of placements for children in care.",
        published=True,
    )
    # An open report can carry one exempt appendix: the report is public, the appendix not.
    ReportSectionFactory(
        report=open_report,
        heading=f"Appendix A: costs of {CANARY}",
        body=f"<p>{TITLE_WORDS} costs for {CANARY}.</p>",
        is_exempt=True,
        exempt_paragraph=3,
    )
    AgendaItemFactory(meeting=meeting, number=1, title="Apologies for absence", kind="apologies")
    AgendaItemFactory(meeting=meeting, number=2, title=open_report.title, report=open_report)
    marked = _exempt_report(
        wokingham, committee, f"{TITLE_WORDS} of one child", is_exempt=True, exempt_paragraph=1
    )
    under_item = _exempt_report(wokingham, committee, f"{TITLE_WORDS} review of a second child")
    for number, report in [(3, marked), (4, under_item)]:
        AgendaItemFactory(
            meeting=meeting,
            number=number,
            title=f"{report.title}",
            public_title="Exempt item: an individual child's placement",
            description=f"Decision about {CANARY}.",
            report=report,
            is_exempt=True,
            exempt_paragraph=1,
            exempt_reason="Information relating to a particular child.",
        )
    return committee, [marked, under_item]


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _non_member(committee: Committee):
    """A Wokingham councillor who sits on another committee, not on X."""
    user = UserFactory(username="cllr-elsewhere", role="member", authorities=[committee.authority])
    elsewhere = Committee.objects.filter(authority=committee.authority).exclude(pk=committee.pk)
    CommitteeMembershipFactory(committee=elsewhere.first(), user=user, name="Cllr Elsewhere")
    return user


def _member_of(committee: Committee):
    user = UserFactory(username="cllr-on-x", role="member", authorities=[committee.authority])
    CommitteeMembershipFactory(committee=committee, user=user, name="Cllr On X")
    return user


def _extra_starts() -> list[str]:
    """Feeds, calendars, sitemap and searches, whether or not a page links to them."""
    starts = ["/", reverse("sitemap")]
    for authority in Authority.objects.filter(is_active=True):
        kwargs = {"authority": authority.slug}
        starts.append(reverse("meeting_calendar", kwargs=kwargs))
        search = reverse("report_search", kwargs=kwargs)
        starts += [f"{search}?q={q}" for q in (FIRST, SECOND, TITLE_WORDS.replace(" ", "+"))]
        for committee in authority.committees.all():
            kwargs = {"authority": authority.slug, "slug": committee.slug}
            starts.append(reverse("committee_feed", kwargs=kwargs))
            starts.append(reverse("committee_calendar", kwargs=kwargs))
    return starts


def _assert_no_leak(client: Client, committee: Committee) -> None:
    found = crawl(client, _extra_starts())
    assert found.containing(CANARY) == []
    for page in found:
        if f"q={FIRST}" in page.url:
            assert not page.contains(SECOND), page.url
        if f"q={SECOND}" in page.url:
            assert not page.contains(FIRST), page.url
    # The crawl really covered the places the secret would be if it leaked.
    x_page = committee.get_absolute_url()
    meeting = committee.meetings.get()
    reached = set(found.pages)
    assert {x_page, meeting.get_absolute_url(), "/sitemap.xml"} <= reached
    assert found.pages[meeting.get_absolute_url()].contains("Exempt item: an individual child")
    search = reverse("report_search", kwargs={"authority": committee.authority.slug})
    words = found.pages[f"{search}?q={TITLE_WORDS.replace(' ', '+')}"]
    assert words.contains("sufficiency across the borough")


def test_the_public_never_receives_the_canary(secret):
    committee, _ = secret
    _assert_no_leak(Client(), committee)


def test_a_councillor_not_on_the_committee_never_receives_the_canary(secret):
    committee, _ = secret
    _assert_no_leak(_signed_in(_non_member(committee)), committee)


def test_a_councillor_on_the_committee_reads_the_exempt_papers(secret):
    committee, reports = secret
    client = _signed_in(_member_of(committee))
    for report in reports:
        assert fetch(client, report.get_absolute_url()).contains(CANARY)
    dashboard = fetch(client, reverse("dashboard"))
    assert dashboard.status == 200
    assert dashboard.contains(CANARY)
    search = reverse("report_search", kwargs={"authority": committee.authority.slug})
    assert fetch(client, f"{search}?q={FIRST}").contains(CANARY)


def test_a_recommendation_made_in_a_part_2_report_stays_with_its_readers(secret):
    committee, reports = secret
    recommendation = Recommendation.objects.create(
        authority=committee.authority,
        committee=committee,
        report=reports[1],
        source="Part 2 placement report",
        text=f"Review the placement of {CANARY}.",
    )
    client = _signed_in(_non_member(committee))
    slug = committee.authority.slug
    pages = [
        fetch(client, reverse("recommendation_list", kwargs={"authority": slug})),
        fetch(
            client,
            reverse("recommendation_detail", kwargs={"authority": slug, "pk": recommendation.pk}),
        ),
    ]
    assert [page.url for page in pages if page.contains(CANARY)] == []


def test_the_check_reads_pdfs_by_their_text():
    """Packs are compressed PDFs: the canary must be found in them, not just in raw bytes."""
    from weasyprint import HTML

    from tests.crawl import Fetched

    pdf = HTML(string=f"<h1>Agenda pack</h1><p>Item 3: {CANARY}</p>").write_pdf()
    assert CANARY.encode() not in pdf
    assert Fetched("/pack.pdf", 200, "application/pdf", {}, pdf).contains(CANARY)
    assert not Fetched("/pack.pdf", 200, "application/pdf", {}, pdf).contains(FIRST[::-1])
