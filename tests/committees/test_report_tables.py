"""Every table a report's page shows, as CSV, JSON and a data dictionary: the reader's own
figures, numbers as numbers, and the symbol of a figure not shown in a column of its own."""

import csv
import datetime as dt
import io
import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from committees.models import Report, ReportSection
from committees.selectors.report_data import report_table, report_tables
from demo import load_demo
from scrutiny.opendata import NUMBER, STATUS, SYMBOLS
from tests.factories.scrutiny import ReportFactory, ReportSectionFactory

pytestmark = pytest.mark.django_db

FROZEN = dt.datetime(2015, 7, 20, 9, 0, tzinfo=dt.UTC)


def block(count: str, share: str) -> dict:
    return {
        "version": 1,
        "subject": "2014/15",
        "tables": [
            {
                "caption": "Complaints by team, 2014/15",
                "columns": [
                    {"label": "Team", "numeric": False},
                    {"label": "Complaints", "numeric": True},
                    {"label": "Share", "numeric": True},
                    {"label": "Staff", "numeric": True},
                ],
                "rows": [
                    ["<a href='/x/'>Brambles</a>", count, share, "1,204 (1,180)"],
                    ["Children&#x27;s Rights", "12", "80%", "(7)"],
                ],
                "row_headers": True,
            }
        ],
        "charts": [],
        "notes": [],
    }


@pytest.fixture
def report(authority):
    report = ReportFactory(authority=authority, published=True, title="Complaints 2014/15")
    ReportSectionFactory(
        report=report,
        order=1,
        heading="Complaints",
        kind=ReportSection.Kind.DATA,
        block_type="complaints",
        frozen_at=FROZEN,
        frozen_data={"public": block("c", "c"), "members": block("3", "20%")},
    )
    return report


def url(report, number, fmt):
    return f"/{report.authority.slug}/reports/{report.pk}/tables/{number}/{fmt}/"


def read_csv(response) -> list[dict]:
    raw = response.content
    assert raw.startswith("\ufeff".encode()), "Excel needs the byte-order mark"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_the_report_page_links_each_table_in_each_format(client, report):
    page = client.get(report.get_absolute_url()).content.decode()
    for number in (1, 2):  # the block's table, then the financial implications
        for fmt in ("csv", "json", "dictionary"):
            assert f'href="{url(report, number, fmt)}"' in page


def test_the_public_csv_has_numbers_and_the_hidden_figure_only_as_its_symbol(client, report):
    response = client.get(url(report, 1, "csv"))
    assert response["Content-Disposition"] == (
        f'attachment; filename="{report.authority.slug}-report-{report.pk}-table-1.csv"'
    )
    assert response["Cache-Control"] == "private, no-store"
    brambles, rights = read_csv(response)
    assert (brambles["team"], brambles["complaints"], brambles["complaints_status"]) == (
        "Brambles",
        "",
        "c",
    )
    assert (brambles["share_percent"], brambles["share_percent_status"]) == ("", "c")
    assert (brambles["staff"], brambles["staff_earlier"]) == ("1204", "1180")
    assert (rights["team"], rights["complaints"], rights["share_percent"]) == (
        "Children's Rights",
        "12",
        "80",
    )
    assert (rights["staff"], rights["staff_earlier"]) == ("", "7")
    assert brambles["figures_for"] == "2014/15" and brambles["figures_as_at"] == "2015-07-20"
    assert "Complaints 2014/15" in brambles["source"]
    assert not {"3", "20"} & set(brambles.values()), "the hidden figures are not in the file"


def test_the_councils_own_readers_download_every_figure(officer_client, report):
    brambles, _ = read_csv(officer_client.get(url(report, 1, "csv")))
    assert (brambles["complaints"], brambles["complaints_status"]) == ("3", "")
    assert brambles["share_percent"] == "20"


def test_json_has_a_stable_schema_with_numbers_as_numbers(client, report):
    data = json.loads(client.get(url(report, 1, "json")).content)
    assert data["schema"] == "scrutiny-open-data/1"
    assert data["symbols"] == SYMBOLS
    assert {"council", "report", "report_version", "section", "table", "title"} <= set(data)
    names = [column["column"] for column in data["columns"]]
    assert all(list(row) == names for row in data["rows"])
    brambles, rights = data["rows"]
    assert brambles["complaints"] is None and brambles["complaints_status"] == "c"
    assert rights["complaints"] == 12 and rights["share_percent"] == 80
    assert brambles["staff"] == 1204


def test_the_data_dictionary_covers_every_column_with_its_unit(client, report):
    columns = list(read_csv(client.get(url(report, 1, "csv")))[0])
    dictionary = read_csv(client.get(url(report, 1, "dictionary")))
    assert [entry["column"] for entry in dictionary] == columns
    by_name = {entry["column"]: entry for entry in dictionary}
    assert by_name["share_percent"]["unit"] == "%"
    assert by_name["complaints"]["type"] == NUMBER
    assert by_name["complaints_status"]["type"] == STATUS
    assert all(entry["meaning"] for entry in dictionary)


def test_a_saving_is_a_negative_number(client, authority):
    report = ReportFactory(authority=authority, published=True)
    report.financial_rows.create(year=1, cost=-2500, revenue_or_capital="revenue")
    [year1, *_] = read_csv(client.get(url(report, 1, "csv")))
    assert year1["how_much_will_it_cost_save_pounds"] == "-2500"


def test_a_table_the_page_does_not_show_is_404(client, report):
    assert client.get(url(report, 3, "csv")).status_code == 404
    assert client.get(url(report, 0, "csv")).status_code == 404
    assert client.get(url(report, 1, "xlsx")).status_code == 404


def test_an_exempt_appendix_has_no_table_for_the_public(officer, report):
    ReportSection.objects.filter(report=report).update(is_exempt=True, exempt_paragraph=3)
    assert Client().get(url(report, 2, "csv")).status_code == 404
    entitled = Client()
    entitled.force_login(officer)
    assert entitled.get(url(report, 2, "csv")).status_code == 200


def test_a_report_the_reader_may_not_open_has_no_tables(client, authority):
    draft = ReportFactory(authority=authority)
    assert client.get(url(draft, 1, "csv")).status_code == 404


def test_every_demo_table_reads_its_figures_as_numbers():
    """Every numeric column of every table the public and officers see in the demo's
    published reports comes out as numbers (none falls back to text), and the csv module
    reads back each file with one value per column."""
    load_demo()
    from scrutiny.models import User

    readers = [AnonymousUser(), User.objects.get(username="officer")]
    tables = 0
    for report in Report.objects.filter(status=Report.Status.PUBLISHED):
        for reader in readers:
            for shown in report_tables(report, reader=reader):
                table = report_table(report, shown)
                numbers = [c for c in table.columns if c.kind == NUMBER]
                firsts = [c for c in numbers if not c.name.endswith("_earlier")]
                assert len(firsts) == sum(shown.numeric), (report.pk, shown.caption)
                rows = list(csv.DictReader(io.StringIO(table.as_csv().lstrip("\ufeff"))))
                assert len(rows) == len(shown.rows)
                for row in rows:
                    assert list(row) == table.names
                    for column in numbers:
                        if row[column.name]:
                            float(row[column.name])
                    for column in table.columns:
                        if column.kind == STATUS:
                            assert row[column.name] in {"", *SYMBOLS}
                tables += 1
    assert tables > 40
