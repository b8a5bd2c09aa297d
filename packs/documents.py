"""What goes into a pack or a report PDF, as one HTML document, and the hash of it.

The public and supplementary packs are built from the agenda as the public sees it
(``agenda_for`` an anonymous reader): an exempt item is listed by its public title with its
paragraph, and its content is never put into the document. The confidential pack adds the
Part 2 items and their reports. Only published reports are ever printed, whoever asks, so
one file can serve every reader who may download it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields

import weasyprint
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from committees.models import AgendaItem, Meeting, Report, ReportSection
from committees.selectors import AgendaEntry, agenda_for, consideration, report_body
from scrutiny.permissions import ReaderVariant

from .access import report_is_public
from .fetcher import site_origin
from .models import CoverLetter, RenderJob

# Bump when the templates or print styles change in a way the hash of the HTML would miss.
RENDERER_VERSION = "2"  # 2: private charts drawn in the confidential documents

Kind = RenderJob.Kind


@dataclass
class PackItem(AgendaEntry):
    """One agenda line of a pack, as the public agenda shows it (the confidential pack's
    in full), and its report when the pack prints it."""

    note: str = ""
    body: dict = field(default_factory=dict)
    pages: tuple[int, int] | None = None

    @property
    def anchor(self) -> str:
        return f"item-{self.number}"

    @property
    def end_anchor(self) -> str:
        return f"item-{self.number}-end"


@dataclass
class PackSource:
    """A document ready to lay out: its HTML, how to name it, and what its hash is."""

    kind: str
    title: str
    filename: str
    template: str
    context: dict
    items: list[PackItem]
    # The council whose private charts (drawn with every figure) the document may show:
    # the confidential pack's and a non-public report's; never a public document's.
    private_charts_of: str | None = None
    _html: str | None = None

    def html(self, ranges: dict[int, tuple[int, int]] | None = None) -> str:
        """The document; with ``ranges`` the agenda prints them as text instead of asking
        the layout engine to count them (the fallback when counting does not settle)."""
        if ranges is None and self._html is not None:
            return self._html
        for item in self.items:
            item.pages = (ranges or {}).get(item.number)
        html = render_to_string(self.template, self.context)
        if ranges is None:
            self._html = html
        return html

    @property
    def printed_items(self) -> list[PackItem]:
        return [item for item in self.items if item.report is not None]

    @property
    def input_hash(self) -> str:
        digest = hashlib.sha256()
        digest.update(f"{RENDERER_VERSION}|{weasyprint.__version__}|{self.kind}|".encode())
        digest.update(self.html().encode())
        return digest.hexdigest()


def _report_body(report: Report, variant: ReaderVariant) -> dict:
    """The context ``scrutiny/_report_body.html`` needs, built by the report selectors for
    the document's reader variant (public, or confidential: entitled to all of it)."""
    body = report_body(report, reader=variant)
    return {
        "report": report,
        "consideration": consideration(report),
        "sections": body.sections,
        "financial_rows": body.financial_rows,
        "background_papers": body.background_papers,
        "earlier_version": None,
    }


def _printable_reports(ids) -> dict[int, Report]:
    """Published reports by id, with everything their body shows fetched in a few queries."""
    reports = (
        Report.objects.filter(pk__in=ids, status=Report.Status.PUBLISHED)
        .select_related("authority", "committee")
        .prefetch_related(
            "financial_rows",
            "background_papers",
            Prefetch("sections", queryset=ReportSection.objects.order_by("order")),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("meeting__committee").order_by(
                    "meeting__date"
                ),
            ),
        )
    )
    return {report.pk: report for report in reports}


