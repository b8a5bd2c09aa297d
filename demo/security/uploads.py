"""Hostile uploads to the one upload form, a quarter's return spreadsheet: files too big,
zip and XML bombs, 100,000 rows, formulas and external links. Each must be refused in words
on the page, with no server error and no row saved."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from . import expectations as who
from .areas import Tally, answer, row_counts
from .cast import COUNCIL, Cast

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    "</sheetData></worksheet>"
)


def _workbook(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "contacts"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _swap_sheet(content: bytes, xml: str) -> bytes:
    """The workbook with its first sheet's XML replaced."""
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = xml.encode()
            target.writestr(item, data)
    return out.getvalue()


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 200_000_000)
    return out.getvalue()


def hostile_files() -> dict[str, bytes]:
    plain = _workbook([["Contact volumes"], ["Channel", "Count"], ["Emails", 10]])
    return {
        "10 MB": b"PK" + b"\0" * 10_000_000,
        "not a workbook": b"<html>not a spreadsheet</html>",
        "zip bomb (200 MB of zeros)": _zip_bomb(),
        "XML bomb (a billion laughs)": _swap_sheet(plain, LAUGHS),
        "100,000 rows": _workbook(["Emails", n] for n in range(100_000)),
        "formulas and external links": _workbook(
            [
                ["Contact volumes"],
                ["Channel", "Count"],
                ["Emails", '=HYPERLINK("http://127.0.0.1/x","click")'],
                ["Calls", "='file:///etc/[passwd.xlsx]Sheet1'!A1"],
                ["Visits", '=cmd|"/c calc"!A1'],
            ]
        ),
    }


def hostile_uploads(cast: Cast) -> Tally:
    tally = Tally("hostile uploads")
    url = f"/{COUNCIL}/returns/2014-15-q4/spreadsheet/"
    client = cast.client(who.OFFICER)
    for kind, content in hostile_files().items():
        before = row_counts()
        upload = SimpleUploadedFile("return.xlsx", content, content_type=XLSX)
        got, status = answer(client, "POST", url, {"file": upload})
        tally.tried += 1
        changed = {k for k, v in row_counts().items() if before[k] != v}
        if got.startswith("error"):
            tally.fail(f"upload ({kind}): {got}")
        elif status != 200 or changed:
            tally.fail(f"upload ({kind}): {status}, saved {sorted(changed)}")
        else:
            tally.refused += 1
    return tally
