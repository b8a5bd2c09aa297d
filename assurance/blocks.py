"""Quality assurance's kinds of data block, registered from ``AssuranceConfig.ready()``: what
the public tells the service (complaints, their themes, compliments and contacts), and its
inspections and audits."""

from __future__ import annotations

from collections.abc import Callable

from scrutiny.blocks.content import BlockContent, simple_table, table_data
from scrutiny.blocks.kinds import (
    financial_years,
    long_date,
    of_council,
    period_span,
    periods_of,
    year_span,
)
from scrutiny.blocks.registry import BlockType
from scrutiny.models import Authority, Period

from . import selectors as assurance
from .models import Audit, ComplaintCount, ComplaintTheme, Compliment, ContactVolume, Inspection
from .public import ALL, CONFIDENTIAL, hidden_complaint_counts, now_key, shown
from .tables import (
    AuditActionTable,
    AuditFindingTable,
    ComplaintThemeTable,
    ComplimentTable,
    InspectionJudgementTable,
)


def _year_choices(authority: Authority) -> list[tuple[str, str]]:
    return financial_years(assurance.complaint_years(authority))


def _years_of(model) -> Callable[[Authority], list[tuple[str, str]]]:
    def choices(authority: Authority) -> list[tuple[str, str]]:
        rows = model.objects.filter(authority=authority)
        return financial_years(rows.values_list("period__start_year", flat=True))

    return choices


