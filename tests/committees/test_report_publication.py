"""A report from draft to publication: who may do each step, the statutory clock, frozen
figures, corrections as new versions, and exempt appendices."""

import datetime as dt
import uuid

import pytest
from django.test import Client
from django.utils import timezone

from committees.models import Report, ReportSection
from committees.services.report_sections import (
    section_add,
    section_delete,
    section_move,
    section_update,
)
from committees.services.reports import (
    ReportRefused,
    report_approve,
    report_create,
    report_new_version,
    report_publish,
    report_submit,
)
from tests.factories.scrutiny import (
    AgendaItemFactory,
    CommitteeFactory,
    CommitteeMembershipFactory,
    ComplimentFactory,
    MeetingFactory,
    UserFactory,
)

# Monday 2 November 2026, 10:00: a meeting on Tuesday 10 November leaves 5 clear working days
# (Tue 3 to Mon 9); one on Monday 9 November leaves only 4.
NOW = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def approver(authority):
    return UserFactory(username="approver-w", role="approver", authorities=[authority])


@pytest.fixture
def clerk(authority):
    return UserFactory(username="clerk-w", role="clerk", authorities=[authority])


@pytest.fixture
def compliment(authority):
    return ComplimentFactory(authority=authority, count=7, about="Kind words about the team")


def _written(authority, committee, officer, **cover):
    report = report_create(
        authority=authority,
        committee=committee,
        title="Quality Assurance Annual Report",
        created_by=officer,
        summary="What went well and what did not.",
        recommendation="That the committee notes the report.",
        contact_name="Sam Officer",
        **cover,
    )
    section_add(report=report, added_by=officer, heading="Introduction", text="Hello.")
    return report


def _on_agenda(report, committee, day, **item):
    meeting = MeetingFactory(committee=committee, date=day)
    AgendaItemFactory(meeting=meeting, report=report, title=report.title, **item)
    return meeting


@pytest.fixture
def approved(authority, committee, officer, approver, compliment):
    report = _written(authority, committee, officer)
    section_add(
        report=report, added_by=officer, heading="Compliments", block="compliments", choice="2014"
    )
    report_submit(report=report, submitted_by=officer)
    return report_approve(report=report, approved_by=approver)


def test_the_whole_journey_publishes_with_frozen_figures(
    client, approved, committee, clerk, compliment
):
    _on_agenda(approved, committee, dt.date(2026, 11, 10))
    report = report_publish(report=approved, published_by=clerk, now=NOW)
    assert report.status == Report.Status.PUBLISHED
    block = report.sections.get(block_type="compliments")
    assert block.frozen_at == NOW
    assert block.frozen_data["public"]["tables"][0]["rows"][0][1] == "7"

    # An officer corrects the figure after publication: the published report does not move.
    compliment.count = 9
    compliment.save()
    body = client.get(report.get_absolute_url()).content.decode()
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">7</td>' in body
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">9</td>' not in body
    assert "Figures as at 2 November 2026" in body


def test_a_correction_is_a_new_version_that_says_what_changed(
    client, approved, committee, officer, approver, clerk, compliment
):
    meeting = _on_agenda(approved, committee, dt.date(2026, 11, 10))
    first = report_publish(report=approved, published_by=clerk, now=NOW)
    compliment.count = 9
    compliment.save()
    with pytest.raises(ReportRefused, match="Say what"):
        report_new_version(report=first, started_by=officer, change_note=" ")
    second = report_new_version(
        report=first, started_by=officer, change_note="Compliments corrected from 7 to 9."
    )
    assert (second.version, second.status, second.supersedes) == (2, "draft", first)
    assert list(second.sections.values_list("heading", flat=True)) == [
        "Introduction",
        "Compliments",
    ]
    assert not second.sections.filter(frozen_data__isnull=False).exists()
    with pytest.raises(ReportRefused, match="already been started"):
        report_new_version(report=first, started_by=officer, change_note="Again")

    report_submit(report=second, submitted_by=officer)
    report_approve(report=second, approved_by=approver)
    # The meeting has been held by now: a correction may still be published after it.
    report_publish(report=second, published_by=clerk, now=NOW + dt.timedelta(days=30))
    assert meeting.items.get().report_id == second.pk

    old = client.get(first.get_absolute_url()).content.decode()
    assert "This version has been replaced by" in old
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">7</td>' in old
    new = client.get(second.get_absolute_url()).content.decode()
    assert "Compliments corrected from 7 to 9." in new
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">9</td>' in new
    first.refresh_from_db()
    assert first.status == Report.Status.PUBLISHED  # never edited in place


def test_publishing_inside_five_clear_working_days_is_refused(approved, committee, clerk):
    _on_agenda(approved, committee, dt.date(2026, 11, 9))
    with pytest.raises(ReportRefused, match="by 1 November 2026, and only 4 remain"):
        report_publish(report=approved, published_by=clerk, now=NOW)
    approved.refresh_from_db()
    assert approved.status == Report.Status.APPROVED
    assert not approved.sections.filter(frozen_data__isnull=False).exists()


