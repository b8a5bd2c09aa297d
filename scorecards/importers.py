"""Comparator values (England, region, statistical neighbours) imported from a CSV file.

The file is untrusted: its size and row count are capped, it is read as UTF-8 (with or
without a byte-order mark), and a cell that a spreadsheet would run as a formula is refused
rather than stored, since the same figures go out again in CSV downloads. Every row is
checked before anything is written, and the rows are applied all together or not at all.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO

from django.core.management.base import CommandError
from django.db import transaction

from scrutiny.models import Authority, Period, Region
from scrutiny.opendata import FORMULA_STARTS

from .models import ComparatorValue, Indicator

MAX_BYTES = 1_000_000
MAX_ROWS = 5_000
COLUMNS = ("indicator", "period", "kind", "region", "authority", "value", "basis", "source")
REQUIRED = ("indicator", "period", "kind", "value")
# Headings as people write them, mapped to the column they mean.
ALIASES = {
    "indicator code": "indicator",
    "indicator_code": "indicator",
    "authority slug": "authority",
    "authority_slug": "authority",
    "council": "authority",
}
MAX_LENGTHS = {"basis": 200, "source": 300}

_YEAR = re.compile(r"^(\d{4})/(\d{2})$")
_QUARTER = re.compile(r"^Q([1-4]) (\d{4})/(\d{2})$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_NUMBER = re.compile(r"^-?\d{1,8}(\.\d{1,4})?$")
_REGIONS = {value: value for value in Region.values} | {
    label.lower(): value for value, label in Region.choices
}


@dataclass(frozen=True)
class ImportProblem:
    """Something wrong with the file: a row (1 is the heading row, None the whole file)."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = "File" if self.row is None else f"Row {self.row}"
        return (
            f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )


@dataclass
class ImportResult:
    """What an import did, or the problems that stopped it."""

    problems: list[ImportProblem] = field(default_factory=list)
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def refusal(self, write, where: object) -> CommandError:
        """Each problem written out, and the error a command stops with: nothing imported."""
        for problem in self.problems:
            write(str(problem))
        return CommandError(f"{len(self.problems)} problem(s) in {where}: nothing was imported.")


@dataclass(frozen=True)
class _Row:
    number: int
    indicator: Indicator
    period: tuple[str, int, int | None]
    kind: str
    region: str
    authority: Authority | None
    value: Decimal
    basis: str
    source: str

    @property
    def key(self) -> tuple:
        return (
            self.indicator.pk,
            self.period,
            self.kind,
            self.region,
            getattr(self.authority, "pk", None),
        )


def parse_period(label: str) -> tuple[str, int, int | None] | None:
    """'2014/15', 'Q4 2014/15' or '2015-03' as (kind, start year, number); None if neither."""
    if match := _YEAR.match(label):
        start, end = int(match[1]), int(match[2])
        return (Period.Kind.YEAR, start, None) if (start + 1) % 100 == end else None
    if match := _QUARTER.match(label):
        start, end = int(match[2]), int(match[3])
        return (Period.Kind.QUARTER, start, int(match[1])) if (start + 1) % 100 == end else None
    if match := _MONTH.match(label):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return Period.Kind.MONTH, year if month >= 4 else year - 1, month
    return None


