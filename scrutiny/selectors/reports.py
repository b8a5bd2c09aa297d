"""A report as it reads on the page: cover sheet, sections, financial table, versions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Prefetch
from django.http import Http404

from ..blocks import BlockChoiceError, ShownBlock, build_block, show_block
from ..models import (
    AgendaItem,
    Authority,
    Report,
)
from ..permissions import can_see_exempt_sections, can_view_data
from ..sanitize import sanitize_html
from .committees import visible_reports


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
    from ..models import FinancialImplication

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
class SectionView:
    """A report section ready to show: cleaned narrative, a data block, or an exempt notice."""

    heading: str
    kind: str
    body: str = ""
    block: ShownBlock | None = None
    block_error: str = ""
    figures_as_at: dt.datetime | None = None
    exempt_paragraph: int | None = None
    withheld: bool = False


def report_for(user, authority: Authority, pk: int) -> Report:
    """The report with everything its page shows, or 404 if the reader may not open it.

    A report the reader may not see is a 404, never a 403, so its existence does not leak.
    """
    report = (
        visible_reports(user, authority)
        .select_related("supersedes")
        .prefetch_related(
            "financial_rows",
            "background_papers",
            "sections",
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("meeting__committee").order_by(
                    "meeting__date"
                ),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404("No such report.")
    return report


FROZEN_BLOCK_SECONDS = 3600


def _frozen_block(section, *, public: bool, authority_slug: str) -> ShownBlock:
    """A frozen block as shown. Its figures never change once frozen, so the cleaned cells
    and drawn charts are kept in the cache, keyed by the section, when it was frozen and the
    reader's variant; an hour's limit bounds how long a removed chart file could be named."""
    variant = "public" if public else "members"
    key = f"frozen-block:{section.pk}:{section.frozen_at.isoformat()}:{variant}"
    shown = cache.get(key)
    if shown is None:
        shown = show_block(
            section.frozen_data[variant], public=public, authority_slug=authority_slug
        )
        cache.set(key, shown, FROZEN_BLOCK_SECONDS)
    return shown


def report_sections(report: Report, *, reader) -> list[SectionView]:
    """The sections in order as this reader may see them.

    Narrative is cleaned now (the stored HTML is never trusted). A published report's data
    blocks show their frozen figures; a draft's are built from today's. The public sees the
    figures with small counts hidden; the council's own readers see them all. An exempt
    appendix reaches only those entitled to Part 2 material, and others read that it is
    exempt, under which paragraph, and nothing of it.
    """
    sections = sorted(report.sections.all(), key=lambda s: s.order)
    public = not can_view_data(reader, report.authority)
    exempt_visible = None
    views = []
    for section in sections:
        view = SectionView(section.heading, section.kind)
        if section.is_exempt:
            if exempt_visible is None:
                exempt_visible = can_see_exempt_sections(reader, report)
            view.exempt_paragraph = section.exempt_paragraph
            if not exempt_visible:
                view.heading = "Exempt appendix"
                view.withheld = True
                views.append(view)
                continue
        if section.kind == section.Kind.NARRATIVE:
            view.body = sanitize_html(section.body)
        elif section.frozen_data:
            view.block = _frozen_block(section, public=public, authority_slug=report.authority.slug)
            view.figures_as_at = section.frozen_at
        else:
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
        views.append(view)
    return views


def report_versions(user, report: Report) -> tuple[Report | None, list[Report]]:
    """The earlier version this report replaces and later ones replacing it, if visible."""
    earlier = None
    if report.supersedes_id:
        earlier = visible_reports(user, report.authority).filter(pk=report.supersedes_id).first()
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
