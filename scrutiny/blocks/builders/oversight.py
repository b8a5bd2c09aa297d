"""Blocks about the service's inspections and audits."""

from __future__ import annotations

from scrutiny.models import Audit, Authority, Inspection
from scrutiny.tables.assurance import AuditActionTable, AuditFindingTable, InspectionJudgementTable

from ..content import BlockContent, table_data
from ..kinds import long_date, of_council
from ..registry import BlockType


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