def _complaints(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    year = int(choice)
    pivot = assurance.complaint_pivot(authority, year)
    comparison = assurance.complaint_comparison(authority, year)
    hidden = hidden_complaint_counts(pivot, comparison) if public else set()
    headers = [("Team", False), *((h, True) for h in pivot.headers), ("Total", True)]
    rows = [
        [
            r.team,
            *(shown(c, ("now", r.team, str(i)), hidden) for i, c in enumerate(r.cells)),
            shown(r.total, ("now", r.team, "total"), hidden),
        ]
        for r in pivot.rows
    ]
    rows.append(
        [
            "Total",
            *(shown(c, ("now", ALL, str(i)), hidden) for i, c in enumerate(pivot.totals)),
            shown(pivot.total, ("now", ALL, "total"), hidden),
        ]
    )
    tables = [simple_table(f"Complaints received in {pivot.year.label}", headers, rows)]
    if comparison.rows:
        before, now = comparison.previous_year.label, comparison.year.label

        def share(percent, key, total_key):
            # A share beside a hidden count, or of a hidden total, would give either away.
            if percent is None:
                return ""
            if key in hidden or total_key in hidden:
                return CONFIDENTIAL
            return f"{percent}%"

        rows = []
        all_now = now_key(ALL, comparison.current_total, pivot)
        for r in comparison.rows:
            then_key, this_key = ("before", r.team), now_key(r.team, r.current, pivot)
            rows.append(
                [
                    r.team,
                    shown(r.previous, then_key, hidden),
                    share(r.previous_percent, then_key, ("before", ALL)),
                    shown(r.current, this_key, hidden),
                    share(r.current_percent, this_key, all_now),
                ]
            )
        rows.append(
            [
                "Total",
                shown(comparison.previous_total, ("before", ALL), hidden),
                "",
                shown(comparison.current_total, all_now, hidden),
                "",
            ]
        )
        headers = [
            ("Team", False),
            (before, True),
            (f"% of {before}", True),
            (now, True),
            (f"% of {now}", True),
        ]
        tables.append(simple_table(f"Complaints by team, {before} and {now}", headers, rows))
    return BlockContent(subject=pivot.year.label, tables=tables)


def _complaint_themes(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    year = int(choice)
    table = ComplaintThemeTable(assurance.complaint_themes(authority, year), orderable=False)
    label = f"{year}/{(year + 1) % 100:02d}"
    return BlockContent(subject=label, tables=[table_data(table, f"Complaint themes, {label}")])


def _compliments(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    year = int(choice)
    table = ComplimentTable(assurance.compliments(authority, year), orderable=False)
    label = f"{year}/{(year + 1) % 100:02d}"
    return BlockContent(subject=label, tables=[table_data(table, f"Compliments, {label}")])


def _contact_choices(authority: Authority) -> list[tuple[str, str]]:
    return periods_of(ContactVolume.objects.filter(authority=authority))


def _contacts(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    tables = []
    for block in assurance.contact_blocks(authority):
        if str(block.period.pk) != choice:
            continue
        rows = [[label, count, "" if p is None else f"{p}%"] for label, count, p in block.volumes]
        rows.append(["Total", block.total, ""])
        caption = f"Contacts by channel, {block.period.label}"
        if block.team:
            caption += f" ({block.team})"
        headers = [("Channel", False), (block.measure or "Number", True), ("Share", True)]
        tables.append(simple_table(caption, headers, rows))
    return BlockContent(subject=Period.objects.get(pk=int(choice)).label, tables=tables)


COMPLAINT_KINDS = (
    BlockType(
        "complaints",
        "Complaints by team and stage",
        "Complaints received by team and stage, and by team year on year.",
        "Financial year",
        _year_choices,
        _complaints,
        sources=(of_council(ComplaintCount),),
        span=year_span,
    ),
    BlockType(
        "complaint-themes",
        "Complaint themes",
        "Themes arising from complaints and the action taken.",
        "Financial year",
        _years_of(ComplaintTheme),
        _complaint_themes,
        sources=(of_council(ComplaintTheme),),
        span=year_span,
    ),
    BlockType(
        "compliments",
        "Compliments",
        "Compliments received by each team.",
        "Financial year",
        _years_of(Compliment),
        _compliments,
        sources=(of_council(Compliment),),
        span=year_span,
    ),
    BlockType(
        "contacts",
        "Contact volumes",
        "Contacts by channel with their share of the total.",
        "Period",
        _contact_choices,
        _contacts,
        sources=(of_council(ContactVolume),),
        span=period_span,
    ),
)


def _inspection_choices(authority: Authority) -> list[tuple[str, str]]:
    rows = Inspection.objects.filter(authority=authority).order_by("-start_date")
    return [(str(i.pk), f"{i.service_inspected} ({long_date(i.start_date)})") for i in rows]


def _inspection(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    inspection = Inspection.objects.get(authority=authority, pk=int(choice))
    table = InspectionJudgementTable(inspection.judgements.order_by("order"), orderable=False)
    caption = f"{inspection.inspectorate}: {inspection.service_inspected}"
    return BlockContent(subject=caption, tables=[table_data(table, caption)])


def _audit_choices(authority: Authority) -> list[tuple[str, str]]:
    rows = Audit.objects.filter(authority=authority).order_by("-completed_on", "title")
    return [(str(a.pk), a.title) for a in rows]


def _audit(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    audit = Audit.objects.get(authority=authority, pk=int(choice))
    content = BlockContent(subject=audit.title)
    if audit.cases_audited is not None:
        content.notes.append(f"{audit.cases_audited} cases audited.")
    findings = AuditFindingTable(audit.findings.order_by("order"), orderable=False)
    actions = AuditActionTable(audit.actions.order_by("order"), orderable=False)
    content.tables += [
        table_data(findings, "What the audit found", row_headers=False),
        table_data(actions, "Actions", row_headers=False),
    ]
    return content


OVERSIGHT_KINDS = (
    BlockType(
        "inspection",
        "Inspection grades",
        "The grade given for each judgement of an inspection.",
        "Inspection",
        _inspection_choices,
        _inspection,
        sources=(of_council(Inspection),),
    ),
    BlockType(
        "audit",
        "Audit findings",
        "What an audit found and the actions agreed.",
        "Audit",
        _audit_choices,
        _audit,
        sources=(of_council(Audit),),
    ),
)