def _read(source: bytes | BinaryIO) -> tuple[list[list[str]], list[ImportProblem]]:
    data = source if isinstance(source, bytes) else source.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return [], [ImportProblem(None, "", f"The file is larger than {MAX_BYTES:,} bytes.")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [
            ImportProblem(
                None, "", f"The file is not UTF-8 (byte {error.start + 1}): save it as CSV UTF-8."
            )
        ]
    if "\x00" in text:
        return [], [ImportProblem(None, "", "The file has NUL bytes: it is not a CSV text file.")]
    records = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for record in reader:
            if len(records) > MAX_ROWS:
                return [], [ImportProblem(None, "", f"The file has more than {MAX_ROWS:,} rows.")]
            records.append(record)
    except csv.Error as error:
        return [], [
            ImportProblem(len(records) + 1, "", f"This row cannot be read as CSV ({error}).")
        ]
    if not records:
        return [], [ImportProblem(None, "", "The file is empty.")]
    return records, []


def _header(record: list[str]) -> tuple[list[str], list[ImportProblem]]:
    names = [ALIASES.get(n.strip().lower(), n.strip().lower()) for n in record]
    problems = [
        ImportProblem(1, name or f"column {i}", "Not a column this import knows.")
        for i, name in enumerate(names, start=1)
        if name not in COLUMNS
    ]
    problems += [
        ImportProblem(1, name, "This column is given twice.")
        for name in dict.fromkeys(n for n in names if names.count(n) > 1)
    ]
    problems += [
        ImportProblem(1, name, "This column is missing.") for name in REQUIRED if name not in names
    ]
    return names, problems


def _check_row(
    number: int,
    cells: dict[str, str],
    indicators: dict[str, Indicator],
    authorities: dict[str, Authority],
) -> tuple[_Row | None, list[ImportProblem]]:
    problems = []
    refused = set()

    def problem(column: str, message: str) -> None:
        # A refused cell has said what is wrong with it; its content says nothing more.
        if column not in refused:
            problems.append(ImportProblem(number, column, message))

    for column, text in cells.items():
        if column == "value" and _NUMBER.match(text):
            continue
        if text.startswith(FORMULA_STARTS):
            shown = {"\t": "a tab", "\r": "a carriage return"}.get(text[0], f"“{text[0]}”")
            problem(column, f"Starts with {shown}: a cell a spreadsheet could run as a formula.")
            refused.add(column)
        elif _CONTROL.search(text):
            problem(column, "Has a line break or other control character inside the cell.")
            refused.add(column)
    for column in REQUIRED:
        if not cells.get(column):
            problem(column, "This cell is empty.")
    for column, length in MAX_LENGTHS.items():
        if len(cells.get(column, "")) > length:
            problem(column, f"Longer than {length} characters.")

    indicator = indicators.get(cells["indicator"])
    if cells["indicator"] and indicator is None:
        problem("indicator", f"No indicator has the code “{cells['indicator']}”.")
    period = parse_period(cells["period"]) if cells["period"] else None
    if cells["period"] and period is None:
        problem("period", "Not a period: write 2014/15, Q4 2014/15 or 2015-03.")

    value = None
    if cells["value"]:
        if _NUMBER.match(cells["value"]):
            value = Decimal(cells["value"])
            if indicator and indicator.unit == Indicator.Unit.PERCENT and not 0 <= value <= 100:
                problem("value", "A percentage must be between 0 and 100.")
        else:
            problem("value", "Not a number (up to 8 digits and 4 decimal places, no % sign).")

    kind, region_text, slug = (
        cells["kind"].lower(),
        cells.get("region", ""),
        cells.get("authority", ""),
    )
    region, authority = "", None
    if kind and kind not in ComparatorValue.Kind.values:
        problem("kind", "Not a kind of comparator: write england, region or neighbours.")
    if region_text:
        region = _REGIONS.get(region_text.lower(), "")
        if not region:
            problem("region", f"Not an English region: “{region_text}”.")
    if slug:
        authority = authorities.get(slug)
        if authority is None:
            problem("authority", f"No council has the address name “{slug}”.")
    # The same rules as the model's comparator_fields_fit_kind constraint.
    if kind == ComparatorValue.Kind.REGION and not region_text:
        problem("region", "A regional figure needs its region.")
    if kind != ComparatorValue.Kind.REGION and region_text:
        problem("region", f"Leave the region empty for a {kind or 'comparator'} figure.")
    if kind == ComparatorValue.Kind.NEIGHBOURS and not slug:
        problem("authority", "A neighbour average needs the council whose neighbours they are.")
    if kind != ComparatorValue.Kind.NEIGHBOURS and slug:
        problem("authority", f"Leave the council empty for a {kind or 'comparator'} figure.")

    if problems:
        return None, problems
    return (
        _Row(
            number=number,
            indicator=indicator,
            period=period,
            kind=kind,
            region=region,
            authority=authority,
            value=value,
            basis=cells.get("basis", ""),
            source=cells.get("source", ""),
        ),
        [],
    )


def comparators_check(source: bytes | BinaryIO) -> tuple[list[_Row], list[ImportProblem]]:
    """Read and check every row of a comparator CSV, writing nothing."""
    records, problems = _read(source)
    if problems:
        return [], problems
    names, problems = _header(records[0])
    if problems:
        return [], problems
    body = [
        (number, record)
        for number, record in enumerate(records[1:], start=2)
        if any(cell.strip() for cell in record)
    ]
    if not body:
        return [], [ImportProblem(None, "", "The file has a heading row but no figures.")]

    def column(name: str) -> set[str]:
        if name not in names:
            return set()
        index = names.index(name)
        return {record[index].strip() for _, record in body if index < len(record)}

    indicators = Indicator.objects.filter(code__in=column("indicator")).in_bulk(field_name="code")
    authorities = Authority.objects.filter(slug__in=column("authority")).in_bulk(field_name="slug")

    rows, seen = [], {}
    for number, record in body:
        if len(record) > len(names):
            problems.append(
                ImportProblem(number, "", f"{len(record)} cells, but {len(names)} columns.")
            )
            continue
        cells = dict.fromkeys(COLUMNS, "") | {
            name: cell.strip() for name, cell in zip(names, record, strict=False)
        }
        row, row_problems = _check_row(number, cells, indicators, authorities)
        problems += row_problems
        if row is None:
            continue
        if row.key in seen:
            problems.append(ImportProblem(number, "", f"The same figure as row {seen[row.key]}."))
            continue
        seen[row.key] = number
        rows.append(row)
    return (rows if not problems else []), problems


def comparators_import(*, source: bytes | BinaryIO, dry_run: bool = False) -> ImportResult:
    """Check a comparator CSV and, if every row is sound, apply all of its rows at once.

    Applying the same file twice leaves the same rows: a figure is matched on indicator,
    period, kind, region and council, and updated only if its value, basis or source changed.
    """
    rows, problems = comparators_check(source)
    result = ImportResult(problems=problems, rows=len(rows))
    if problems or dry_run:
        return result
    with transaction.atomic():
        periods = {key: Period.get(*key) for key in {row.period for row in rows}}
        for row in rows:
            keys = {
                "indicator": row.indicator,
                "period": periods[row.period],
                "kind": row.kind,
                "region": row.region,
                "authority": row.authority,
            }
            values = {"value": row.value, "basis": row.basis, "source": row.source}
            existing = ComparatorValue.objects.filter(**keys).first()
            if existing is None:
                ComparatorValue.objects.create(**keys, **values)
                result.created += 1
            elif any(getattr(existing, name) != new for name, new in values.items()):
                for name, new in values.items():
                    setattr(existing, name, new)
                existing.save(update_fields=list(values))
                result.updated += 1
            else:
                result.unchanged += 1
    return result
