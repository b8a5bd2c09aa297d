"""A report's tables as open data: every table its page shows, as this reader sees it.

The tables come from ``report_body``, the selector the page itself reads, so a download holds
exactly the figures the reader's page shows: the public's with small numbers hidden (by the
rule that froze them), the council's own with every figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from committees.models import Report
from committees.selectors.reports import ReportBody, report_body
from scrutiny.opendata import Column, OpenTable, from_table

FINANCIAL_CAPTION = "Cost or saving by financial year"
# As the page's table heads them (templates/scrutiny/_report_body.html).
FINANCIAL_LABELS = [
    "Year",
    "How much will it Cost/(Save)",
    "Is there sufficient funding – if not quantify the Shortfall",
    "Revenue or Capital?",
]


def _leading(report: Report, *, period: str, as_at: str, source: str):
    council = report.authority.name
    return [
        (Column("council", "Council", meaning="The council whose figures these are"), council),
        (
            Column("report", "Report", meaning="The report the table is published in"),
            f"{report.title} (version {report.version})",
        ),
        (
            Column(
                "figures_for",
                "Figures for",
                meaning="The period, date or subject the section's figures are for, as the "
                "page says it",
            ),
            period,
        ),
        (
            Column(
                "figures_as_at",
                "Figures as at",
                meaning="The day the figures were frozen, when the report was published; blank "
                "for a draft, whose figures are as they stand today",
            ),
            as_at,
        ),
        (Column("source", "Source", meaning="Where the figures come from"), source),
    ]


def _source(report: Report, section_heading: str) -> str:
    return f"{report.authority.name}: {report.title}, section “{section_heading}”"


@dataclass(frozen=True)
class ShownTable:
    """One table of a report's page, numbered in page order from 1, as the page holds it."""

    number: int
    caption: str
    section: str
    source: str
    period: str
    as_at: str
    labels: list[str]
    numeric: list[bool]
    rows: list[list[str]]


def shown_tables(report: Report, body: ReportBody) -> list[ShownTable]:
    """Every table the page of ``body`` shows, in page order: each data block's charts'
    figures and its tables, then the financial implications."""
    found = []
    for section in body.sections:
        block = section.block
        if block is None or section.withheld:
            continue
        heading = section.heading or "Section"
        as_at = section.figures_as_at.date().isoformat() if section.figures_as_at else ""
        common = (heading, _source(report, heading), block.subject, as_at)
        for chart in block.charts:
            if chart.table is not None:
                headers = list(chart.table.headers)
                numeric = [False] + [True] * (len(headers) - 1)
                caption = f"{chart.caption}: the chart’s figures"
                found.append((caption, *common, headers, numeric, chart.table.rows))
        for table in block.tables:
            labels = [column["label"] for column in table.columns]
            numeric = [bool(column.get("numeric")) for column in table.columns]
            rows = [[cell for cell, _ in row] for row in table.rows]
            found.append((table.caption, *common, labels, numeric, rows))
    heading = "Financial implications of the recommendation"
    rows = [[r.label, r.cost, r.funding, r.revenue_or_capital] for r in body.financial_rows]
    found.append(
        (
            FINANCIAL_CAPTION,
            heading,
            _source(report, heading),
            "",
            "",
            FINANCIAL_LABELS,
            [False, True, False, False],
            rows,
        )
    )
    return [ShownTable(number, *parts) for number, parts in enumerate(found, start=1)]


def report_table(report: Report, shown: ShownTable) -> OpenTable:
    """One of the page's tables as open data."""
    return from_table(
        title=shown.caption,
        filename=f"{report.authority.slug}-report-{report.pk}-table-{shown.number}",
        leading=_leading(report, period=shown.period, as_at=shown.as_at, source=shown.source),
        labels=shown.labels,
        numeric=shown.numeric,
        rows=shown.rows,
        source=shown.source,
        about={
            "council": report.authority.name,
            "report": report.title,
            "report_version": report.version,
            "section": shown.section,
            "table": shown.number,
        },
    )


def report_tables(report: Report, *, reader) -> list[ShownTable]:
    """Every table the reader's page of ``report`` shows (``report_table`` makes each data)."""
    return shown_tables(report, report_body(report, reader=reader))
