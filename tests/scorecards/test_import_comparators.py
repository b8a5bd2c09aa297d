"""Comparator CSV import: all rows or none, every problem listed, untrusted files refused."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from scorecards import importers
from scorecards.importers import ImportProblem, comparators_import, parse_period
from scorecards.models import ComparatorValue
from scrutiny.models import Period
from tests.factories.scorecards import IndicatorFactory
from tests.factories.scrutiny import AuthorityFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADER = "indicator,period,kind,region,authority,value,basis,source\n"
GOOD = HEADER + (
    "sw-turnover-rate,2018/19,england,,,16,National average as quoted,Lincolnshire PiP update\n"
    "sw-turnover-rate,Q4 2014/15,region,South East,,15.2,FTE,DfE workforce census\n"
    "sw-turnover-rate,Q4 2014/15,neighbours,,slough,17.45,FTE,DfE workforce census\n"
    "sw-agency-rate,2015-03,england,,,15.8,FTE at 30 September,DfE workforce census\n"
)


@pytest.fixture
def catalogue(db):
    IndicatorFactory(code="sw-turnover-rate", unit="percent")
    IndicatorFactory(code="sw-agency-rate", unit="percent")
    IndicatorFactory(code="sw-average-caseload", unit="average")
    return AuthorityFactory(slug="slough", region="south-east")


def _rows():
    return sorted(
        ComparatorValue.objects.values_list(
            "pk",
            "indicator__code",
            "period__kind",
            "period__start_year",
            "period__number",
            "kind",
            "region",
            "authority__slug",
            "value",
            "basis",
            "source",
        )
    )


def test_a_good_file_imports_every_row(catalogue):
    result = comparators_import(source=GOOD.encode())
    assert result.ok and (result.rows, result.created) == (4, 4)
    region = ComparatorValue.objects.get(kind="region")
    assert (region.region, region.value, region.period) == (
        "south-east",
        Decimal("15.2"),
        Period.quarter(2014, 4),
    )
    neighbours = ComparatorValue.objects.get(kind="neighbours")
    assert neighbours.authority == catalogue and neighbours.value == Decimal("17.45")
    england = ComparatorValue.objects.get(indicator__code="sw-turnover-rate", kind="england")
    assert england.period == Period.year(2018) and england.source == "Lincolnshire PiP update"
    assert ComparatorValue.objects.get(indicator__code="sw-agency-rate").period == Period.month(
        2015, 3
    )


def test_importing_the_same_file_twice_gives_the_same_rows(catalogue):
    comparators_import(source=GOOD.encode())
    before = _rows()
    again = comparators_import(source=GOOD.encode())
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert _rows() == before


def test_a_changed_figure_updates_its_row(catalogue):
    comparators_import(source=GOOD.encode())
    result = comparators_import(source=GOOD.replace(",16,", ",16.1,").encode())
    assert (result.created, result.updated, result.unchanged) == (0, 1, 3)
    assert ComparatorValue.objects.get(kind="england", period__kind="year").value == Decimal("16.1")


def test_utf8_with_a_byte_order_mark_and_headings_as_people_write_them(catalogue):
    text = GOOD.replace("indicator,", "Indicator code,").replace(",authority,", ",Authority slug,")
    result = comparators_import(source=b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert result.ok and result.created == 4


def test_a_file_with_errors_changes_nothing_and_lists_every_error(catalogue):
    comparators_import(source=GOOD.encode())
    before = _rows()
    bad = HEADER + (
        "sw-turnover-rate,2018/19,england,,,15,changed,but the file is bad\n"  # row 2: fine
        "no-such-code,2018/19,england,,,16,,\n"  # 3
        "sw-turnover-rate,2018/20,england,,,16,,\n"  # 4
        "sw-turnover-rate,Q5 2014/15,england,,,16,,\n"  # 5
        "sw-turnover-rate,2014/15,england,,,sixteen,,\n"  # 6
        "sw-turnover-rate,2014/15,england,,,16%,,\n"  # 7
        "sw-turnover-rate,2014/15,region,,,16,,\n"  # 8
        "sw-turnover-rate,2014/15,england,london,,16,,\n"  # 9
        "sw-turnover-rate,2014/15,neighbours,,,16,,\n"  # 10
        "sw-turnover-rate,2014/15,neighbours,,nowhere,16,,\n"  # 11
        "sw-turnover-rate,2014/15,region,Atlantis,,16,,\n"  # 12
        "sw-turnover-rate,2014/15,county,,,16,,\n"  # 13
        "sw-turnover-rate,2014/15,england,,slough,16,,\n"  # 14
        "sw-turnover-rate,2014/15,england,,,116,,\n"  # 15
        ",,england,,,,,\n"  # 16
        "sw-turnover-rate,2018/19,england,,,15,,\n"  # 17: same figure as row 2
        "sw-turnover-rate,2014/15,england,,,16,,,extra\n"  # 18
    )
    result = comparators_import(source=bad.encode())
    assert not result.ok
    assert [(p.row, p.column) for p in result.problems] == [
        (3, "indicator"),
        (4, "period"),
        (5, "period"),
        (6, "value"),
        (7, "value"),
        (8, "region"),
        (9, "region"),
        (10, "authority"),
        (11, "authority"),
        (12, "region"),
        (13, "kind"),
        (14, "authority"),
        (15, "value"),
        (16, "indicator"),
        (16, "period"),
        (16, "value"),
        (17, ""),
        (18, ""),
    ]
    assert str(result.problems[0]) == (
        "Row 3, indicator: No indicator has the code “no-such-code”."
    )
    assert str(result.problems[-2]) == "Row 17: The same figure as row 2."
    assert _rows() == before


def test_formulas_are_refused_in_every_column(catalogue):
    bad = HEADER + (
        '=HYPERLINK("http://evil"),2014/15,england,,,16,,\n'
        "sw-turnover-rate,2014/15,england,,,=1+1,,\n"
        "sw-turnover-rate,2014/15,england,,,16,+cmd,@SUM(A1)\n"
        "sw-turnover-rate,Q4 2014/15,england,,,-3,\tbasis,\n"
        'sw-turnover-rate,Q3 2014/15,england,,,3,"two\nlines",\n'
    )
    result = comparators_import(source=bad.encode())
    assert [(p.row, p.column) for p in result.problems] == [
        (2, "indicator"),
        (3, "value"),
        (4, "basis"),
        (4, "source"),
        (5, "value"),  # a negative number is not a formula, but not a percentage either
        (6, "basis"),
    ]
    assert "formula" in result.problems[0].message
    assert ComparatorValue.objects.count() == 0


def test_a_negative_number_is_a_number_not_a_formula(catalogue):
    result = comparators_import(
        source=(HEADER + "sw-average-caseload,2014/15,england,,,-3,,\n").encode()
    )
    assert result.ok
    assert ComparatorValue.objects.get().value == Decimal(-3)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (HEADER.encode(), "The file has a heading row but no figures."),
        (b"indicator,period\n", "This column is missing."),
        (b"indicator,period,kind,value,colour\nx,y,z,1,red\n", "Not a column"),
        (b"indicator,period,kind,value,value\n", "given twice"),
        (
            HEADER.encode() + "sw-turnover-rate,2014/15,england,,,16,caf\xe9,\n".encode("latin-1"),
            "not UTF-8",
        ),
        (HEADER.encode() + b'sw-turnover-rate,2014/15,england,,,"16,,\n', "cannot be read as CSV"),
        (
            HEADER.encode() + b"sw-turnover-rate,2014/15,eng\x00land,,,16,,\n",
            "NUL bytes",
        ),
    ],
)
def test_unreadable_files_are_refused_whole(catalogue, data, message):
    result = comparators_import(source=data)
    assert not result.ok
    assert message in result.problems[0].message
    assert ComparatorValue.objects.count() == 0


def test_size_and_row_count_are_capped(catalogue, monkeypatch):
    monkeypatch.setattr(importers, "MAX_ROWS", 3)
    result = comparators_import(source=GOOD.encode())
    assert [str(p) for p in result.problems] == ["File: The file has more than 3 rows."]
    monkeypatch.setattr(importers, "MAX_ROWS", 4)
    assert comparators_import(source=GOOD.encode(), dry_run=True).ok

    monkeypatch.setattr(importers, "MAX_BYTES", 100)
    result = comparators_import(source=io.BytesIO(GOOD.encode()))
    assert [str(p) for p in result.problems] == ["File: The file is larger than 100 bytes."]
    assert ComparatorValue.objects.count() == 0


def test_a_dry_run_writes_nothing(catalogue):
    result = comparators_import(source=GOOD.encode(), dry_run=True)
    assert result.ok and result.rows == 4
    assert ComparatorValue.objects.count() == 0


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("2014/15", ("year", 2014, None)),
        ("1999/00", ("year", 1999, None)),
        ("Q4 2014/15", ("quarter", 2014, 4)),
        ("q1 2015/16", ("quarter", 2015, 1)),
        ("2015-03", ("month", 2014, 3)),
        ("2015-04", ("month", 2015, 4)),
        ("2014/16", None),
        ("Q0 2014/15", None),
        ("2015-13", None),
        ("2014", None),
    ],
)
def test_period_labels(label, expected):
    assert parse_period(label) == expected


def test_problems_read_as_row_column_message():
    assert str(ImportProblem(4, "period", "Not a period.")) == "Row 4, period: Not a period."
    assert str(ImportProblem(None, "", "Too big.")) == "File: Too big."


# The command and the admin page -----------------------------------------------------------


def test_the_command_imports_a_file(catalogue, tmp_path):
    path = tmp_path / "comparators.csv"
    path.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command("import_comparators", str(path), stdout=out)
    assert "4 rows imported: 4 created, 0 updated, 0 unchanged." in out.getvalue()
    call_command("import_comparators", str(path), stdout=out)
    assert ComparatorValue.objects.count() == 4


def test_the_command_lists_every_problem_and_imports_nothing(catalogue, tmp_path):
    path = tmp_path / "comparators.csv"
    path.write_text(GOOD + "nope,2014/15,england,,,x,,\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 problem"):
        call_command("import_comparators", str(path), stderr=err)
    assert err.getvalue().splitlines() == [
        "Row 6, indicator: No indicator has the code “nope”.",
        "Row 6, value: Not a number (up to 8 digits and 4 decimal places, no % sign).",
    ]
    assert ComparatorValue.objects.count() == 0


def test_the_command_says_when_it_cannot_read_the_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_comparators", str(tmp_path / "missing.csv"))


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(role="admin", is_staff=True, is_superuser=True))
    return client


def test_the_admin_page_imports_a_file(catalogue, admin_client):
    url = reverse("admin:scorecards_comparatorvalue_import")
    assert (
        'href="' + url
        in admin_client.get(reverse("admin:scorecards_comparatorvalue_changelist")).content.decode()
    )
    upload = SimpleUploadedFile("comparators.csv", GOOD.encode(), content_type="text/csv")
    response = admin_client.post(url, {"file": upload})
    assert response.status_code == 302
    assert ComparatorValue.objects.count() == 4


def test_the_admin_page_lists_the_problems(catalogue, admin_client):
    upload = SimpleUploadedFile(
        "comparators.csv", (HEADER + "nope,2014/15,england,,,16,,\n").encode()
    )
    response = admin_client.post(
        reverse("admin:scorecards_comparatorvalue_import"), {"file": upload}
    )
    assert response.status_code == 200
    assert "1 problem: nothing was imported" in response.content.decode()
    assert "No indicator has the code “nope”." in response.content.decode()
    assert ComparatorValue.objects.count() == 0


def test_the_admin_page_needs_permission_to_add_comparators(catalogue, client):
    client.force_login(UserFactory(role="officer", is_staff=True))
    response = client.get(reverse("admin:scorecards_comparatorvalue_import"))
    assert response.status_code == 403
