"""Committees, meetings, agenda items and reports with their cover sheets and sections."""

from __future__ import annotations

import datetime as dt
from typing import Any

from committees.authoring.page_ranges import MESSAGE as PAGE_RANGE_MESSAGE
from committees.authoring.page_ranges import typed_page_reference
from committees.authoring.text import blocks_to_text, text_to_html
from committees.models import (
    AgendaItem,
    BackgroundPaper,
    Committee,
    FinancialImplication,
    Meeting,
    Report,
    ReportSection,
    WorkProgrammeItem,
)
from committees.services.reports import freeze_section
from scrutiny.blocks import BLOCK_TYPES

from .base import date, moment, prune, render_blocks, upsert
from .councils import Council

COVER_FIELDS = (
    "ward",
    "director",
    "outcome_benefits",
    "recommendation",
    "summary",
    "financial_context",
    "other_financial_information",
    "cross_council_implications",
    "part2_reasons",
    "contact_name",
    "contact_service",
    "contact_telephone",
    "contact_email",
)
ITEM_FIELDS = (
    "kind",
    "public_title",
    "wards",
    "description",
    "is_urgent",
    "urgent_reason",
    "is_supplementary",
    "supplementary_reason",
)


def load_committees(*, council: Council, data: dict[str, Any]) -> None:
    """Committees first, then the reports to them, then meetings whose items carry reports."""
    for committee_data in data.get("committees", []):
        committee = upsert(
            Committee,
            keys={"authority": council.authority, "slug": committee_data["slug"]},
            values={
                "name": committee_data["name"],
                "remit": committee_data.get("remit", ""),
                "is_active": True,
            },
        )
        council.committees[committee.slug] = committee
        _load_work_programme(committee=committee, rows=committee_data.get("work_programme", []))
    for report_data in data.get("reports", []):
        council.reports[report_data["key"]] = load_report(council=council, data=report_data)
    for committee_data in data.get("committees", []):
        committee = council.committees[committee_data["slug"]]
        for meeting_data in committee_data.get("meetings", []):
            _load_meeting(council=council, committee=committee, data=meeting_data)


def _load_work_programme(*, committee: Committee, rows: list[dict[str, Any]]) -> None:
    """The committee's forward plan, each item planned for a month (the demo's meetings are
    all past)."""
    items = [
        upsert(
            WorkProgrammeItem,
            keys={"committee": committee, "title": row["title"]},
            values={
                "lead_officer": row["lead_officer"],
                "purpose": row["purpose"],
                "planned_month": date(f"{row['month']}-01"),
                "meeting": None,
                "agenda_item": None,
            },
        )
        for row in rows
    ]
    prune(committee.work_programme.all(), keep=items)


def _load_meeting(*, council: Council, committee: Committee, data: dict[str, Any]) -> None:
    for item in data.get("items", []):
        typed = typed_page_reference(item.get("description", ""))
        if typed:
            raise ValueError(
                f"{committee.authority.slug}: meeting of {data['date']}, item {item['number']}: "
                f"{PAGE_RANGE_MESSAGE} (the description types {typed!r})."
            )
    start_time = dt.time.fromisoformat(data["start_time"]) if data.get("start_time") else None
    meeting = upsert(
        Meeting,
        keys={"committee": committee, "date": date(data["date"]), "start_time": start_time},
        values={
            "venue": data.get("venue", ""),
            "status": data.get("status", Meeting.Status.HELD),
            "agenda_published_at": moment(data.get("agenda_published_at")),
            "notes": data.get("notes", ""),
        },
    )
    items = [
        upsert(
            AgendaItem,
            keys={"meeting": meeting, "number": item["number"]},
            values={
                "title": item["title"],
                "report": council.reports[item["report"]] if item.get("report") else None,
                **{name: item[name] for name in ITEM_FIELDS if name in item},
            },
        )
        for item in data.get("items", [])
    ]
    prune(meeting.items.all(), keep=items)


