"""A report as it reads on the page: cover sheet, sections, financial table, versions."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.utils.safestring import mark_safe

from committees.models import (
    AgendaItem,
    BackgroundPaper,
    FinancialImplication,
    Report,
    ReportSection,
)
from committees.selectors.committees import visible_reports
from scrutiny.blocks import BlockChoiceError, ShownBlock, build_block, show_block
from scrutiny.models import Authority
from scrutiny.permissions import reads_council_figures, reads_exempt_sections, reports_visible_to
from scrutiny.sanitize import RULES_DIGEST, sanitize_html


@dataclass
class FinancialRow:
    """One year's line of the financial implications table, blank when not recorded."""

    label: str
    cost: str = ""
    funding: str = ""
    revenue_or_capital: str = ""


def _money(value: Decimal | None) -> str:
    if value is None:
        return ""
    if value < 0:
        return f"(£{-value:,.0f})"
    return f"£{value:,.0f}"


def financial_rows(report: Report) -> list[FinancialRow]:
    """Years 1 to 3, always all three as on the paper, filled where figures are recorded."""
    recorded = {row.year: row for row in report.financial_rows.all()}
    rows = []
    for year, label in FinancialImplication._meta.get_field("year").choices:
        row = recorded.get(year)
        if row is None:
            rows.append(FinancialRow(label))
            continue
        if row.funding_sufficient is None:
            funding = row.shortfall
        elif row.funding_sufficient:
            funding = "Yes"
        else:
            funding = f"No – shortfall {row.shortfall}" if row.shortfall else "No"
        rows.append(
            FinancialRow(label, _money(row.cost), funding, row.get_revenue_or_capital_display())
        )
    return rows


@dataclass
class ShownSection:
    """A report section ready to show: cleaned narrative, a data block, or an exempt notice."""

    heading: str
    kind: str
    body: str = ""
    block: ShownBlock | None = None
    block_error: str = ""
    figures_as_at: dt.datetime | None = None
    exempt_paragraph: int | None = None
    exempt: bool = False  # an exempt appendix, whether this reader may see it or not
    withheld: bool = False


def report_for(user, authority: Authority, pk: int) -> Report:
    """The report with everything its page shows, or 404 if the reader may not open it.

    A report the reader may not see is a 404, never a 403, so its existence does not leak.
    What the paper's body holds is read by ``report_body``, which may find it in the cache.
    """
    # Its agenda items say which meeting it goes to and whether it is taken in Part 2.
    items = AgendaItem.objects.select_related("meeting__committee").order_by("meeting__date")
    own = Report.objects.filter(authority=authority).with_replacement()
    reports = reports_visible_to(user, own)
    reports = reports.prefetch_related(Prefetch("agenda_items", queryset=items))
    try:
        report = reports.get(pk=pk)
    except Report.DoesNotExist:
        raise Http404("No such report.") from None
    report.authority = authority  # the council in the URL, already read
    return report


SHOWN_SECONDS = 3600


def _is_part2(report: Report) -> bool:
    """Exempt itself or taken under an exempt agenda item (the items are prefetched)."""
    return report.is_exempt or any(item.is_exempt for item in report.agenda_items.all())


def _frozen_blocks(sections, *, public: bool, authority_slug: str, cached: bool) -> dict:
    """Each frozen section's block as shown, by section id.

    Frozen figures never change, so the cleaned cells and drawn charts are kept in the cache,
    keyed by the section, when it was frozen and the reader's variant; an hour's limit bounds
    how long a removed chart file could be named. Only open material is cached: a Part 2
    report's or appendix's blocks are built for each reading. The frozen figures themselves
    are read (in one query) only for blocks the cache does not hold.
    """
    variant = "public" if public else "members"
    keys = {f"frozen-block:{s.pk}:{s.frozen_at.isoformat()}:{variant}": s for s in sections}
    found = cache.get_many([key for key, s in keys.items() if cached and not s.is_exempt])
    shown = {keys[key].pk: block for key, block in found.items()}
    missing = [s for s in keys.values() if s.pk not in shown]
    deferred = {s.pk for s in missing if "frozen_data" in s.get_deferred_fields()}
    data = {s.pk: s.frozen_data for s in missing if s.pk not in deferred}
    if deferred:
        data.update(ReportSection.objects.filter(pk__in=deferred).values_list("pk", "frozen_data"))
    fresh = {}
    for key, section in keys.items():
        if section.pk in shown:
            continue
        frozen = data[section.pk]
        block = show_block(frozen[variant], public=public, authority_slug=authority_slug)
        shown[section.pk] = block
        if cached and not section.is_exempt:
            fresh[key] = block
    if fresh:
        cache.set_many(fresh, SHOWN_SECONDS)
    return shown


def _narratives(sections, *, cached: bool) -> dict:
    """Each narrative section's body, cleaned now (the stored HTML is never trusted), by
    section id. Cleaning is the page's largest cost, so the cleaned text of open sections is
    cached under a digest of what it was made from."""
    keys = {
        s.pk: f"narrative:{RULES_DIGEST}:{hashlib.sha256(s.body.encode()).hexdigest()}"
        for s in sections
        if cached and not s.is_exempt
    }
    found = cache.get_many(list(keys.values())) if keys else {}
    bodies, fresh = {}, {}
    for section in sections:
        key = keys.get(section.pk)
        if key in found:
            bodies[section.pk] = mark_safe(found[key])  # noqa: S308 -- cleaned before caching
            continue
        bodies[section.pk] = sanitize_html(section.body)
        if key:
            fresh[key] = str(bodies[section.pk])
    if fresh:
        cache.set_many(fresh, SHOWN_SECONDS)
    return bodies


