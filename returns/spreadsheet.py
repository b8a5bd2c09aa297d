"""A return as an Excel workbook and back: one sheet per section, read through the same rules.

``workbook_for`` lays each section out like its page (a row per role, team or course, a
column per figure), prefilled with what is entered, with last quarter's figures beside
them in locked cells for reference. ``workbook_apply`` reads an uploaded copy back through
each section's ``SectionEntry`` (the rules the web forms use) and applies every sheet or
none. Text we write that a spreadsheet would run as a formula (=, +, -, @) is prefixed with
an apostrophe; a formula in an uploaded file is refused.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from scrutiny.models import User

from . import rules
from .entry import SectionEntry
from .forms import NUMBER
from .models import QuarterlyReturn, ReturnSection
from .sections import sections
from .services import ReturnRefused, ensure_editable, section_save

MAX_BYTES = 2 * 1024 * 1024
MAX_UNPACKED = 30 * 1024 * 1024
MAX_ROWS = 1000
FIRST_ROW = 5  # rows 1-4: title, instructions, version, headings
RISKY = ("=", "+", "-", "@")


@dataclass(frozen=True)
class SheetProblem:
    """Something wrong in an uploaded workbook, where a person will find it in Excel."""

    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = [f"Sheet “{self.sheet}”"] if self.sheet else []
        if self.row:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return (", ".join(where) + ": " if where else "") + self.message


def safe(value: object) -> object:
    """Text that Excel would run as a formula is written as text with an apostrophe."""
    if isinstance(value, str) and value.startswith(RISKY):
        return "'" + value
    return value


def unsafe(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith("'") and text[1:].startswith(RISKY):
        return text[1:]
    return text


def _fields(entry: SectionEntry) -> list[tuple[str, str]]:
    """(field name, heading) of each box in a row, in column order."""
    found = []
    for column in entry.columns:
        names = column.field_names
        if len(names) == 1:
            found.append((names[0], column.label))
        else:
            found += [(n, f"{column.label} ({n.rsplit('_', 1)[1]})") for n in names]
    return found


def _entries(quarterly_return: QuarterlyReturn, user: User, data_for=None):
    by_key = {s.key: s for s in quarterly_return.sections.all()}
    for slug, entry_class in sections().items():
        section = by_key.get(entry_class.key)
        if section is None:
            continue
        section.quarterly_return = quarterly_return
        data = data_for(slug) if data_for else None
        yield (
            slug,
            entry_class(quarterly_return=quarterly_return, section=section, data=data, user=user),
        )


GREY = PatternFill("solid", fgColor="D9D9D9")


def as_number(column, text: object) -> object:
    """A figure as the number it is, so that it sums in Excel: "1,120" is written 1120."""
    if column is None or column.kind != NUMBER or text in (None, ""):
        return safe(text or None)
    value, problems = rules.read_number(
        text, row="", column=column.name, what=column.label, whole=False, ceiling=10**12
    )
    if problems or value is None:
        return safe(text)
    return int(value) if value == value.to_integral_value() else float(value)


def _put(sheet, row: int, column: int, value: object, column_kind=None, *, grey=False):
    cell = sheet.cell(row=row, column=column, value=as_number(column_kind, value))
    if isinstance(cell.value, int | float):
        cell.number_format = "#,##0" if isinstance(cell.value, int) else "#,##0.0###"
    if grey:
        cell.fill = GREY
    return cell


def workbook_for(quarterly_return: QuarterlyReturn, user: User) -> bytes:
    """The return's workbook: what is entered, and last quarter's figures for reference."""
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for slug, entry in _entries(quarterly_return, user):
        sheet = book.create_sheet(slug[:31])
        sheet["A1"] = safe(
            f"{entry.title}: {quarterly_return.authority.short_name}, {quarterly_return.period}"
        )
        sheet["A1"].font = Font(bold=True, size=14)
        sheet["A2"] = (
            "Type in the white boxes only. Grey columns are last quarter's figures, for "
            "reference. Do not change column A or the row order."
        )
        sheet["A3"], sheet["B3"] = "Version", entry.section.version
        fields = _fields(entry)
        headings = ["Key", entry.row_heading, *(label for _, label in fields)]
        references = [c for c in entry.columns if c.kind == NUMBER]
        headings += [f"{c.label}, {entry.period_labels['previous']}" for c in references]
        numbers = {c.name: c for c in entry.columns if c.kind == NUMBER}
        for index, heading in enumerate(headings, start=1):
            cell = sheet.cell(row=4, column=index, value=safe(heading))
            cell.font = bold
            if index >= 3 + len(fields):
                cell.fill = GREY
        for offset, (row, initial) in enumerate(zip(entry.rows, entry.initial, strict=True)):
            number = FIRST_ROW + offset
            sheet.cell(row=number, column=1, value=row.key)
            sheet.cell(row=number, column=2, value=safe(row.label))
            editable = row.key not in entry.locked_keys
            for index, (name, _) in enumerate(fields, start=3):
                cell = _put(sheet, number, index, initial.get(name), numbers.get(name))
                cell.protection = Protection(locked=not editable)
            for index, column in enumerate(references, start=3 + len(fields)):
                previous = entry.previous.get(row.key, {}).get(column.name)
                _put(sheet, number, index, column.shown(previous), column, grey=True)
        commentary_row = FIRST_ROW + len(entry.rows) + 1
        sheet.cell(row=commentary_row, column=2, value="Commentary").font = bold
        cell = sheet.cell(row=commentary_row, column=3, value=safe(entry.section.commentary))
        cell.protection = Protection(locked=not entry.may_change_section)
        sheet.column_dimensions["A"].hidden = True
        sheet.column_dimensions["B"].width = 45
        for index in range(3, len(headings) + 1):
            sheet.column_dimensions[get_column_letter(index)].width = 18
        sheet.protection.sheet = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _open(upload) -> tuple[object | None, list[SheetProblem]]:
    """The workbook, or why it cannot be read (too big, not xlsx, a zip bomb)."""

    def refuse(message: str):
        return None, [SheetProblem("", None, "", message)]

    if upload is None:
        return refuse("Choose the completed spreadsheet to upload")
    if upload.size > MAX_BYTES:
        return refuse("The file must be smaller than 2 MB")
    content = upload.read()
    if not content.startswith(b"PK"):
        return refuse("The file must be an Excel workbook (.xlsx), such as the template")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                return refuse("The file unpacks to more than 30 MB: it cannot be a return")
        # read_only streams rows; data_only=False so formulas show as formulas, and refused.
        return load_workbook(io.BytesIO(content), read_only=True, data_only=False), []
    except Exception:  # noqa: BLE001 - any failure to parse is the same answer to the user
        return refuse("The file could not be read as an Excel workbook (.xlsx)")


def _read_sheet(sheet, entry: SectionEntry, slug: str):
    """The POST a browser would send for the section, from the sheet; and problems."""
    problems: list[SheetProblem] = []
    fields = _fields(entry)
    letters = {name: get_column_letter(i) for i, (name, _) in enumerate(fields, start=3)}
    data = {
        "status": entry.section.status
        if entry.section.status == ReturnSection.Status.COMPLETED
        else ReturnSection.Status.IN_PROGRESS,
        "commentary": entry.section.commentary,
        "rows-TOTAL_FORMS": str(len(entry.rows)),
        "rows-INITIAL_FORMS": str(len(entry.rows)),
        "rows-MIN_NUM_FORMS": "0",
        "rows-MAX_NUM_FORMS": "1000",
    }
    data |= {name: str(entry.form[name].value() or "") for name in entry.form.fields}
    index_of = {row.key: i for i, row in enumerate(entry.rows)}
    for i, initial in enumerate(entry.initial):
        data |= {f"rows-{i}-{name}": value for name, value in initial.items()}
    sheet_rows: dict[int, int] = {}
    seen_keys = set()
    for number, cells in enumerate(sheet.iter_rows(max_col=2 + len(fields)), start=1):
        if number > MAX_ROWS:
            problems.append(
                SheetProblem(slug, None, "", f"The sheet has more than {MAX_ROWS:,} rows")
            )
            break
        values = [cell.value for cell in cells]
        for cell in cells:
            if getattr(cell, "data_type", "") == "f":
                problems.append(
                    SheetProblem(slug, number, cell.column_letter, "Type a figure, not a formula")
                )
        if number == 3:
            data["version"] = unsafe(values[1] if len(values) > 1 else "")
        if number < FIRST_ROW or not values:
            continue
        key = unsafe(values[0])
        if key in index_of:
            if key in seen_keys:
                problems.append(SheetProblem(slug, number, "A", "This row appears twice"))
                continue
            seen_keys.add(key)
            i = index_of[key]
            sheet_rows[i] = number
            for (name, _), value in zip(fields, values[2:], strict=False):
                data[f"rows-{i}-{name}"] = unsafe(value).strip()
        elif not key and len(values) > 2 and unsafe(values[1]) == "Commentary":
            data["commentary"] = unsafe(values[2])
        elif key:
            problems.append(SheetProblem(slug, number, "A", "This row is not in the template"))
    return data, problems, sheet_rows, letters


def workbook_apply(*, quarterly_return: QuarterlyReturn, upload, applied_by: User):
    """Apply every sheet of an uploaded workbook, or none; the problems say why not."""
    book, problems = _open(upload)
    if book is None:
        return problems, []
    try:
        ensure_editable(authority=quarterly_return.authority, period=quarterly_return.period)
    except ReturnRefused as refusal:
        return [SheetProblem("", None, "", str(refusal))], []
    read = {}
    for slug in sections():
        if slug in book.sheetnames:
            read[slug] = book[slug]
    if not read:
        return [SheetProblem("", None, "", "The workbook has none of the return's sheets")], []
    checked = []
    parsed = {}
    for slug, entry in _entries(quarterly_return, applied_by):
        if slug in read:
            parsed[slug] = _read_sheet(read[slug], entry, slug)
    book.close()
    for slug, entry in _entries(
        quarterly_return, applied_by, data_for=lambda s: parsed[s][0] if s in parsed else None
    ):
        if slug not in parsed:
            continue
        data, found, sheet_rows, letters = parsed[slug]
        problems += found
        if not entry.can_edit_any and _changed(entry, data):
            problems.append(SheetProblem(slug, None, "", "You cannot change this section"))
            continue
        if entry.is_valid():
            if _changed(entry, data):
                checked.append(entry)
            continue
        for problem in entry.problems:
            row = sheet_rows.get(int(problem.row)) if problem.row.isdigit() else None
            column = letters.get(problem.column) or letters.get(f"{problem.column}_day", "")
            if problem.column == "commentary":
                column = "C"
                row = FIRST_ROW + len(entry.rows) + 1
            problems.append(SheetProblem(slug, row, column, problem.message))
    if problems:
        return problems, []
    try:
        with transaction.atomic():
            for entry in checked:
                entry.store()
                section_save(
                    section=entry.section,
                    saved_by=applied_by,
                    expected_version=entry.expected_version,
                    status=entry.status,
                    commentary=entry.commentary,
                    nothing_to_report=entry.nothing_to_report,
                    copied_rows=entry.unconfirmed_keys,
                )
    except ReturnRefused as refusal:
        return [SheetProblem("", None, "", str(refusal))], []
    return [], [entry.title for entry in checked]


def _changed(entry: SectionEntry, data: dict) -> bool:
    if (data.get("commentary") or "").strip() != entry.section.commentary.strip():
        return True
    for i, initial in enumerate(entry.initial):
        for name, value in initial.items():
            if name != "key" and str(data.get(f"rows-{i}-{name}", "")).strip() != str(value):
                return True
    return False