def load_report(*, council: Council, data: dict[str, Any]) -> Report:
    """A report's cover sheet, financial rows and background papers; its sections come later
    (``load_report_sections``), once the figures its data blocks show are loaded."""
    committee = council.committees.get(data["committee"]) if data.get("committee") else None
    report = upsert(
        Report,
        keys={"authority": council.authority, "title": data["title"]},
        values={
            "committee": committee,
            "kind": data["kind"],
            **{name: data.get(name, "") for name in COVER_FIELDS},
            "report_date": date(data.get("report_date")),
            "version": data.get("version", 1),
            "status": Report.Status.PUBLISHED,
            "published_at": moment(data["published_at"]),
            "is_exempt": False,
            "exempt_paragraph": None,
        },
    )
    rows = [
        upsert(
            FinancialImplication,
            keys={"report": report, "year": year},
            values={
                "cost": None,
                "funding_sufficient": None,
                "shortfall": "",
                "revenue_or_capital": "",
            },
        )
        # The seeds print the table with its three rows left blank.
        for year in ((1, 2, 3) if data.get("financial_table") else ())
    ]
    prune(report.financial_rows.all(), keep=rows)
    report.background_papers.all().delete()
    BackgroundPaper.objects.bulk_create(
        BackgroundPaper(
            report=report, order=order, title=p["title"], location=p.get("location", "")
        )
        for order, p in enumerate(data.get("background_papers", []), start=1)
    )
    return report


def load_report_sections(*, council: Council, data: dict[str, Any]) -> None:
    """Every report's sections, narrative or data block; a published report's blocks frozen.

    Runs after the council's figures: a data block's choice is looked up among the options
    its block type offers now, by label, since primary keys change on every load.
    """
    for report_data in data.get("reports", []):
        report = council.reports[report_data["key"]]
        sections = [
            _load_section(report=report, order=order, data=section)
            for order, section in enumerate(report_data.get("sections", []), start=1)
        ]
        prune(report.sections.all(), keep=sections)
        if report.status == Report.Status.PUBLISHED:
            for section in sections:
                if section.kind == ReportSection.Kind.DATA:
                    freeze_section(section, at=report.published_at)


def _load_section(*, report: Report, order: int, data: dict[str, Any]) -> ReportSection:
    heading = data.get("heading", "")
    if "block" in data:
        if data.get("blocks"):
            raise ValueError(
                f"{report.title!r}, section {heading!r}: a section is narrative or a data "
                "block, not both."
            )
        key = data["block"]["type"]
        choice = block_choice(
            report=report, heading=heading, key=key, wanted=data["block"]["choice"]
        )
        values = {"kind": ReportSection.Kind.DATA, "text": "", "body": ""}
        values |= {"block_type": key, "block_params": {"choice": choice}}
    else:
        blocks = data.get("blocks", [])
        text = blocks_to_text(blocks)
        # A table the product does not hold as figures cannot be typed: it keeps its HTML.
        body = text_to_html(text) if text or not blocks else render_blocks(blocks)
        values = {"kind": ReportSection.Kind.NARRATIVE, "text": text, "body": body}
        values |= {"block_type": "", "block_params": {}}
    return upsert(
        ReportSection,
        keys={"report": report, "order": order},
        values={"heading": heading, **values, "frozen_data": None, "frozen_at": None},
    )


def block_choice(*, report: Report, heading: str, key: str, wanted: str) -> str:
    """The value of the one option whose label is ``wanted`` (or whose value is, when the
    value is a date, slug, source or year rather than a primary key)."""
    where = f"{report.authority.slug}: report {report.title!r}, section {heading!r}"
    if key not in BLOCK_TYPES:
        raise ValueError(f"{where}: there is no kind of data block called {key!r}.")
    kind = BLOCK_TYPES[key]
    options = kind.choices(report.authority)
    matches = [value for value, label in options if label == str(wanted)]
    if not matches:
        matches = [
            value for value, label in options if value == str(wanted) and _natural(value, label)
        ]
    if len(matches) != 1:
        found = "several" if matches else "no"
        labels = "; ".join(label for _, label in options) or "none"
        raise ValueError(
            f"{where}: {found} {kind.label.lower()} {kind.choice_label.lower()} called "
            f"{wanted!r} (the council's are: {labels})."
        )
    return matches[0]


def _natural(value: str, label: str) -> bool:
    """A value that names its figures (a date, slug, source, or year '2014' for '2014/15')
    rather than a primary key, which changes from one load to the next."""
    return not value.isdigit() or label.startswith(f"{value}/")
