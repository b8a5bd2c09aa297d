"""Open data: a table as CSV and JSON with its data dictionary, in the manner of the
Department for Education's open-data files.

Every download is one table: a row per line of the table, a column per column. A numeric
column holds numbers only (blank in CSV, null in JSON, when there is no figure); where a
figure is not shown, the symbol that stands for it ("c" for a small number hidden, as DfE
prints it) is in a column of its own, ``<column>_status``, so a spreadsheet or pandas reads
the figures as numbers. Each file's data dictionary names every column with its meaning,
unit and source; the JSON carries the dictionary with the rows (``SCHEMA`` says its shape).

What is hidden is never decided here: a table is turned into open data from what its page
shows, after the page's own rule (``scrutiny.suppression``) has hidden what it hides.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import HttpResponse
from django.utils.html import strip_tags
from django.utils.text import slugify

SCHEMA = "scrutiny-open-data/1"

# The symbols DfE's releases print for a figure that is not shown, and what each means.
SYMBOLS = {
    "c": "Not shown: a small number hidden so that no one can be identified",
    "x": "Not available",
    "z": "Not applicable",
    "u": "Low reliability",
}
# A dash or a blank on a page is no figure at all: blank, with no symbol.
NO_FIGURE = {"", "-", "–", "—"}

UNIT_NAMES = {"%": "percent", "£": "pounds"}

NUMBER = "number"
TEXT = "text"
STATUS = "status"

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_FIGURE = re.compile(r"^(?P<sign>[+\-−])?(?P<pounds>£)?(?P<digits>\d[\d,]*(?:\.\d+)?)(?P<unit>%)?$")
# A figure with an earlier one in brackets, as the workforce tables print last year's.
_WITH_EARLIER = re.compile(r"^(?P<now>[^()]*?)\s*\((?P<earlier>[^()]*)\)$")
# An amount the accounts way: a saving in brackets.
_SAVING = re.compile(r"^\((?P<amount>£[\d,]+(?:\.\d+)?)\)$")


@dataclass(frozen=True)
class Column:
    """One column of a download, as its data dictionary describes it."""

    name: str
    label: str
    kind: str = TEXT
    unit: str = ""
    meaning: str = ""
    source: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "column": self.name,
            "label": self.label,
            "type": self.kind,
            "unit": self.unit,
            "meaning": self.meaning,
            "source": self.source,
        }


DICTIONARY_COLUMNS = ["column", "label", "type", "unit", "meaning", "source"]


@dataclass
class OpenTable:
    """A table as open data: its columns, described, and its rows of plain values."""

    title: str
    filename: str
    columns: list[Column]
    rows: list[dict[str, Any]] = field(default_factory=list)
    about: dict[str, Any] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    def as_csv(self) -> str:
        return write_csv(self.names, self.rows)

    def dictionary_csv(self) -> str:
        return write_csv(DICTIONARY_COLUMNS, [column.as_dict() for column in self.columns])

    def as_json(self) -> str:
        document = {
            "schema": SCHEMA,
            "title": self.title,
            **self.about,
            "symbols": SYMBOLS,
            "columns": [column.as_dict() for column in self.columns],
            "rows": self.rows,
        }
        return json.dumps(document, ensure_ascii=False, indent=2, default=_json_number)


def _json_number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"{type(value).__name__} is not open data")


@dataclass(frozen=True)
class Figure:
    """One cell of a numeric column: its number, or the symbol shown instead, and its unit."""

    value: Decimal | None = None
    status: str = ""
    unit: str = ""


def read_figure(text: str) -> Figure:
    """A number as a page prints it ("1,234", "68.8%", "+8", "£1,200", "c", "") as data.

    ValueError for anything else, so a column that is not all figures is found by a test
    rather than written out as text in a numeric column.
    """
    text = text.strip()
    if text in NO_FIGURE:
        return Figure()
    if text in SYMBOLS:
        return Figure(status=text)
    saving = _SAVING.match(text)
    if saving:
        return Figure(-read_figure(saving["amount"]).value, unit="£")
    match = _FIGURE.match(text)
    if not match:
        raise ValueError(f"Not a figure: {text!r}")
    try:
        value = Decimal(match["digits"].replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"Not a figure: {text!r}") from None
    if match["sign"] in ("-", "−"):
        value = -value
    unit = "%" if match["unit"] else "£" if match["pounds"] else ""
    return Figure(value, unit=unit)


def _figures(texts: Sequence[str]) -> list[Figure] | None:
    """Each text read as a figure, or None if any is not one."""
    try:
        return [read_figure(text) for text in texts]
    except ValueError:
        return None


def cell_text(cell_html: str) -> str:
    """What a reader reads in a cell: its text, without markup, spaces run together."""
    return " ".join(html.unescape(strip_tags(str(cell_html))).split())


def _split_earlier(text: str) -> tuple[str, str | None]:
    """A cell's figure and the earlier one it prints in brackets, if any."""
    match = None if _SAVING.match(text) else _WITH_EARLIER.match(text)
    if not match:
        return text, None
    return match["now"], match["earlier"]


def _names(labels: Sequence[str], taken: Iterable[str]) -> list[str]:
    """A column name per label, lower case with underscores, each used once."""
    used = set(taken)
    names = []
    for label in labels:
        words = re.sub(r"[%/.]", lambda m: " percent " if m[0] == "%" else " ", label)
        base = slugify(words).replace("-", "_") or "column"
        name, n = base, 2
        while name in used:
            name, n = f"{base}_{n}", n + 1
        used.add(name)
        names.append(name)
    return names


