"""Reports from draft to publication: write, submit, approve, publish (freezing the figures),
and correct by a new version. A published report is never edited in place.

Each function checks the actor's right (``scrutiny.permissions``), changes state atomically
and raises ``ReportRefused`` with words fit to show the user when it may not.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from committees.models import (
    AgendaItem,
    BackgroundPaper,
    Committee,
    FinancialImplication,
    Report,
    ReportSection,
)
from scrutiny.blocks import (
    BLOCK_TYPES,
    BlockChoiceError,
    build_block,
    check_choice,
    provisional_reason,
)
from scrutiny.models import Authority, User
from scrutiny.permissions import (
    can_approve_report,
    can_correct_report,
    can_edit_report,
    can_publish_report,
    can_write_reports,
)
from scrutiny.working_days import too_late

Status = Report.Status


class ReportRefused(Exception):
    """The action is not allowed now; the message says why, in words for the user."""


def _locked(report: Report) -> Report:
    """The report's row as stored now, locked for this transaction, so two clicks cannot both
    act and no decision rests on a copy read before someone else changed it."""
    return Report.objects.select_for_update().select_related("authority").get(pk=report.pk)


def report_create(
    *, authority: Authority, committee: Committee | None, title: str, created_by: User, **cover
) -> Report:
    """A new draft report with its cover sheet and the three empty financial rows."""
    if not can_write_reports(created_by, authority):
        raise ReportRefused(f"You cannot write reports for {authority.short_name}.")
    if committee is not None and committee.authority_id != authority.pk:
        raise ReportRefused("That committee is another council's.")
    with transaction.atomic():
        report = Report.objects.create(
            authority=authority,
            committee=committee,
            title=title,
            created_by=created_by,
            status=Status.DRAFT,
            **cover,
        )
        FinancialImplication.objects.bulk_create(
            FinancialImplication(report=report, year=year) for year in (1, 2, 3)
        )
    return report


def require_editable(report: Report, user: User) -> Report:
    """The report as stored now, locked, if the user may change it (call inside atomic)."""
    report = _locked(report)
    if not can_edit_report(user, report):
        if report.status != Status.DRAFT:
            raise ReportRefused(
                f"This report is {report.get_status_display().lower()}: only a draft can change."
            )
        raise ReportRefused("You cannot change this report.")
    return report


def report_cover_save(*, report: Report, forms, edited_by: User) -> Report:
    """Save a draft's cover sheet forms (cover, financial rows, background papers: each
    already valid) together, under the report's lock; refused, with nothing saved, unless it
    is still a draft the user may change."""
    with transaction.atomic():
        report = require_editable(report, edited_by)
        for form in forms:
            form.save()
    return report


def report_missing(report: Report) -> list[str]:
    """What a report still needs before it can go for approval, in words."""
    missing = []
    if report.committee_id is None:
        missing.append("Say which committee the report is for.")
    if not report.summary.strip():
        missing.append("Write a summary of the report.")
    if not report.recommendation.strip():
        missing.append("Write the recommendation.")
    if not report.contact_name.strip():
        missing.append("Give a contact name.")
    if not report.sections.exists():
        missing.append("Add at least one section.")
    if report.is_exempt and not report.part2_reasons.strip():
        missing.append("Give the reasons for considering the report in Part 2.")
    # Only whether each block's choice still stands: building every block to find out
    # would read all its figures on every visit to the report's page.
    options: dict[str, dict] = {}
    for section in report.sections.filter(kind=ReportSection.Kind.DATA):
        if section.block_type not in options and section.block_type in BLOCK_TYPES:
            kind = BLOCK_TYPES[section.block_type]
            options[section.block_type] = dict(kind.choices(report.authority))
        try:
            check_choice(
                report.authority,
                section.block_type,
                section.block_params,
                options=options.get(section.block_type),
            )
        except BlockChoiceError as error:
            missing.append(str(error))
    return missing


def report_submit(*, report: Report, submitted_by: User) -> Report:
    """Send a complete draft for approval."""
    with transaction.atomic():
        report = require_editable(report, submitted_by)
        missing = report_missing(report)
        if missing:
            raise ReportRefused(" ".join(missing))
        report.status = Status.SUBMITTED
        report.submitted_by = submitted_by
        report.submitted_at = timezone.now()
        report.save(update_fields=["status", "submitted_by", "submitted_at"])
    return report


def report_approve(*, report: Report, approved_by: User) -> Report:
    """The director or delegate approves a submitted report; never the person who sent it."""
    with transaction.atomic():
        report = _locked(report)
        if report.status == Status.SUBMITTED and report.submitted_by_id == approved_by.pk:
            raise ReportRefused("Someone other than the person who submitted it must approve it.")
        if not can_approve_report(approved_by, report):
            raise ReportRefused("Only an approver can approve a report awaiting approval.")
        report.status = Status.APPROVED
        report.approved_by = approved_by
        report.approved_at = timezone.now()
        report.save(update_fields=["status", "approved_by", "approved_at"])
    return report


def report_return_to_draft(*, report: Report, returned_by: User) -> Report:
    """Take a submitted or approved report back to draft (to change it, or on refusal)."""
    with transaction.atomic():
        report = _locked(report)
        if report.status not in {Status.SUBMITTED, Status.APPROVED}:
            raise ReportRefused("Only a submitted or approved report can go back to draft.")
        if not (
            can_write_reports(returned_by, report.authority)
            or can_approve_report(returned_by, report)
        ):
            raise ReportRefused("You cannot send this report back to draft.")
        report.status = Status.DRAFT
        report.approved_by = None
        report.approved_at = None
        report.save(update_fields=["status", "approved_by", "approved_at"])
    return report


def publication_check(report: Report, today: dt.date) -> tuple[AgendaItem | None, str]:
    """The agenda item the report is published for, and why publication is refused ("" if
    it may go). Five clear working days before the meeting (``too_late``), unless the item
    was added late (supplementary) or taken as urgent, with its reason recorded. A new
    version is published onto the agenda item that carries the version it corrects (late,
    it is marked supplementary there), never on its own."""
    if report.supersedes_id:
        item = correction_item(report)
        if item is None:
            return None, (
                f"Version {report.version} corrects a version that is on no meeting's agenda: "
                "a clerk puts the report on an agenda before a new version can be published."
            )
        return item, ""
    items = list(report.agenda_items.select_related("meeting__committee").order_by("meeting__date"))
    upcoming = [i for i in items if i.meeting.date >= today]
    if not items:
        return None, "Put the report on a meeting's agenda before publishing it."
    if not upcoming:
        return items[-1], "The meeting this report is for has already taken place."
    item = upcoming[0]
    late = too_late(today, item.meeting.date)
    if not late:
        return item, ""
    if item.is_urgent and item.urgent_reason.strip():
        return item, ""
    if item.is_supplementary and item.supplementary_reason.strip():
        return item, ""
    return (
        item,
        f"{late} Add the item as supplementary or urgent, with its reason, to publish it late.",
    )


def correction_item(report: Report) -> AgendaItem | None:
    """The agenda item a new version is published onto: its own, or the latest one carrying
    the version it corrects."""
    return (
        AgendaItem.objects.filter(Q(report_id=report.pk) | Q(report_id=report.supersedes_id))
        .select_related("meeting__committee")
        .order_by("-meeting__date", "-pk")
        .first()
    )


def _mark_correction(item: AgendaItem, report: Report, today: dt.date) -> None:
    """Put the new version on its agenda item in place of the old; after the deadline the
    item becomes supplementary, saying which version it now carries and why."""
    item.report = report
    fields = ["report"]
    if too_late(today, item.meeting.date) and not item.is_urgent:
        note = (
            f"Version {report.version} replaces version {report.version - 1}: {report.change_note}"
        )
        item.is_supplementary = True
        item.supplementary_reason = "\n".join(
            text for text in (item.supplementary_reason.strip(), note) if text
        )
        fields += ["is_supplementary", "supplementary_reason"]
    item.save(update_fields=fields)


def freeze_section(section: ReportSection, *, at: dt.datetime) -> None:
    """Keep the block's figures as they are now, for the public and for members; a history
    stops at what was known on the day of ``at``."""
    authority = section.report.authority
    as_at = timezone.localdate(at)
    section.frozen_data = {
        variant: build_block(
            authority, section.block_type, section.block_params, public=public, as_at=as_at
        ).as_dict()
        for variant, public in (("public", True), ("members", False))
    }
    section.frozen_at = at
    section.save(update_fields=["frozen_data", "frozen_at"])


def report_publish(*, report: Report, published_by: User, now: dt.datetime | None = None) -> Report:
    """Publish an approved report for its meeting, freezing every data block as it stands."""
    now = now or timezone.now()
    with transaction.atomic():
        report = _locked(report)
        if not can_publish_report(published_by, report):
            if report.status != Status.APPROVED:
                raise ReportRefused("Only an approved report can be published.")
            raise ReportRefused("Only a clerk can publish reports.")
        item, refusal = publication_check(report, timezone.localdate(now))
        if refusal:
            raise ReportRefused(refusal)
        data = list(report.sections.filter(kind=ReportSection.Kind.DATA))
        for section in data:
            reason = provisional_reason(
                report.authority, section.block_type, str(section.block_params.get("choice", ""))
            )
            if reason:
                raise ReportRefused(
                    f"The block “{section.heading}” cannot be published: {reason}. Only "
                    "approved figures are published."
                )
        for section in data:
            freeze_section(section, at=now)
        report.status = Status.PUBLISHED
        report.published_by = published_by
        report.published_at = now
        report.save(update_fields=["status", "published_by", "published_at"])
        if report.supersedes_id:
            # The agenda now carries the corrected version; the old one stays readable.
            AgendaItem.objects.filter(report_id=report.supersedes_id).update(report=report)
            _mark_correction(item, report, timezone.localdate(now))
    return report


def report_new_version(*, report: Report, started_by: User, change_note: str) -> Report:
    """Start a correction of a published report: a draft copy, version + 1, that says what
    changed. The published version stays as it is until the new one is published."""
    if not can_correct_report(started_by, report):
        raise ReportRefused("Only a published report can be corrected, by its council's writers.")
    if not change_note.strip():
        raise ReportRefused("Say what the new version changes.")
    with transaction.atomic():
        report = _locked(report)
        if report.superseded_by.exists():
            raise ReportRefused("A newer version of this report has already been started.")
        old_pk = report.pk
        copy = Report.objects.get(pk=old_pk)
        copy.pk = None
        copy.status = Status.DRAFT
        copy.version = report.version + 1
        copy.supersedes = report
        copy.change_note = change_note.strip()
        copy.created_by = started_by
        for name in ("submitted", "approved", "published"):
            setattr(copy, f"{name}_by", None)
            setattr(copy, f"{name}_at", None)
        copy.save()
        FinancialImplication.objects.bulk_create(
            FinancialImplication(
                report=copy,
                year=row.year,
                cost=row.cost,
                funding_sufficient=row.funding_sufficient,
                shortfall=row.shortfall,
                revenue_or_capital=row.revenue_or_capital,
            )
            for row in FinancialImplication.objects.filter(report_id=old_pk)
        )
        BackgroundPaper.objects.bulk_create(
            BackgroundPaper(report=copy, order=p.order, title=p.title, location=p.location)
            for p in BackgroundPaper.objects.filter(report_id=old_pk)
        )
        ReportSection.objects.bulk_create(
            ReportSection(
                report=copy,
                order=s.order,
                heading=s.heading,
                kind=s.kind,
                text=s.text,
                body=s.body,
                block_type=s.block_type,
                block_params=s.block_params,
                is_exempt=s.is_exempt,
                exempt_paragraph=s.exempt_paragraph,
            )
            for s in ReportSection.objects.filter(report_id=old_pk)
        )
    return copy