def _pack_items(meeting: Meeting, kind: str) -> list[PackItem]:
    public = {entry.number: entry for entry in agenda_for(AnonymousUser(), meeting)}
    rows = list(AgendaItem.objects.filter(meeting=meeting).order_by("number"))
    if kind == Kind.SUPPLEMENTARY_PACK:
        rows = [row for row in rows if row.is_supplementary]
    confidential = kind == Kind.CONFIDENTIAL_PACK
    if confidential:
        wanted = [row.report_id for row in rows if row.report_id]
    else:
        wanted = [e.report.pk for e in public.values() if e.report is not None]
    reports = _printable_reports(wanted)
    items = []
    for row in rows:
        entry = public[row.number]
        item = PackItem(**{f.name: getattr(entry, f.name) for f in fields(AgendaEntry)})
        item.report = None
        if confidential:
            item.title, item.description = row.title, row.description
            item.exempt_reason = row.exempt_reason
        report = reports.get(row.report_id) if row.report_id else None
        if report is not None:
            item.report = report
            variant = ReaderVariant.CONFIDENTIAL if confidential else ReaderVariant.PUBLIC
            item.body = _report_body(report, variant)
        elif row.is_exempt and not confidential:
            item.note = "Not for publication: in the confidential pack only."
        elif row.report_id:
            item.note = "Report to follow."
        items.append(item)
    return items


def cover_letter_for(authority) -> CoverLetter:
    """The council's letter, or the standard wording when its clerks have not set one."""
    letter = CoverLetter.objects.filter(authority=authority).first()
    return letter or CoverLetter(authority=authority)


def _letter_text(template: str, meeting: Meeting) -> str:
    time = f"{meeting.start_time:%-I.%M %p}".lower() if meeting.start_time else "a time to be set"
    return template.format_map(
        {
            "committee": meeting.committee.name,
            "date": f"{meeting.date:%A, %-d %B %Y}",
            "time": time,
            "venue": meeting.venue or "a venue to be confirmed",
        }
    )


def pack_source(meeting: Meeting, kind: str) -> PackSource:
    """A meeting's public, confidential or supplementary pack as one document."""
    meeting = Meeting.objects.select_related("committee__authority").get(pk=meeting.pk)
    authority = meeting.committee.authority
    items = _pack_items(meeting, kind)
    letter = cover_letter_for(authority)
    supplementary = kind == Kind.SUPPLEMENTARY_PACK
    label = {
        Kind.PUBLIC_PACK: "Public Document Pack",
        Kind.CONFIDENTIAL_PACK: "Confidential Document Pack",
        Kind.SUPPLEMENTARY_PACK: "Supplementary Document Pack",
    }[kind]
    title = f"{meeting.committee.name}, {meeting.date:%-d %B %Y}: {label}"
    context = {
        "kind": kind,
        "label": label,
        "title": title,
        "meeting": meeting,
        "authority": authority,
        "letter": letter,
        "letter_text": _letter_text(
            letter.supplementary_text if supplementary else letter.pack_text, meeting
        ),
        "signatory": letter.signatory or authority.chief_executive,
        "items": items,
        "confidential": kind == Kind.CONFIDENTIAL_PACK,
        "supplementary": supplementary,
        "header": f"{meeting.committee.name} – {meeting.date:%-d %B %Y}",
        "site": site_origin(),
    }
    filename = f"{meeting.date:%Y-%m-%d}-{slugify(meeting.committee.name)}-{kind}-pack.pdf"
    private = authority.slug if kind == Kind.CONFIDENTIAL_PACK else None
    return PackSource(kind, title, filename, "packs/pack.html", context, items, private)


def report_source(report: Report) -> PackSource:
    """One published report as its own PDF."""
    report = _printable_reports([report.pk])[report.pk]
    public = report_is_public(report)
    variant = ReaderVariant.PUBLIC if public else ReaderVariant.CONFIDENTIAL
    day = report.report_date or timezone.localdate(report.published_at)
    context = {
        "kind": Kind.REPORT_PDF,
        "title": report.title,
        "authority": report.authority,
        "header": f"{report.authority.name} – {report.title}",
        "site": site_origin(),
        **_report_body(report, variant),
    }
    filename = f"{day:%Y-%m-%d}-{slugify(report.title)[:80]}.pdf"
    private = None if public else report.authority.slug
    return PackSource(
        Kind.REPORT_PDF, report.title, filename, "packs/report.html", context, [], private
    )


def source_for(job: RenderJob) -> PackSource:
    if job.kind == Kind.REPORT_PDF:
        return report_source(job.report)
    return pack_source(job.meeting, job.kind)
