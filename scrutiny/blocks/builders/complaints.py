"""Blocks about what the public tells the service: complaints, their themes, compliments and
contacts."""

from __future__ import annotations

from collections.abc import Callable

from scrutiny.models import (
    Authority,
    ComplaintCount,
    ComplaintTheme,
    Compliment,
    ContactVolume,
    Period,
)
from scrutiny.selectors import assurance
from scrutiny.tables.assurance import ComplaintThemeTable, ComplimentTable

from ..content import BlockContent, simple_table, table_data
from ..kinds import financial_years, of_council, periods_of
from ..registry import BlockType


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
    headers = [("Team", False), *((h, True) for h in pivot.headers), ("Total", True)]
    rows = [[r.team, *r.cells, r.total] for r in pivot.rows]
    rows.append(["Total", *pivot.totals, pivot.total])
    tables = [simple_table(f"Complaints received in {pivot.year.label}", headers, rows)]
    comparison = assurance.complaint_comparison(authority, year)
    if comparison.rows:
        before, now = comparison.previous_year.label, comparison.year.label
        rows = [
            [
                r.team,
                r.previous,
                "" if r.previous_percent is None else f"{r.previous_percent}%",
                r.current,
                "" if r.current_percent is None else f"{r.current_percent}%",
            ]
            for r in comparison.rows
        ]
        rows.append(["Total", comparison.previous_total, "", comparison.current_total, ""])
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
    ),
    BlockType(
        "complaint-themes",
        "Complaint themes",
        "Themes arising from complaints and the action taken.",
        "Financial year",
        _years_of(ComplaintTheme),
        _complaint_themes,
        sources=(of_council(ComplaintTheme),),
    ),
    BlockType(
        "compliments",
        "Compliments",
        "Compliments received by each team.",
        "Financial year",
        _years_of(Compliment),
        _compliments,
        sources=(of_council(Compliment),),
    ),
    BlockType(
        "contacts",
        "Contact volumes",
        "Contacts by channel with their share of the total.",
        "Period",
        _contact_choices,
        _contacts,
        sources=(of_council(ContactVolume),),
    ),
)
