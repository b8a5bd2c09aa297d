"""Part 2 never leaks: a secret in an exempt report reaches no one who may not read it.

Over the demo data, Wokingham gets a committee X with a published, upcoming meeting whose
agenda carries open reports and, under exempt items, two reports whose title, cover sheet,
sections and agenda entry carry a unique canary: one marked exempt itself, one exempt only
because of the item it is taken under; and an open report's exempt appendix carries it
too. The Part 2 report's recommendations carry it in their text, rationale and owner, and
so do their updates for two quarters of this financial year, whose returns are started
(the recommendations section, its spreadsheet and the changes page all list them); an open
report carries a recommendation tracker block of their source; the meeting's packs and
every report's PDF are built. The meeting's minutes are published: each exempt item's minutes
(discussion, resolution and recommendations, which go onto the tracker, and an exempt item
with no report) and a declaration of interest in one carry the canary too.

Then, as the public, as a councillor of Wokingham who does not sit on X, as a former member
of X, and as an officer and a clerk of another council, everything reachable from the home
page is fetched (links, forms, redirects, downloads, spreadsheets, PDFs, pagination,
filters), with every committee's feed and calendar, the sitemap and each URL in it, every
quarter's return pages, and searches for the canary and for words of its title; the canary
must appear in no body and no header. A councillor on X must find it on the report page, in
search, on their dashboard and on the return, and an officer of Wokingham updates the
recommendation on the return, which shows the check would catch a leak.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.db.models import Max
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from committees.models import (
    Committee,
    Councillor,
    Declaration,
    Minutes,
    Recommendation,
    RecommendationUpdate,
    Report,
    ReportSection,
)
from committees.services import minutes as minutes_service
from committees.services.reports import freeze_section
from demo import load_demo
from packs.models import RenderJob
from packs.services import pack_request, report_pdf_request
from scrutiny.models import Authority, Period
from scrutiny.models.periods import financial_year_of
from tests.crawl import crawl, fetch
from tests.factories.returns import section_post, started_return
from tests.factories.scrutiny import (
    AgendaItemFactory,
    CommitteeFactory,
    CommitteeMembershipFactory,
    CouncillorFactory,
    MeetingFactory,
    ReportFactory,
    ReportSectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Searching for the canary would echo it back in the search box; the searches ask for
# each half instead, which matches the whole (both databases index the halves of a
# hyphenated word) without ever echoing the full canary.
# Letters only: PostgreSQL's text search reads a hex half such as "4e7642..." as a number in
# scientific notation and indexes it differently, so a canary of digits could not be found.
LETTERS = str.maketrans("0123456789", "ghijklmnop")
FIRST, SECOND = (uuid.uuid4().hex.translate(LETTERS) for _ in range(2))
CANARY = f"{FIRST}-{SECOND}"
TITLE_WORDS = "Meadowbank placement"
SOURCE = "Placement review (Part 2)"  # what an author might choose for a tracker block


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


def _this_years_quarters() -> tuple[Period, Period]:
    """Two quarters the returns list offers today (its year is the current financial year)."""
    year = financial_year_of(timezone.localdate())
    return Period.quarter(year, 1), Period.quarter(year, 2)


def _part2_recommendations(report: Report, committee: Committee) -> list[Recommendation]:
    """Two recommendations made in the Part 2 report, each updated in two quarters."""
    made = []
    for n in (1, 2):
        recommendation = Recommendation.objects.create(
            authority=committee.authority,
            committee=committee,
            report=report,
            source=SOURCE,
            reference=f"P{n}",
            order=n,
            rationale=f"Because of what happened to {CANARY}.",
            text=f"Review the placement of {CANARY} ({n}).",
            owner=f"Social worker of {CANARY}",
        )
        for period in _this_years_quarters():
            RecommendationUpdate.objects.create(
                recommendation=recommendation,
                period=period,
                status=RecommendationUpdate.Status.IN_PROGRESS,
                note=f"Visited {CANARY} in {period}.",
            )
        made.append(recommendation)
    return made


def _tracker_block(report: Report, committee: Committee) -> ReportSection:
    """An open report's recommendation tracker of the Part 2 recommendations' source (which
    the committee also made one open recommendation under), frozen as at publication: the
    block is built from the rows the public may read."""
    Recommendation.objects.create(
        authority=committee.authority,
        committee=committee,
        source=SOURCE,
        reference="O1",
        text="Publish the sufficiency strategy.",
    )
    section = ReportSection.objects.create(
        report=report,
        # After the report's last section (the factory numbers sections across the session).
        order=(report.sections.aggregate(last=Max("order"))["last"] or 0) + 1,
        heading="Where the placement review's recommendations stand",
        kind=ReportSection.Kind.DATA,
        block_type="recommendation-tracker",
        block_params={"choice": SOURCE},
    )
    freeze_section(section, at=timezone.now())
    return section


def _build_documents(meeting, reports, capture) -> None:
    """The meeting's public and confidential packs and every report's PDF, built now so the
    crawl can download them (the crawl only reads; building is a clerk's POST)."""
    with capture(execute=True):
        for kind in (RenderJob.Kind.PUBLIC_PACK, RenderJob.Kind.CONFIDENTIAL_PACK):
            pack_request(meeting=meeting, kind=kind)
        for report in reports:
            report_pdf_request(report=report)
    failed = list(
        RenderJob.objects.exclude(state=RenderJob.State.DONE).values_list("kind", "error")
    )
    assert failed == [], "every document is built"


def _part2_minutes(meeting) -> None:
    """Published minutes whose exempt items (one without a report) minute the canary, with a
    declaration of interest in one of them naming it; their recommendations are tracked."""
    no_report = AgendaItemFactory(
        meeting=meeting,
        number=5,
        title=f"Complaint about {CANARY}",
        public_title="Exempt item: a complaint",
        is_exempt=True,
        exempt_paragraph=1,
    )
    clerk = UserFactory(
        username="wokingham-clerk-x", role="clerk", authorities=[meeting.committee.authority]
    )
    secret_text = {
        "discussion": f"The committee heard about {CANARY}.",
        "resolved": f"That {CANARY} stays in placement.",
        "recommended": f"Visit {CANARY} monthly",
    }
    exempt = meeting.items.filter(is_exempt=True)
    texts = {item.pk: secret_text for item in exempt}
    texts[meeting.items.get(number=2).pk] = {"discussion": "Sufficiency was discussed."}
    minutes = minutes_service.minutes_save(meeting=meeting, texts=texts, saved_by=clerk)
    # The meeting is upcoming (its agenda is what the crawl reads); its minutes are published
    # here as if it had been held.
    Minutes.objects.filter(pk=minutes.pk).update(status="published", published_at=timezone.now())
    minutes_service.minutes_save(meeting=meeting, texts=texts, saved_by=clerk)
    assert Recommendation.objects.filter(text=f"Visit {CANARY} monthly").count() == 3
    Declaration.objects.create(
        meeting=meeting,
        councillor=Councillor.objects.create(
            authority=meeting.committee.authority, name="Cllr Declares", slug="declares"
        ),
        agenda_item=no_report,
        kind="dpi",
        description=f"Related to {CANARY}",
    )


def _minutes_urls(committee: Committee) -> list[str]:
    meeting = committee.meetings.get()
    slug = committee.authority.slug
    kwargs = {"authority": slug, "pk": meeting.pk}
    return [
        reverse("committees:minutes_detail", kwargs=kwargs),
        reverse("packs:minutes_pdf", kwargs=kwargs),
        reverse("committees:councillor_detail", kwargs={"authority": slug, "slug": "declares"}),
    ]


@pytest.fixture
def secret(django_capture_on_commit_callbacks):
    """Committee X of Wokingham, its upcoming published meeting, open and exempt papers,
    the Part 2 report's recommendations on this year's returns, and the built documents."""
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
    _part2_recommendations(under_item, committee)
    _tracker_block(open_report, committee)
    officer = UserFactory(username="wokingham-officer", role="officer", authorities=[wokingham])
    _part2_minutes(meeting)
    for period in _this_years_quarters():
        started_return(authority=wokingham, period=period, user=officer)
    _build_documents(meeting, [open_report, marked, under_item], django_capture_on_commit_callbacks)
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


def _former_member_of(committee: Committee):
    """A Wokingham councillor whose seat on X ended yesterday."""
    user = UserFactory(username="cllr-was-on-x", role="member", authorities=[committee.authority])
    CommitteeMembershipFactory(
        committee=committee,
        user=user,
        name="Cllr Was On X",
        start_date=timezone.localdate() - dt.timedelta(days=400),
        end_date=timezone.localdate() - dt.timedelta(days=1),
    )
    return user


def _staff_elsewhere(role: str):
    """An officer or clerk of Wiltshire, who may read nothing of Wokingham's but the public's."""
    wiltshire = Authority.objects.get(slug="wiltshire")
    return UserFactory(username=f"wiltshire-{role}", role=role, authorities=[wiltshire])


def _return_url(authority: Authority, period: Period, page: str) -> str:
    """A quarter's return page: its task list, recommendations section, changes, spreadsheet
    page or spreadsheet download."""
    kwargs = {"authority": authority.slug, "period": period.slug}
    if page == "section":
        return reverse("returns:section", kwargs=kwargs | {"section": "recommendations"})
    if page == "download":
        return reverse("returns:spreadsheet", kwargs=kwargs) + "?download=1"
    return reverse(f"returns:{page}", kwargs=kwargs)


RETURN_PAGES = ("detail", "section", "changes", "spreadsheet", "download")


def _return_urls(authority: Authority) -> list[str]:
    """Every page and download of this year's returns that lists recommendations."""
    return [reverse("returns:list", kwargs={"authority": authority.slug})] + [
        _return_url(authority, period, page)
        for period in _this_years_quarters()
        for page in RETURN_PAGES
    ]


def _document_urls(committee: Committee) -> list[str]:
    """The meeting's pack pages and every report's PDF page, and their downloads."""
    slug = committee.authority.slug
    meeting = committee.meetings.get()
    pages = [
        reverse(
            "packs:meeting_pack", kwargs={"authority": slug, "pk": meeting.pk, "kind": "public"}
        ),
        reverse("packs:meeting_confidential_pack", kwargs={"authority": slug, "pk": meeting.pk}),
    ] + [
        reverse("packs:report_pdf", kwargs={"authority": slug, "pk": report.pk})
        for report in Report.objects.filter(committee=committee)
    ]
    return pages + [f"{page}?format=pdf" for page in pages]


def _extra_starts(committee: Committee) -> list[str]:
    """Feeds, calendars, sitemap, searches, returns and documents, whether or not a page
    links to them (for this reader)."""
    starts = ["/", reverse("sitemap"), *_return_urls(committee.authority)]
    starts += _document_urls(committee) + _minutes_urls(committee)
    for authority in Authority.objects.filter(is_active=True):
        kwargs = {"authority": authority.slug}
        starts.append(reverse("committees:meeting_calendar", kwargs=kwargs))
        search = reverse("committees:report_search", kwargs=kwargs)
        starts += [f"{search}?q={q}" for q in (FIRST, SECOND, TITLE_WORDS.replace(" ", "+"))]
        for committee in authority.committees.all():
            kwargs = {"authority": authority.slug, "slug": committee.slug}
            starts.append(reverse("committees:committee_feed", kwargs=kwargs))
            starts.append(reverse("committees:committee_calendar", kwargs=kwargs))
    return starts


def _assert_no_leak(client: Client, committee: Committee) -> None:
    found = crawl(client, _extra_starts(committee))
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
    minutes_page, minutes_pdf, declarer = _minutes_urls(committee)
    assert found.pages[minutes_page].contains("Sufficiency was discussed.")
    assert found.pages[minutes_page].contains("Exempt item: a complaint")
    assert "pdf" in found.pages[minutes_pdf].content_type
    assert found.pages[minutes_pdf].contains("Sufficiency was discussed.")
    assert found.pages[declarer].contains("Exempt item: a complaint")
    search = reverse("committees:report_search", kwargs={"authority": committee.authority.slug})
    words = found.pages[f"{search}?q={TITLE_WORDS.replace(' ', '+')}"]
    assert words.contains("sufficiency across the borough")
    # The public pack was downloaded, as a PDF, by every reader.
    public_pack = _document_urls(committee)[len(_document_urls(committee)) // 2]
    assert "pdf" in found.pages[public_pack].content_type
    return found


def _assert_reads_returns(found, committee: Committee) -> None:
    """A councillor of the council reads the returns: the crawl opened every quarter's
    recommendations section and spreadsheet, and they list recommendations (not an error)."""
    authority = committee.authority
    for url in _return_urls(authority):
        assert found.pages[url].status == 200, url
    for period in _this_years_quarters():
        section = found.pages[_return_url(authority, period, "section")]
        assert section.contains("Recommendation status updates")
        download = found.pages[_return_url(authority, period, "download")]
        assert "spreadsheetml" in download.content_type


def test_the_public_never_receives_the_canary(secret):
    committee, _ = secret
    _assert_no_leak(Client(), committee)


def test_a_councillor_not_on_the_committee_never_receives_the_canary(secret):
    committee, _ = secret
    found = _assert_no_leak(_signed_in(_non_member(committee)), committee)
    _assert_reads_returns(found, committee)


def test_a_former_member_of_the_committee_never_receives_the_canary(secret):
    committee, _ = secret
    found = _assert_no_leak(_signed_in(_former_member_of(committee)), committee)
    _assert_reads_returns(found, committee)


@pytest.mark.parametrize("role", ["officer", "clerk"])
def test_staff_of_another_council_never_receive_the_canary(secret, role):
    committee, _ = secret
    _assert_no_leak(_signed_in(_staff_elsewhere(role)), committee)


def test_a_councillor_on_the_committee_reads_the_exempt_papers(secret):
    committee, reports = secret
    client = _signed_in(_member_of(committee))
    for report in reports:
        assert fetch(client, report.get_absolute_url()).contains(CANARY)
    dashboard = fetch(client, reverse("dashboard"))
    assert dashboard.status == 200
    assert dashboard.contains(CANARY)
    search = reverse("committees:report_search", kwargs={"authority": committee.authority.slug})
    assert fetch(client, f"{search}?q={FIRST}").contains(CANARY)
    for url in _minutes_urls(committee):
        assert fetch(client, url).contains(CANARY), url


def test_the_returns_show_the_part_2_recommendations_to_those_entitled(secret):
    """On the committee, or an officer of the council: the rows are on every quarter's
    recommendations section, its spreadsheet and the changes page."""
    committee, _ = secret
    officer = UserFactory(username="officer-2", role="officer", authorities=[committee.authority])
    authority = committee.authority
    for user in (_member_of(committee), officer):
        client = _signed_in(user)
        for period in _this_years_quarters():
            for page in ("section", "download"):
                url = _return_url(authority, period, page)
                assert fetch(client, url).contains(f"Review the placement of {CANARY} (2)"), url
            changes = _return_url(authority, period, "changes")
            assert fetch(client, changes).contains(f"Visited {CANARY} in {period}"), changes


def test_an_officer_updates_a_part_2_recommendation_on_the_return(secret):
    committee, _ = secret
    officer = UserFactory(username="officer-3", role="officer", authorities=[committee.authority])
    quarter = _this_years_quarters()[1]
    draft = committee.authority.returns.get(period=quarter)
    label = f"P1: Review the placement of {CANARY} (1)."
    data = section_post(
        draft,
        "recommendations",
        {(label, "status"): "achieved", (label, "note"): "Placement now stable."},
        user=officer,
    )
    url = _return_url(committee.authority, quarter, "section")
    assert _signed_in(officer).post(url, data).status_code == 302
    update = RecommendationUpdate.objects.get(recommendation__reference="P1", period=quarter)
    assert (update.status, update.note) == ("achieved", "Placement now stable.")


def test_a_recommendation_made_in_a_part_2_report_stays_with_its_readers(secret):
    committee, reports = secret
    recommendation = Recommendation.objects.get(reference="P1")
    client = _signed_in(_non_member(committee))
    slug = committee.authority.slug
    pages = [
        fetch(client, reverse("assurance:recommendation_list", kwargs={"authority": slug})),
        fetch(
            client,
            reverse(
                "assurance:recommendation_detail",
                kwargs={"authority": slug, "pk": recommendation.pk},
            ),
        ),
    ]
    assert [page.url for page in pages if page.contains(CANARY)] == []


def test_the_agenda_emailed_to_the_committee_never_carries_the_canary(
    secret, mailoutbox, django_capture_on_commit_callbacks
):
    """Publishing X's agenda (through the clerk's button) emails every member and substitute
    the agenda as the public reads it and the public pack's link: no exempt title, text or
    attachment, though the members themselves may read Part 2 signed in."""
    committee, _ = secret
    meeting = committee.meetings.get()
    type(meeting).objects.filter(pk=meeting.pk).update(agenda_published_at=None)
    member = _member_of(committee)
    member.email = "cllr-on-x@example.org"
    member.save(update_fields=["email"])
    substitute = CouncillorFactory(
        authority=committee.authority, name="Cllr Sub", email="sub-on-x@example.org"
    )
    CommitteeMembershipFactory(
        committee=committee, councillor=substitute, name="Cllr Sub", role="substitute"
    )
    clerk = UserFactory(username="wokingham-clerk", role="clerk", authorities=[committee.authority])
    url = reverse(
        "committees:agenda_publish",
        kwargs={"authority": committee.authority.slug, "pk": meeting.pk},
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert _signed_in(clerk).post(url).status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == ["cllr-on-x@example.org", "sub-on-x@example.org"]
    for message in mailoutbox:
        assert "Exempt item: an individual child's placement" in message.body
        assert message.attachments == []
        assert not getattr(message, "alternatives", [])
        text = f"{message.subject}\n{message.body}\n{message.message().as_string()}"
        assert CANARY not in text
        assert "Information relating to a particular child." not in text


def test_the_check_reads_pdfs_by_their_text():
    """Packs are compressed PDFs: the canary must be found in them, not just in raw bytes."""
    from weasyprint import HTML

    from tests.crawl import Fetched

    pdf = HTML(string=f"<h1>Agenda pack</h1><p>Item 3: {CANARY}</p>").write_pdf()
    assert CANARY.encode() not in pdf
    assert Fetched("/pack.pdf", 200, "application/pdf", {}, pdf).contains(CANARY)
    assert not Fetched("/pack.pdf", 200, "application/pdf", {}, pdf).contains(FIRST[::-1])
