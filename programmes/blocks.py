"""The block about an improvement programme's progress."""

from __future__ import annotations

import datetime as dt

from django.utils.html import escape, format_html, format_html_join

from scrutiny.blocks.content import BlockContent, simple_table, table_data
from scrutiny.blocks.kinds import of_council
from scrutiny.blocks.registry import BlockType
from scrutiny.models import Authority

from .models import Programme
from .selectors import points, programme_logs
from .tables import MilestoneTable, ProgressMetricTable


def _programme_choices(authority: Authority) -> list[tuple[str, str]]:
    return [(p.slug, p.name) for p in Programme.objects.filter(authority=authority)]


def _bullets(text: str) -> str:
    items = points(text)
    if not items:
        return ""
    return str(format_html_join("", "<li>{}</li>", ((p,) for p in items)).join(["<ul>", "</ul>"]))


def _programme(
    authority: Authority, choice: str, *, public: bool, as_at: dt.date | None
) -> BlockContent:
    """The latest quarter's update begun by ``as_at``, the plan's milestones, the measures."""
    programme = Programme.objects.get(authority=authority, slug=choice)
    logs = programme_logs(programme)
    content = BlockContent(subject=programme.name)
    updates = [(period, blocks) for period, blocks in logs.updates if period.begun_by(as_at)]
    if updates:
        period, blocks = updates[0]
        headers = [
            ("Project", False),
            ("RAG", False),
            ("What have we done?", False),
            ("What is the impact?", False),
            ("Going forward", False),
        ]
        table = simple_table(f"Progress, {period.label}", headers, [])
        for block in blocks:
            u = block.update
            rag = u.get_rag_display() if u.rag else "Not rated"
            table.rows.append(
                [
                    escape(block.heading),
                    str(
                        format_html(
                            '<strong class="govuk-tag govuk-tag--{}">{}</strong>',
                            block.rag_colour,
                            rag,
                        )
                    ),
                    _bullets(u.done),
                    _bullets(u.impact),
                    _bullets(u.going_forward),
                ]
            )
        content.tables.append(table)
        content.subject = f"{programme.name}, {period.label}"
    for label, milestones in logs.milestones:
        content.tables.append(table_data(MilestoneTable(milestones, orderable=False), label))
    measured = [m for m in logs.metrics if m.period is None or m.period.begun_by(as_at)]
    if measured:
        metrics = ProgressMetricTable(measured, orderable=False)
        content.tables.append(table_data(metrics, "Progress measures"))
    return content


PROGRESS_KINDS = (
    BlockType(
        "programme-progress",
        "Programme progress",
        "Per project: RAG, what we have done, the impact, going forward; milestones; measures.",
        "Programme",
        _programme_choices,
        _programme,
        sources=(of_council(Programme),),
        history=True,
    ),
)