@pytest.mark.parametrize(
    "late",
    [
        {"is_supplementary": True, "supplementary_reason": "Figures arrived after despatch."},
        {"is_urgent": True, "urgent_reason": "The Chairman agreed: the inspection letter."},
    ],
)
def test_a_late_item_with_its_reason_recorded_may_be_published(approved, committee, clerk, late):
    _on_agenda(approved, committee, dt.date(2026, 11, 4), **late)
    assert report_publish(report=approved, published_by=clerk, now=NOW).is_published


def test_a_supplementary_item_without_a_reason_still_waits_for_the_clock(
    approved, committee, clerk
):
    _on_agenda(approved, committee, dt.date(2026, 11, 4), is_supplementary=True)
    with pytest.raises(ReportRefused, match="Too late"):
        report_publish(report=approved, published_by=clerk, now=NOW)


def test_a_report_must_be_on_an_upcoming_agenda_to_be_published(approved, committee, clerk):
    with pytest.raises(ReportRefused, match="on a meeting's agenda"):
        report_publish(report=approved, published_by=clerk, now=NOW)
    _on_agenda(approved, committee, dt.date(2026, 10, 1))
    with pytest.raises(ReportRefused, match="already taken place"):
        report_publish(report=approved, published_by=clerk, now=NOW)


def test_each_step_belongs_to_its_role(authority, committee, officer, approver, clerk):
    report = _written(authority, committee, officer)
    with pytest.raises(ReportRefused):
        report_approve(report=report, approved_by=approver)  # not submitted yet
    report_submit(report=report, submitted_by=officer)
    for wrong in (officer, clerk):
        with pytest.raises(ReportRefused):
            report_approve(report=report, approved_by=wrong)
    report_approve(report=report, approved_by=approver)
    _on_agenda(report, committee, dt.date(2026, 11, 10))
    for wrong in (officer, approver):
        with pytest.raises(ReportRefused, match="Only a clerk"):
            report_publish(report=report, published_by=wrong, now=NOW)


def test_the_approver_never_approves_what_they_submitted(authority, committee, approver):
    report = _written(authority, committee, approver)
    report_submit(report=report, submitted_by=approver)
    with pytest.raises(ReportRefused, match="Someone other than"):
        report_approve(report=report, approved_by=approver)


def test_submitting_says_everything_still_missing(authority, committee, officer):
    report = report_create(
        authority=authority,
        committee=None,
        title="Bare",
        created_by=officer,
        is_exempt=True,
        exempt_paragraph=1,
    )
    with pytest.raises(ReportRefused) as refused:
        report_submit(report=report, submitted_by=officer)
    message = str(refused.value)
    for words in (
        "which committee",
        "summary",
        "recommendation",
        "contact name",
        "at least one section",
        "Part 2",
    ):
        assert words in message
    assert Report.objects.get(pk=report.pk).status == Report.Status.DRAFT


def test_an_officer_of_another_council_cannot_write_or_touch_a_report(
    authority, committee, officer, stranger
):
    with pytest.raises(ReportRefused):
        report_create(authority=authority, committee=committee, title="x", created_by=stranger)
    report = _written(authority, committee, officer)
    with pytest.raises(ReportRefused):
        section_add(report=report, added_by=stranger, heading="Mine", text="x")
    other = CommitteeFactory()
    with pytest.raises(ReportRefused, match="another council"):
        report_create(authority=authority, committee=other, title="x", created_by=officer)


def test_only_a_draft_changes(authority, committee, officer):
    report = _written(authority, committee, officer)
    report_submit(report=report, submitted_by=officer)
    section = report.sections.get()
    with pytest.raises(ReportRefused, match="awaiting approval"):
        section_update(section=section, updated_by=officer, heading="Changed")
    section.refresh_from_db()
    assert section.heading == "Introduction"


def test_a_block_choice_must_be_one_the_council_has_figures_for(
    authority, committee, officer, compliment
):
    report = _written(authority, committee, officer)
    with pytest.raises(ReportRefused, match="Choose a financial year"):
        section_add(
            report=report, added_by=officer, heading="C", block="compliments", choice="1999"
        )
    assert report.sections.count() == 1
    block = section_add(
        report=report, added_by=officer, heading="C", block="compliments", choice="2014"
    )
    with pytest.raises(ReportRefused, match="Choose a financial year"):
        section_update(section=block, updated_by=officer, choice="1999")
    block.refresh_from_db()
    assert block.block_params == {"choice": "2014"}