def from_table(
    *,
    title: str,
    filename: str,
    labels: Sequence[str],
    numeric: Sequence[bool],
    rows: Sequence[Sequence[str]],
    leading: Sequence[tuple[Column, Any]] = (),
    source: str = "",
    about: dict[str, Any] | None = None,
) -> OpenTable:
    """A table as its page shows it (cells of HTML) as open data.

    ``leading`` columns (the council, the period, the source) come first with the same value
    on every row. A numeric column's cells are read as figures, with a status column beside
    it; where its cells print an earlier figure in brackets, that figure gets a column (and a
    status) of its own. Text columns are the cell's text.
    """
    texts = [[cell_text(cell) for cell in row] for row in rows]
    leading_names = [column.name for column, _ in leading]
    names = _names(labels, leading_names)
    columns = [column for column, _ in leading]
    readers = []
    for j, (label, name, is_numeric) in enumerate(zip(labels, names, numeric, strict=True)):
        parts = [_split_earlier(row[j]) if j < len(row) else ("", None) for row in texts]
        figures = _figures([now for now, _ in parts]) if is_numeric else None
        earlier = None
        if figures is not None and any(e is not None for _, e in parts):
            earlier = _figures([e or "" for _, e in parts])
            if earlier is None:
                figures = None
        if figures is None:
            # A column of words, or one whose cells are not all figures: its text, as shown.
            columns.append(Column(name, label, TEXT, meaning=label, source=source))
            readers.append((j, name, None))
            continue
        units = {f.unit for f in figures if f.unit}
        unit = units.pop() if len(units) == 1 else ""
        # The unit travels in the name too, so the CSV says it without its dictionary.
        suffix = UNIT_NAMES.get(unit, "")
        if suffix and suffix not in name:
            name = f"{name}_{suffix}"
        columns += figure_columns(name, label, unit=unit, meaning=label, source=source)
        if earlier is not None:
            meaning = f"{label}: the earlier figure the page prints in brackets ({title})"
            columns += figure_columns(
                f"{name}_earlier", f"{label}, earlier", unit=unit, meaning=meaning
            )
        readers.append((j, name, (figures, earlier)))
    out = []
    for i, row in enumerate(texts):
        record = {column.name: value for column, value in leading}
        for j, name, numbers in readers:
            if numbers is None:
                record[name] = row[j] if j < len(row) else ""
                continue
            figures, earlier = numbers
            record |= figure_cells(name, figures[i].value, figures[i].status)
            if earlier is not None:
                record |= figure_cells(f"{name}_earlier", earlier[i].value, earlier[i].status)
        out.append(record)
    return OpenTable(title, filename, columns, out, about or {})


_STATUS = "Blank when the figure is shown; else the symbol shown instead (see symbols: c, x, z, u)"


def figure_columns(
    name: str, label: str, *, unit: str = "", meaning: str = "", source: str = ""
) -> list[Column]:
    """A numeric column and, beside it, ``<name>_status``: how every download holds a figure
    that may not be shown (the number blank, the symbol in the status column)."""
    return [
        Column(name, label, NUMBER, unit, meaning or label, source),
        Column(f"{name}_status", f"{label}: symbol", STATUS, "", _STATUS, source),
    ]


def figure_cells(name: str, value: Any, status: str = "") -> dict[str, Any]:
    """One figure's two cells: the number (None when not shown) and its symbol, if any."""
    if status and status not in SYMBOLS:
        raise ValueError(f"Not an open-data symbol: {status!r}")
    return {name: None if status else value, f"{name}_status": status}


def as_shown(row: dict[str, Any], name: str) -> str:
    """A figure's cell read back as a page prints it: its symbol when it is not shown, else
    the number as text (from a CSV row, a JSON row or one not yet written)."""
    return row.get(f"{name}_status") or _csv_cell(row.get(name))


def escape_formula(text: str) -> str:
    """A cell a spreadsheet would run as a formula, made text with a leading apostrophe."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return f"{value:f}" if isinstance(value, Decimal) else str(value)
    return escape_formula(str(value))


def write_csv(names: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    """UTF-8 text with a byte-order mark, so Excel reads "£" and "’" as they are. Numbers are
    written as numbers (a negative one too); text that a spreadsheet would run is escaped."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_csv_cell(row.get(name)) for name in names])
    return buffer.getvalue()


FORMATS = ("csv", "json", "dictionary")


def download(table: OpenTable, fmt: str) -> HttpResponse:
    """The table as an attachment: ``csv``, ``json``, or ``dictionary`` (its columns, as CSV)."""
    if fmt == "json":
        body, kind, name = table.as_json(), "application/json", f"{table.filename}.json"
    elif fmt == "dictionary":
        body, kind, name = table.dictionary_csv(), "text/csv", f"{table.filename}-dictionary.csv"
    else:
        body, kind, name = table.as_csv(), "text/csv", f"{table.filename}.csv"
    response = HttpResponse(body, content_type=f"{kind}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # Who may see which figures decides the content: never share it between readers.
    response["Cache-Control"] = "private, no-store"
    response["Vary"] = "Cookie"
    return response
