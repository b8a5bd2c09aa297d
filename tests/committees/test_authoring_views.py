"""Writing a report and taking it to publication through the pages, role by role: clear
errors next to the fields, nothing saved half-way, and every step checked on the server."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from committees.models import AgendaItem, Meeting, Report
from tests.factories.scrutiny import ComplimentFactory, UserFactory


def url(name, authority, **kwargs):
    return reverse(name, kwargs={"authority": authority.slug, **kwargs})


@pytest.fixture
def approver(authority):
    return UserFactory(username="approver-w", role="approver", authorities=[authority])


@pytest.fixture
def clerk(authority):
    return UserFactory(username="clerk-w", role="clerk", authorities=[authority])


COVER = {
    "title": "Quality Assurance Annual Report",
    "kind": "committee",
    "ward": "None specific",
    "summary": "How the service did.",
    "recommendation": "That the committee notes the report.",
    "contact_name": "Sam Officer",
    "contact_email": "sam@example.gov.uk",
}


def test_a_cover_sheet_with_mistakes_is_shown_again_with_every_error_and_saves_nothing(
    client, authority, committee, officer
):
    client.force_login(officer)
    data = {**COVER, "title": "", "committee": committee.pk, "contact_email": "not-an-address"}
    data |= {"is_exempt": "on", "exempt_paragraph": ""}
    response = client.post(url("committees:report_create", authority), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<title>Error: " in body
    assert 'href="#id_title">Enter the report&#x27;s title</a>' in body
    assert 'href="#id_contact_email">Enter an email address in the correct format' in body
    assert 'href="#id_exempt_paragraph">Choose the paragraph of Schedule 12A' in body
    assert 'href="#id_part2_reasons">Say why it should be considered in Part 2' in body
    assert 'value="not-an-address"' in body  # what was typed is kept
    assert not Report.objects.exists()


def test_the_journey_from_a_blank_page_to_a_published_report(
    client, authority, committee, officer, approver, clerk
):
    ComplimentFactory(authority=authority, count=7)
    client.force_login(officer)
    response = client.post(
        url("committees:report_create", authority), {**COVER, "committee": committee.pk}
    )
    report = Report.objects.get()
    assert response["Location"] == url("committees:report_manage", authority, pk=report.pk)
    assert report.financial_rows.count() == 3

    # A section of text, typed in the plain format.
    client.post(
        url("committees:report_section_add", authority, pk=report.pk),
        {"heading": "Introduction", "text": "## Why\nBecause.\n\n- one\n- two"},
    )
    # A data block in two steps: what it shows, then which year.
    choose = client.post(
        url("committees:report_block_choose", authority, pk=report.pk), {"block": ""}
    )
    assert "Choose what the data block should show" in choose.content.decode()
    step = client.post(
        url("committees:report_block_choose", authority, pk=report.pk), {"block": "compliments"}
    )
    assert step["Location"] == url(
        "committees:report_block_add", authority, pk=report.pk, block="compliments"
    )
    bad = client.post(step["Location"], {"heading": "Compliments", "choice": "1999"})
    assert "Choose a financial year the council has figures for" in bad.content.decode()
    client.post(step["Location"], {"heading": "Compliments", "choice": "2014"})
    assert list(report.sections.values_list("heading", "kind")) == [
        ("Introduction", "narrative"),
        ("Compliments", "data"),
    ]
    intro = report.sections.get(heading="Introduction")
    assert intro.body == "<h3>Why</h3>\n<p>Because.</p>\n<ul><li>one</li><li>two</li></ul>"

    # The draft reads like the paper, with today's figures.
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Draft: figures as they stand today" in page

    client.post(url("committees:report_action", authority, pk=report.pk, action="submit"))
    report.refresh_from_db()
    assert report.status == "submitted"

    # The officer who sent it cannot approve it; an approver can.
    refused = client.post(
        url("committees:report_action", authority, pk=report.pk, action="approve")
    )
    assert (
        "Someone other than the person who submitted it must approve it" in refused.content.decode()
    )
    client.force_login(approver)
    client.post(url("committees:report_action", authority, pk=report.pk, action="approve"))
    report.refresh_from_db()
    assert report.status == "approved"

    # The clerk arranges the meeting, puts the report on its agenda and publishes.
    client.force_login(clerk)
    meeting_day = timezone.localdate() + dt.timedelta(days=21)
    client.post(
        url("committees:meeting_create", authority),
        {
            "committee": committee.pk,
            "date": meeting_day.isoformat(),
            "start_time": "19:00",
            "venue": "Civic Offices",
            "status": "scheduled",
        },
    )
    meeting = Meeting.objects.get()
    client.post(
        url("committees:agenda_item_add", authority, pk=meeting.pk),
        {"kind": "apologies", "title": "Apologies for absence", "wards": "None specific"},
    )
    client.post(
        url("committees:agenda_item_add", authority, pk=meeting.pk),
        {"kind": "report", "title": report.title, "wards": "None specific", "report": report.pk},
    )
    assert list(meeting.items.values_list("number", "title")) == [
        (1, "Apologies for absence"),
        (2, report.title),
    ]
    client.post(url("committees:agenda_publish", authority, pk=meeting.pk))
    meeting.refresh_from_db()
    assert meeting.is_published
    published = client.post(
        url("committees:report_action", authority, pk=report.pk, action="publish")
    )
    assert published["Location"] == report.get_absolute_url()
    report.refresh_from_db()
    assert report.status == "published"

    # Anyone may now read it; the figures are frozen.
    client.logout()
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Figures as at" in page
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">7</td>' in page


def test_an_item_added_after_the_agenda_is_published_needs_its_reason(
    client, authority, committee, clerk
):
    meeting = Meeting.objects.create(
        committee=committee, date=dt.date(2026, 12, 15), agenda_published_at=timezone.now()
    )
    client.force_login(clerk)
    response = client.post(
        url("committees:agenda_item_add", authority, pk=meeting.pk),
        {"kind": "report", "title": "Late report", "wards": "None specific"},
    )
    assert "The agenda is published: say why this item is added late" in response.content.decode()
    assert not meeting.items.exists()
    client.post(
        url("committees:agenda_item_add", authority, pk=meeting.pk),
        {
            "kind": "report",
            "title": "Late report",
            "wards": "None specific",
            "supplementary_reason": "Figures arrived after the agenda went out.",
        },
    )
    item = meeting.items.get()
    assert item.is_supplementary


def test_an_urgent_item_needs_the_reason_the_chair_agreed(client, authority, committee, clerk):
    meeting = Meeting.objects.create(committee=committee, date=dt.date(2026, 12, 15))
    client.force_login(clerk)
    response = client.post(
        url("committees:agenda_item_add", authority, pk=meeting.pk),
        {"kind": "report", "title": "Ofsted letter", "wards": "All", "is_urgent": "on"},
    )
    assert "Record why the chair agreed to take it as urgent" in response.content.decode()
    assert not AgendaItem.objects.exists()


@pytest.mark.parametrize("role", ["member", "officer", "approver"])
def test_only_clerks_manage_meetings(client, authority, committee, role):
    user = UserFactory(username=f"u-{role}", role=role, authorities=[authority])
    client.force_login(user)
    assert client.get(url("committees:meeting_create", authority)).status_code == 403
    response = client.post(
        url("committees:meeting_create", authority),
        {"committee": committee.pk, "date": "2026-12-15", "status": "scheduled"},
    )
    assert response.status_code == 403
    assert not Meeting.objects.exists()


def test_a_member_cannot_open_or_change_a_draft(client, authority, committee, officer):
    report = Report.objects.create(authority=authority, committee=committee, title="Draft")
    member = UserFactory(username="cllr", role="member", authorities=[authority])
    client.force_login(member)
    assert client.get(url("committees:report_manage", authority, pk=report.pk)).status_code == 403
    response = client.post(
        url("committees:report_section_add", authority, pk=report.pk), {"heading": "x", "text": "y"}
    )
    assert response.status_code == 403
    assert not report.sections.exists()


def test_an_officer_of_another_council_cannot_reach_a_report_by_its_id(
    client, authority, other_authority, committee, officer
):
    report = Report.objects.create(authority=authority, committee=committee, title="Ours")
    stranger = UserFactory(username="s", role="officer", authorities=[other_authority])
    client.force_login(stranger)
    for target in (authority, other_authority):
        response = client.post(
            url("committees:report_section_add", target, pk=report.pk),
            {"heading": "x", "text": "y"},
        )
        assert response.status_code in {403, 404}
    assert not report.sections.exists()


def test_a_published_report_cannot_be_changed_only_corrected(client, authority, committee, officer):
    report = Report.objects.create(
        authority=authority,
        committee=committee,
        title="Done",
        status="published",
        published_at=timezone.now(),
    )
    client.force_login(officer)
    assert client.get(url("committees:report_cover", authority, pk=report.pk)).status_code == 403
    response = client.post(
        url("committees:report_new_version", authority, pk=report.pk), {"change_note": ""}
    )
    assert "Say what the new version changes" in response.content.decode()
    response = client.post(
        url("committees:report_new_version", authority, pk=report.pk),
        {"change_note": "Fixed a figure."},
    )
    copy = Report.objects.get(supersedes=report)
    assert response["Location"] == url("committees:report_manage", authority, pk=copy.pk)
    assert (copy.version, copy.status) == (2, "draft")


def test_a_clerk_records_what_the_committee_recommended_and_the_tracker_shows_it(
    client, authority, committee, clerk
):
    meeting = Meeting.objects.create(committee=committee, date=dt.date(2026, 12, 15))
    client.force_login(clerk)
    add = url("committees:committee_recommendation_add", authority, pk=meeting.pk)
    response = client.post(add, {"text": "", "owner": "", "due_date": "2026-01-01"})
    body = response.content.decode()
    assert "Enter the recommendation" in body
    assert "Say who owns the recommendation" in body
    assert "The due date must be on or after the meeting" in body
    client.post(
        add,
        {"text": "Report agency use each quarter", "owner": "Head of HR", "due_date": "2027-03-31"},
    )
    rec = committee.recommendations.get()
    assert (rec.source, rec.reference) == (f"{committee.name}, 15 December 2026", "1")
    client.logout()
    tracker = client.get(
        url("committees:committee_recommendations", authority, slug=committee.slug)
    ).content.decode()
    assert "Report agency use each quarter" in tracker
    assert "Head of HR" in tracker


def test_publishing_an_agenda_is_a_post_and_a_get_is_refused_plainly(
    client, authority, meeting, clerk
):
    """A GET on the publish address is 405 for a clerk (it used to be a server error)."""
    client.force_login(clerk)
    response = client.get(url("committees:agenda_publish", authority, pk=meeting.pk))
    assert response.status_code == 405
    assert response["Allow"] == "POST, OPTIONS"


def test_a_section_too_long_to_lay_out_is_refused_next_to_the_field(
    client, authority, officer, committee
):
    """100,001 characters: the page says so by the text box and nothing is saved; the
    service refuses it too, whatever calls it."""
    from committees.authoring.text import MAX_TEXT
    from committees.services.report_sections import section_add
    from committees.services.reports import ReportRefused
    from tests.factories.scrutiny import ReportFactory

    report = ReportFactory(authority=authority, committee=committee)
    client.force_login(officer)
    response = client.post(
        url("committees:report_section_add", authority, pk=report.pk),
        {"heading": "Everything", "text": "x" * (MAX_TEXT + 1)},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "must be 100,000 characters or fewer (it has 100,001)" in html
    assert 'href="#id_text"' in html
    assert report.sections.count() == 0
    with pytest.raises(ReportRefused, match="100,000 characters or fewer"):
        section_add(report=report, added_by=officer, heading="x", text="x" * (MAX_TEXT + 1))
    section_add(report=report, added_by=officer, heading="Fits", text="x" * MAX_TEXT)
    assert report.sections.count() == 1
