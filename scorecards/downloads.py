"""Scorecards as open data: CSV, JSON and a data dictionary, one row per indicator and period.

The shape is the one a council would publish: the figure with its counts, basis and source,
its target and RAG rating, and England's, the region's and the statistical neighbours'
figures beside it, each with the period it is for (the latest published may be earlier).
Figures are numbers, so a spreadsheet or pandas reads them as such; a figure not shown is
blank (null in JSON) with its symbol in the column beside it, ``<column>_status``: "c" for a
hidden small number, as DfE releases print it (``scrutiny.opendata``, the rule every
download follows).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.http import HttpResponse

from scrutiny import opendata
from scrutiny.opendata import NUMBER, Column, OpenTable, figure_cells, figure_columns
from scrutiny.suppression import CONFIDENTIAL, Cell

from .models import ComparatorValue, Indicator, Target
from .rag import rag_against
from .selectors import Figures, NeighboursAverage, ScorecardRow, rounded

SOURCE = "The council's returns, as published on its scorecard"
IN_UNIT = "as the row's unit says"
DOWNLOAD_COLUMNS: list[Column] = [
    Column("council", "Council", meaning="The council the figures are for"),
    Column("period", "Period", meaning="The period the figure is for"),
    Column("indicator_code", "Indicator code", meaning="The indicator's short code"),
    Column("indicator_name", "Indicator", meaning="The indicator's name"),
    Column("area", "Area", meaning="The area of children's services the indicator is in"),
    Column("unit", "Unit", meaning="What the figure counts: a percentage, a count, ..."),
    *figure_columns(
        "value",
        "Figure",
        unit=IN_UNIT,
        meaning="The figure, rounded to the indicator's decimal places",
        source=SOURCE,
    ),
    *figure_columns(
        "numerator",
        "Numerator",
        unit="count",
        meaning="The count the figure is worked out from (the top of the fraction)",
        source=SOURCE,
    ),
    *figure_columns(
        "denominator",
        "Denominator",
        unit="count",
        meaning="The count it is a proportion of (the bottom of the fraction)",
        source=SOURCE,
    ),
    Column(
        "figure_is",
        "Figure is",
        meaning="Computed from counts, or as reported by the service",
    ),
    Column("printed_note", "Note", meaning="The note the report printed beside the figure"),
    Column("basis", "Basis", meaning="How the figure is defined"),
    Column("source", "Source", meaning="Where the figure comes from"),
    Column("illustrative", "Illustrative", meaning="yes: an illustrative figure, not a real one"),
    Column("target", "Target", NUMBER, IN_UNIT, "The council's target for the period", SOURCE),
    Column("rag", "RAG rating", meaning="Red, Amber or Green against the target; c if hidden"),
    Column("england", "England", NUMBER, IN_UNIT, "England's figure", "Department for Education"),
    Column("england_period", "England's period", meaning="The period England's figure is for"),
    Column("region", "Region", NUMBER, IN_UNIT, "The region's figure", "Department for Education"),
    Column("region_period", "Region's period", meaning="The period the region's figure is for"),
    Column(
        "neighbours",
        "Statistical neighbours",
        NUMBER,
        IN_UNIT,
        "The statistical neighbours' figure",
        "Department for Education, or worked out here from the neighbours' figures",
    ),
    Column(
        "neighbours_period",
        "Neighbours' period",
        meaning="The period the neighbours' figure is for",
    ),
    Column(
        "neighbours_are",
        "Neighbours' figure is",
        meaning="The published average, or a mean worked out here",
    ),
]
COLUMNS = [column.name for column in DOWNLOAD_COLUMNS]
FORMATS = opendata.FORMATS


def _figure(value: Decimal | None, indicator: Indicator) -> Decimal | None:
    return None if value is None else rounded(value, indicator.decimals)


def _count(value) -> Decimal | None:
    return None if value is None else Decimal(value).normalize()


def _cells(name: str, cell: Cell, number) -> dict[str, Any]:
    """A figure's number and status: blank and "c" when the reader may not see it."""
    if cell.suppressed:
        return figure_cells(name, None, CONFIDENTIAL)
    return figure_cells(name, None if cell.value is None else number(cell.value))


def open_data_row(
    *,
    council: str,
    figures: Figures,
    target: Target | None,
    england: ComparatorValue | None,
    neighbours: ComparatorValue | NeighboursAverage | None,
    region: ComparatorValue | None = None,
) -> dict[str, Any]:
    """One indicator's figure for one period, as published; a hidden figure blank with "c"."""
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
        **_cells("value", figures.shown, lambda v: _figure(v, indicator)),
        **_cells("numerator", figures.numerator, _count),
        **_cells("denominator", figures.denominator, _count),
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


def open_table(rows: list[dict], filename: str, title: str = "", **about) -> OpenTable:
    """The rows as an open-data table, described column by column."""
    return OpenTable(title or filename, filename, DOWNLOAD_COLUMNS, rows, about)


def as_csv(rows: list[dict]) -> str:
    """The scorecard's rows as the open-data CSV every download writes."""
    return open_table(rows, "scorecard").as_csv()


def download(rows: list[dict], fmt: str, filename: str, **about) -> HttpResponse:
    """The rows as an attachment named ``filename`` plus the format's extension: CSV, JSON
    (``scrutiny.opendata.SCHEMA``) or the data dictionary (``filename-dictionary.csv``)."""
    return opendata.download(open_table(rows, filename, **about), fmt)
