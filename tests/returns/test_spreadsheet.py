"""The return as a spreadsheet: download, edit, upload through the same rules; a file with
errors changes nothing and names every problem by sheet, row and column."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from assurance.models import ComplaintCount, ContactVolume
from scrutiny.models import Period
from tests.factories.scrutiny import ContactVolumeFactory
from workforce.models import StaffingFigure

pytestmark = pytest.mark.django_db

URL = "/wokingham/returns/2014-15-q4/spreadsheet/"


def download(client):
    response = client.get(URL + "?download=1")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def upload(client, book):
    out = io.BytesIO()
    book.save(out)
    return client.post(URL, {"file": SimpleUploadedFile("return.xlsx", out.getvalue())})


def row_of(sheet, label):
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == label)


def test_the_template_is_laid_out_like_the_sections_with_last_quarter_locked(
    as_user, draft, officer, authority
):
    ContactVolumeFactory(
        authority=authority, period=Period.quarter(2014, 3), channel="email", count=800
    )
    book = download(as_user(officer))
    assert {"workforce", "complaints", "contacts", "audits", "programmes"} <= set(book.sheetnames)
    sheet = book["contacts"]
    assert [c.value for c in sheet[4]][:4] == [
        "Key",
        "Channel",
        "Contacts in the quarter",
        "Contacts in the quarter, Q3 2014/15",
    ]
    emails = row_of(sheet, "Emails")
    # Numbers, so they sum in Excel; the reference column is grey, as the instructions say.
    assert sheet.cell(emails, 4).value == 800 and sheet.cell(emails, 4).data_type == "n"
    assert sheet.cell(emails, 4).fill.fgColor.rgb.endswith("D9D9D9")
    assert sheet.cell(4, 4).fill.fgColor.rgb.endswith("D9D9D9")
    assert sheet.cell(emails, 3).fill.fill_type is None
    assert sheet.protection.sheet
    assert sheet.cell(emails, 4).protection.locked
    assert not sheet.cell(emails, 3).protection.locked


def test_a_round_trip_applies_every_sheet(as_user, draft, officer):
    client = as_user(officer)
    book = download(client)
    contacts = book["contacts"]
    contacts.cell(row_of(contacts, "Emails"), 3).value = 839
    complaints = book["complaints"]
    complaints.cell(row_of(complaints, "Ambleside Social Work Team"), 3).value = "2"
    response = upload(client, book)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert list(ContactVolume.objects.values_list("channel", "count")) == [("email", 839)]
    assert list(ComplaintCount.objects.values_list("count", flat=True)) == [2]


def test_the_sheet_reads_numbers_as_the_forms_do(as_user, draft, officer):
    client = as_user(officer)
    book = download(client)
    contacts = book["contacts"]
    contacts.cell(row_of(contacts, "Emails"), 3).value = "1,120"
    assert upload(client, book).status_code == 302
    assert list(ContactVolume.objects.values_list("count", flat=True)) == [1120]
    # What is entered comes back as a number.
    again = download(client)["contacts"]
    assert again.cell(row_of(again, "Emails"), 3).value == 1120
    for typed in ("22,5", "1,2"):
        book = download(client)
        contacts = book["contacts"]
        contacts.cell(row_of(contacts, "Emails"), 3).value = typed
        html = upload(client, book).content.decode()
        assert "a comma can only separate thousands" in html, typed
    assert list(ContactVolume.objects.values_list("count", flat=True)) == [1120]


def test_a_file_with_errors_changes_nothing_and_lists_every_problem(as_user, draft, officer):
    client = as_user(officer)
    book = download(client)
    contacts = book["contacts"]
    contacts.cell(row_of(contacts, "Emails"), 3).value = 839
    contacts.cell(row_of(contacts, "Letters"), 3).value = "=1+1"
    workforce = book["workforce"]
    social_workers = row_of(workforce, "Social workers")
    workforce.cell(social_workers, 4).value = "lots"
    workforce.cell(social_workers, 5).value = -2
    html = upload(client, book).content.decode()
    assert "<title>Error: " in html
    assert "Sheet “contacts”, row" in html and "column C: Type a figure, not a formula" in html
    assert (
        f"Sheet “workforce”, row {social_workers}, column D: "
        "Permanent for Social workers must be a number, like 12"
    ) in html
    assert (
        f"Sheet “workforce”, row {social_workers}, column E: "
        "Agency for Social workers cannot be less than 0"
    ) in html
    assert not ContactVolume.objects.exists()
    assert not StaffingFigure.objects.exists()


@pytest.mark.parametrize(
    "content,message",
    [
        (b"name,count\nEmails,3", "must be an Excel workbook"),
        (b"PK\x03\x04 not really a zip", "could not be read as an Excel workbook"),
        (b"PK" + b"0" * (2 * 1024 * 1024 + 1), "smaller than 2 MB"),
    ],
)
def test_bad_files_get_a_clear_refusal(as_user, draft, officer, content, message):
    response = as_user(officer).post(URL, {"file": SimpleUploadedFile("x.xlsx", content)})
    assert message in response.content.decode()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(as_user, draft, officer):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (31 * 1024 * 1024))
    response = as_user(officer).post(URL, {"file": SimpleUploadedFile("x.xlsx", out.getvalue())})
    assert "unpacks to more than 30 MB" in response.content.decode()


def test_text_that_would_run_as_a_formula_is_written_as_text(as_user, draft, officer):
    client = as_user(officer)
    section_data = client.get("/wokingham/returns/2014-15-q4/complaint-themes/")
    assert section_data.status_code == 200
    from tests.factories.returns import section_post

    data = section_post(
        draft,
        "complaint-themes",
        {("New theme 1", "theme"): '=HYPERLINK("http://x")', ("New theme 1", "action"): "-"},
    )
    assert client.post("/wokingham/returns/2014-15-q4/complaint-themes/", data).status_code == 302
    sheet = download(client)["complaint-themes"]
    row = row_of(sheet, '\'=HYPERLINK("http://x")')
    assert sheet.cell(row, 3).value == '\'=HYPERLINK("http://x")'
    assert sheet.cell(row, 3).data_type == "s"


def test_readers_may_download_but_not_upload(as_user, draft, member, outsider):
    assert as_user(member).get(URL + "?download=1").status_code == 200
    assert as_user(member).post(URL, {}).status_code == 403
    assert as_user(outsider).get(URL + "?download=1").status_code == 403
