"""What a data block holds once built: tables, charts and their captions, as plain JSON.

A block is built from the stored figures while a report is a draft, and the same JSON is
kept on the section when the report is published (frozen), so the published report shows
the figures as they were. Cells hold the HTML the live tables render (a RAG tag, a figure
with last year's in brackets); it is cleaned again whenever it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.html import conditional_escape
from django_tables2 import Table

FORMAT_VERSION = 1


@dataclass
class TableData:
    """One table of a block: caption, column headings, rows of cell HTML."""

    caption: str
    columns: list[dict[str, Any]]  # {"label": str, "numeric": bool}
    rows: list[list[str]]
    row_headers: bool = True
    empty: str = "None recorded."

    def as_dict(self) -> dict[str, Any]:
        return {
            "caption": self.caption,
            "columns": self.columns,
            "rows": self.rows,
            "row_headers": self.row_headers,
            "empty": self.empty,
        }


@dataclass
class ChartData:
    """A chart's spec (scrutiny.charts) with its caption; drawn when the block is shown."""

    spec: dict[str, Any]
    caption: str
    with_table: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {"spec": self.spec, "caption": self.caption, "with_table": self.with_table}


@dataclass
class BlockContent:
    """Everything one data block shows, and what period or date its figures are for."""

    subject: str
    tables: list[TableData] = field(default_factory=list)
    charts: list[ChartData] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "subject": self.subject,
            "tables": [t.as_dict() for t in self.tables],
            "charts": [c.as_dict() for c in self.charts],
            "notes": list(self.notes),
        }


def _is_numeric(column) -> bool:
    return "numeric" in (column.attrs.get("td", {}).get("class") or "")


def table_data(table: Table, caption: str = "", *, row_headers: bool = True) -> TableData:
    """A django-tables2 table as it renders, every row, as plain data."""
    columns = [{"label": str(c.header), "numeric": _is_numeric(c)} for c in table.columns]
    rows = [[str(conditional_escape(cell)) for _, cell in row.items()] for row in table.rows]
    return TableData(
        caption=caption or getattr(table, "caption", "") or "",
        columns=columns,
        rows=rows,
        row_headers=row_headers,
        empty=str(table.empty_text or "None recorded."),
    )


def simple_table(
    caption: str,
    headers: list[tuple[str, bool]],
    rows: list[list[Any]],
    *,
    row_headers: bool = True,
    empty: str = "None recorded.",
) -> TableData:
    """A table from headings (label, numeric) and rows of values; values are escaped."""
    return TableData(
        caption=caption,
        columns=[{"label": label, "numeric": numeric} for label, numeric in headers],
        rows=[["" if v is None else str(conditional_escape(v)) for v in row] for row in rows],
        row_headers=row_headers,
        empty=empty,
    )
