"""Scorecards as open data: CSV and JSON, one row per indicator and period.

The shape is the one a council would publish: the figure with its counts, basis and source,
its target and RAG rating, and England's, the region's and the statistical neighbours'
figures beside it, each with the period it is for (the latest published may be earlier).
Figures are decimal strings exactly as the page prints them; a hidden small number is "c"
(as DfE releases print it) and a missing one is blank in CSV and null in JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal

from django.http import HttpResponse

from scrutiny.formatting import figure
from scrutiny.opendata import write_csv
from scrutiny.suppression import CONFIDENTIAL, Cell

from .models import ComparatorValue, Indicator, Target
from .rag import rag_against
from .selectors import Figures, NeighboursAverage, ScorecardRow, rounded

COLUMNS = [
    "council",
    "period",
    "indicator_code",
    "indicator_name",
    "area",
    "unit",
    "value",
    "numerator",
    "denominator",
    "figure_is",
    "printed_note",
    "basis",
    "source",
    "illustrative",
    "target",
    "rag",
    "england",
    "england_period",
    "region",
    "region_period",
    "neighbours",
    "neighbours_period",
    "neighbours_are",
]
FORMATS = ("csv", "json")


def _figure(value: Decimal | None, indicator: Indicator) -> str | None:
    return None if value is None else f"{rounded(value, indicator.decimals):f}"


def _cell(cell: Cell, text) -> str | None:
    if cell.suppressed:
        return CONFIDENTIAL
    return None if cell.value is None else text(cell.value)


def open_data_row(
    *,
    council: str,
    figures: Figures,
    target: Target | None,
    england: ComparatorValue | None,
    neighbours: ComparatorValue | NeighboursAverage | None,
    region: ComparatorValue | None = None,
) -> dict[str, str | None]:
    """One indicator's figure for one period, as published; hidden figures as "c"."""
    record = figures.record
    indicator = record.indicator
    if figures.suppressed:
        rag = CONFIDENTIAL
    else:
        rag = rag_against(figures.value, target, indicator).label
    return {
        "council": council,
        "period": record.period.label,
        "indicator_code": indicator.code,
        "indicator_name": indicator.name,
        "area": indicator.get_area_display(),
        "unit": indicator.get_unit_display(),
        "value": _cell(figures.shown, lambda v: _figure(v, indicator)),
        "numerator": _cell(figures.numerator, figure),
        "denominator": _cell(figures.denominator, figure),
        "figure_is": "Computed from counts" if record.computed_value is not None else "As reported",
        "printed_note": figures.printed_note or None,
        "basis": record.basis or indicator.basis,
        "source": record.source or indicator.source,
        "illustrative": "yes" if record.is_illustrative else "no",
        "target": None if target is None else _figure(target.value, indicator),
        "rag": rag,
        "england": None if england is None else _figure(england.value, indicator),
        "england_period": _period_of(england, record),
        "region": None if region is None else _figure(region.value, indicator),
        "region_period": _period_of(region, record),
        "neighbours": None if neighbours is None else _figure(neighbours.value, indicator),
        "neighbours_period": _period_of(neighbours, record),
        "neighbours_are": _neighbours_are(neighbours),
    }


def _period_of(comparator, record) -> str | None:
    """The period a comparator is for, which may be an earlier one than the figure's (the
    latest published: ``selectors.comparator_for``); a mean worked out here is the figure's."""
    if comparator is None:
        return None
    period = getattr(comparator, "period", None)
    return (period or record.period).label


def _neighbours_are(neighbours: ComparatorValue | NeighboursAverage | None) -> str | None:
    """What the neighbours' figure is: the published average, or a mean worked out here."""
    if neighbours is None:
        return None
    if isinstance(neighbours, NeighboursAverage):
        return neighbours.kind
    return "published average"


def scorecard_rows(council: str, rows: Iterable[ScorecardRow]) -> list[dict]:
    """The council scorecard's table as open-data rows."""
    return [
        open_data_row(
            council=council,
            figures=row.current,
            target=row.target,
            england=row.england,
            region=row.region,
            neighbours=row.neighbours_average,
        )
        for row in rows
    ]


def as_csv(rows: list[dict]) -> str:
    """The scorecard's rows as the open-data CSV every download writes."""
    return write_csv(COLUMNS, rows)


def as_json(rows: list[dict], **about) -> str:
    return json.dumps({**about, "columns": COLUMNS, "rows": rows}, ensure_ascii=False, indent=2)


def download(rows: list[dict], fmt: str, filename: str, **about) -> HttpResponse:
    """The rows as an attachment named ``filename`` plus the format's extension."""
    if fmt == "csv":
        response = HttpResponse(as_csv(rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            as_json(rows, **about), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    # Who may see which figures decides the content: never share it between readers.
    response["Cache-Control"] = "private, no-store"
    response["Vary"] = "Cookie"
    return response
