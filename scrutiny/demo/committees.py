"""Committees, meetings, agenda items and reports with their cover sheets and sections."""

from __future__ import annotations

import datetime as dt
from typing import Any

from scrutiny.models import (
    AgendaItem,
    BackgroundPaper,
    Committee,
    FinancialImplication,
    Meeting,
    Report,
    ReportSection,
)

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
    for report_data in data.get("reports", []):
        council.reports[report_data["key"]] = load_report(council=council, data=report_data)
    for committee_data in data.get("committees", []):
        committee = council.committees[committee_data["slug"]]
        for meeting_data in committee_data.get("meetings", []):
            _load_meeting(council=council, committee=committee, data=meeting_data)


def _load_meeting(*, council: Council, committee: Committee, data: dict[str, Any]) -> None:
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
    """A report's cover sheet, financial rows, background papers and narrative sections."""
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
    sections = [
        upsert(
            ReportSection,
            keys={"report": report, "order": order},
            values={
                "heading": section.get("heading", ""),
                "kind": ReportSection.Kind.NARRATIVE,
                "body": render_blocks(section.get("blocks", [])),
                "block_type": "",
                "block_params": {},
                "frozen_data": None,
                "frozen_at": None,
            },
        )
        for order, section in enumerate(data.get("sections", []), start=1)
    ]
    prune(report.sections.all(), keep=sections)
    return report
