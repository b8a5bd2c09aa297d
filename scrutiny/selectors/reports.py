"""A report as it reads on the page: cover sheet, sections, financial table, versions."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.http import Http404

from ..models import (
    AgendaItem,
    Authority,
    Report,
)
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
class DataTable:
    """A frozen data block laid out as a table."""

    caption: str
    columns: list[str]
    rows: list[list]


def frozen_table(data, heading: str = "") -> DataTable | None:
    """Lay out a data block's frozen figures: ``{"columns", "rows"}`` or a list of records."""
    if not data:
        return None
    caption = heading
    if isinstance(data, dict):
        caption = data.get("caption") or heading
        columns = list(data.get("columns") or [])
        rows = data.get("rows") or []
    else:
        columns, rows = [], data
    if rows and isinstance(rows[0], dict):
        if not columns:
            columns = list(rows[0].keys())
        rows = [[row.get(c, "") for c in columns] for row in rows]
    rows = [list(r) if isinstance(r, list | tuple) else [r] for r in rows]
    cells = [["" if v is None else v for v in row] for row in rows]
    return DataTable(caption, [str(c) for c in columns], cells)


@dataclass
class SectionView:
    """A report section ready to show: cleaned narrative or a frozen table."""

    heading: str
    kind: str
    body: str = ""
    table: DataTable | None = None


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


def report_sections(report: Report) -> list[SectionView]:
    """The sections in order, narrative sanitised now (the stored HTML is never trusted)."""
    views = []
    for section in sorted(report.sections.all(), key=lambda s: s.order):
        if section.kind == section.Kind.NARRATIVE:
            views.append(SectionView(section.heading, section.kind, sanitize_html(section.body)))
        else:
            table = frozen_table(section.frozen_data, section.heading)
            views.append(SectionView(section.heading, section.kind, table=table))
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