def report_sections(report: Report, *, reader) -> list[ShownSection]:
    """The sections in order as this reader may see them.

    Narrative is cleaned (the stored HTML is never trusted). A published report's data
    blocks show their frozen figures; a draft's are built from today's. The public sees the
    figures with small counts hidden; the council's own readers see them all. An exempt
    appendix reaches only those entitled to Part 2 material, and others read that it is
    exempt, under which paragraph, and nothing of it. The reader is a person, or a
    ``ReaderVariant`` for a document printed for many (``permissions.reads_*`` answer both).
    """
    sections = sorted(report.sections.all(), key=lambda s: s.order)
    public = not reads_council_figures(reader, report.authority)
    if any(section.is_exempt for section in sections):
        exempt_visible = reads_exempt_sections(reader, report)
        sections_shown = [s for s in sections if exempt_visible or not s.is_exempt]
    else:
        sections_shown = sections
    cached = not _is_part2(report)
    Kind = ReportSection.Kind
    bodies = _narratives([s for s in sections_shown if s.kind == Kind.NARRATIVE], cached=cached)
    blocks = _frozen_blocks(
        [s for s in sections_shown if s.kind != Kind.NARRATIVE and s.frozen_at is not None],
        public=public,
        authority_slug=report.authority.slug,
        cached=cached,
    )
    shown_ids = {section.pk for section in sections_shown}
    views = []
    for section in sections:
        view = ShownSection(section.heading, section.kind)
        if section.is_exempt:
            view.exempt = True
            view.exempt_paragraph = section.exempt_paragraph
        if section.kind == Kind.NARRATIVE and section.pk in bodies:
            view.body = bodies[section.pk]
        elif section.pk in blocks:
            view.block = blocks[section.pk]
            view.figures_as_at = section.frozen_at
        elif section.pk in shown_ids:
            try:
                content = build_block(
                    report.authority, section.block_type, section.block_params, public=public
                )
            except BlockChoiceError as error:
                view.block_error = str(error)
            else:
                view.block = show_block(
                    content.as_dict(), public=public, authority_slug=report.authority.slug
                )
        else:
            view.heading = "Exempt appendix"
            view.withheld = True
        views.append(view)
    return views


@dataclass
class ReportBody:
    """The paper below its cover sheet: sections, financial table and background papers."""

    sections: list[ShownSection]
    financial_rows: list[FinancialRow]
    background_papers: list

    @property
    def has_exempt_appendix(self) -> bool:
        return any(section.exempt for section in self.sections)

    @property
    def shows_exempt_appendix(self) -> bool:
        return any(section.exempt and not section.withheld for section in self.sections)


def _body_prefetches() -> list[Prefetch]:
    return [
        # Ordered by their own columns: the models' default order, by report first, would
        # join the report table again for rows that all have the same one.
        Prefetch("financial_rows", queryset=FinancialImplication.objects.order_by("year")),
        Prefetch("background_papers", queryset=BackgroundPaper.objects.order_by("order")),
        # Not what the author typed (the cleaned body is shown) nor the frozen figures,
        # which are read only when the cache lacks the blocks drawn from them.
        Prefetch("sections", queryset=ReportSection.objects.defer("text", "frozen_data")),
    ]


def report_body(report: Report, *, reader) -> ReportBody:
    """The report's body as this reader may see it.

    A published report is never edited in place (a correction is a new version, and the
    admin shows a published report read-only), so the body the public reads is kept in the
    cache, keyed by the report and when it was published. Only that public reading is kept,
    only for a report that is not Part 2, and only with every exempt appendix withheld; a
    reader who may see an appendix, or who is one of the council's own, has it built (from
    the cached sections) for them.
    """
    key = None
    if (
        report.is_published
        and not reads_council_figures(reader, report.authority)
        and not _is_part2(report)
    ):
        key = f"report-body:{report.pk}:{report.published_at.isoformat()}:public"
        body = cache.get(key)
        if body is not None and not (
            body.has_exempt_appendix and reads_exempt_sections(reader, report)
        ):
            return body
    prefetch_related_objects([report], *_body_prefetches())
    body = ReportBody(
        sections=report_sections(report, reader=reader),
        financial_rows=financial_rows(report),
        background_papers=list(report.background_papers.all()),
    )
    if key and not body.shows_exempt_appendix:
        cache.set(key, body, SHOWN_SECONDS)
    return body


def report_versions(user, report: Report) -> tuple[Report | None, list[Report]]:
    """The earlier version this report replaces and later ones replacing it, if visible.

    Whether anything replaces it is asked first, plainly: nearly all reports are the latest
    version, and the reader's Part 2 filter is then not built a second time.
    """
    earlier = None
    if report.supersedes_id:
        earlier = visible_reports(user, report.authority).filter(pk=report.supersedes_id).first()
    later = []
    if Report.objects.filter(supersedes=report).exists():
        later = list(visible_reports(user, report.authority).filter(supersedes=report))
    return earlier, later


def consideration(report: Report) -> str:
    """'For consideration by': the committee and, when it is on an agenda, the meeting date."""
    items = list(report.agenda_items.all())
    if items:
        meeting = items[-1].meeting
        return f"{meeting.committee.name} on {meeting.date:%-d %B %Y}"
    return report.committee.name if report.committee else ""


# Complaints ------------------------------------------------------------------------------