def test_sections_move_and_close_gaps(authority, committee, officer):
    report = _written(authority, committee, officer)
    for heading in ("Two", "Three"):
        section_add(report=report, added_by=officer, heading=heading, text="x")

    def order():
        return list(report.sections.order_by("order").values_list("heading", flat=True))

    section_move(section=report.sections.get(heading="Three"), moved_by=officer, up=True)
    assert order() == ["Introduction", "Three", "Two"]
    section_move(section=report.sections.get(heading="Introduction"), moved_by=officer, up=True)
    assert order() == ["Introduction", "Three", "Two"]
    section_delete(section=report.sections.get(heading="Three"), deleted_by=officer)
    assert list(report.sections.order_by("order").values_list("order", "heading")) == [
        (1, "Introduction"),
        (2, "Two"),
    ]


def test_an_exempt_appendix_reaches_only_those_entitled(
    authority, committee, officer, approver, clerk
):
    canary = f"canary-{uuid.uuid4()}"
    report = _written(authority, committee, officer)
    section_add(
        report=report,
        added_by=officer,
        heading=f"Appendix A {canary}",
        text=f"The child {canary}",
        is_exempt=True,
        exempt_paragraph=2,
    )
    report_submit(report=report, submitted_by=officer)
    report_approve(report=report, approved_by=approver)
    _on_agenda(report, committee, dt.date(2026, 11, 10))
    report_publish(report=report, published_by=clerk, now=NOW)

    seated = UserFactory(username="seated", role="member", authorities=[authority])
    CommitteeMembershipFactory(committee=committee, user=seated)
    unseated = UserFactory(username="unseated", role="member", authorities=[authority])
    former = UserFactory(username="former", role="member", authorities=[authority])
    CommitteeMembershipFactory(
        committee=committee, user=former, end_date=timezone.localdate() - dt.timedelta(days=1)
    )

    def page(user):
        client = Client()
        if user:
            client.force_login(user)
        response = client.get(report.get_absolute_url())
        assert response.status_code == 200
        return response.content.decode()

    for reader in (None, unseated, former):
        body = page(reader)
        assert canary not in body
        assert "This appendix is exempt" in body
        assert "paragraph 2 of Schedule 12A" in body
    for reader in (seated, officer, clerk):
        assert canary in page(reader)


def test_a_section_cannot_be_exempt_without_a_paragraph(authority, committee, officer):
    from django.db import IntegrityError, transaction

    report = _written(authority, committee, officer)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportSection.objects.filter(report=report).update(is_exempt=True)


def test_a_block_frozen_for_an_earlier_date_shows_the_history_as_it_stood_then(
    authority, committee, officer
):
    """A paper published on 20 July 2015 (as the demo's seed papers are) never carries a
    later quarter's update, though the database now holds one."""
    from committees.services.reports import freeze_section
    from scrutiny.models import Period
    from tests.factories.scrutiny import RecommendationFactory, RecommendationUpdateFactory

    rec = RecommendationFactory(authority=authority, source="2013/14 Annual Review", order=1)
    RecommendationUpdateFactory(
        recommendation=rec, period=Period.quarter(2015, 1), status="in-progress", note="Begun"
    )
    RecommendationUpdateFactory(
        recommendation=rec, period=Period.quarter(2016, 1), status="achieved", note="Done"
    )
    report = _written(authority, committee, officer)
    section = section_add(
        report=report,
        added_by=officer,
        heading="Recommendations",
        block="recommendation-tracker",
        choice="2013/14 Annual Review",
    )
    freeze_section(section, at=dt.datetime(2015, 7, 20, 9, 0, tzinfo=dt.UTC))
    for variant in ("public", "members"):
        (row,) = section.frozen_data[variant]["tables"][0]["rows"]
        assert row[2:] == ["In progress", "Begun"]


def test_a_block_of_a_draft_quarters_figures_is_refused_until_the_return_is_approved(
    approved, committee, clerk, authority, approver
):
    from returns.models import QuarterlyReturn
    from scrutiny.models import Period

    _on_agenda(approved, committee, dt.date(2026, 11, 10))
    # The compliments block shows 2014/15; its fourth quarter's return is still a draft.
    quarter = QuarterlyReturn.objects.create(authority=authority, period=Period.quarter(2014, 4))
    with pytest.raises(ReportRefused, match="The block “Compliments” cannot be published") as e:
        report_publish(report=approved, published_by=clerk, now=NOW)
    assert "Q4 2014/15 are provisional" in str(e.value)
    assert not approved.sections.filter(frozen_data__isnull=False).exists()
    # Approved (four eyes: submitted by one, approved by another), it may go.
    quarter.status = QuarterlyReturn.Status.APPROVED
    quarter.submitted_by, quarter.submitted_at = clerk, NOW
    quarter.approved_by, quarter.approved_at = approver, NOW
    quarter.save()
    assert report_publish(report=approved, published_by=clerk, now=NOW).status == "published"
