"""A block's JSON made ready for a page or a PDF: cells cleaned, charts drawn (once)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrutiny.charts import (
    DataTable,
    PrivateChartFolder,
    cached_chart,
    data_table,
    spec_from_dict,
)

from ..sanitize import sanitize_cell_html


@dataclass
class ShownTable:
    caption: str
    columns: list[dict[str, Any]]
    rows: list[list[tuple[str, bool]]]  # (cell HTML, is the column numeric)
    row_headers: bool
    empty: str


@dataclass
class ShownChart:
    caption: str
    url: str
    path: Path
    alt: str
    table: DataTable | None


@dataclass
class ShownBlock:
    subject: str
    tables: list[ShownTable] = field(default_factory=list)
    charts: list[ShownChart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _draw(spec, *, public: bool, authority_slug: str):
    """Public charts go to the public folder; a member's may hold small counts (see
    scorecards.views.ReaderMixin.draw) and go to the council's private folder."""
    if public:
        return cached_chart(spec, "svg")
    folder = PrivateChartFolder.of(authority_slug)
    return cached_chart(spec, "svg", root=folder.root, url_prefix=folder.url_prefix)


def show_block(data: dict[str, Any], *, public: bool, authority_slug: str) -> ShownBlock:
    """The block as it is shown: every cell cleaned again, each chart's file drawn if new."""
    shown = ShownBlock(subject=data.get("subject", ""), notes=list(data.get("notes", [])))
    for table in data.get("tables", []):
        numeric = [bool(c.get("numeric")) for c in table.get("columns", [])]
        shown.tables.append(
            ShownTable(
                caption=table.get("caption", ""),
                columns=table.get("columns", []),
                rows=[
                    [(sanitize_cell_html(c), n) for c, n in zip(row, numeric, strict=False)]
                    for row in table.get("rows", [])
                ],
                row_headers=table.get("row_headers", True),
                empty=table.get("empty", "None recorded."),
            )
        )
    for chart in data.get("charts", []):
        spec = spec_from_dict(chart["spec"])
        drawn = _draw(spec, public=public, authority_slug=authority_slug)
        shown.charts.append(
            ShownChart(
                caption=chart.get("caption", spec.title),
                url=drawn.url,
                path=drawn.path,
                alt=drawn.alt,
                table=data_table(spec) if chart.get("with_table", True) else None,
            )
        )
    return shown
