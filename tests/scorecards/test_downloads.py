"""CSV and JSON of the council scorecard and of each indicator's series."""

import csv
import io
import json

import pytest

from scorecards.downloads import as_csv
from scrutiny.models import Period
from scrutiny.opendata import escape_formula
from tests.factories.scorecards import (
    ComparatorValueFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db


def q4():
    return Period.quarter(2014, 4)


def scorecard(authority, query):
    return f"/{authority.slug}/scorecards/{query}"


def read_csv(response):
    raw = response.content
    assert raw.startswith("\ufeff".encode()), "Excel needs the byte-order mark"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def caseload(authority):
    indicator = IndicatorFactory(
        code="average-caseload",
        name="Average caseload",
        unit="average",
        polarity="lower",
        decimals=2,
        basis="Children per social worker",
        source="Slough report",
    )
    IndicatorValueFactory(
        indicator=indicator, authority=authority, period=q4(), reported_value="20.5"
    )
    TargetFactory(indicator=indicator, authority=authority, period=Period.year(2014), value=16)
    ComparatorValueFactory(indicator=indicator, period=Period.year(2014), value="17.8")
    return indicator


def test_the_scorecard_as_csv_is_one_row_per_indicator_with_a_sensible_name(
    officer_client, authority
):
    caseload(authority)
    response = officer_client.get(scorecard(authority, "?format=csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="wokingham-scorecard-2014-15-q4.csv"'
    )
    [row] = read_csv(response)
    assert row == {
        "council": "Wokingham",
        "period": "Q4 2014/15",
        "indicator_code": "average-caseload",
        "indicator_name": "Average caseload",
        "area": "Contacts, referrals and assessments",
        "unit": "Average",
        "value": "20.50",
        "value_status": "",
        "numerator": "",
        "numerator_status": "",
        "denominator": "",
        "denominator_status": "",
        "figure_is": "As reported",
        "printed_note": "",
        "basis": "Children per social worker",
        "source": "Slough report",
        "illustrative": "no",
        "target": "16.00",
        "rag": "Red",
        "england": "17.80",
        "england_period": "2014/15",
        "region": "",
        "region_period": "",
        "neighbours": "",
        "neighbours_period": "",
        "neighbours_are": "",
    }


def test_the_scorecard_as_json_for_a_chosen_period(officer_client, authority):
    caseload(authority)
    IndicatorValueFactory(
        indicator=IndicatorFactory(), authority=authority, period=Period.quarter(2014, 3)
    )
    response = officer_client.get(scorecard(authority, "?format=json&period=2014-15-q4"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert data["period"] == "Q4 2014/15"
    assert data["suppressed"] is False
    assert [row["indicator_code"] for row in data["rows"]] == ["average-caseload"]
    assert data["rows"][0]["neighbours"] is None


def test_an_unknown_format_is_404(officer_client, authority):
    caseload(authority)
    assert officer_client.get(scorecard(authority, "?format=xlsx")).status_code == 404


def test_an_indicators_series_downloads_one_row_per_period(officer_client, authority):
    indicator = IndicatorFactory(code="timely", name="Timely")
    for month, value in [(1, "85.4"), (2, "97.2")]:
        IndicatorValueFactory(
            indicator=indicator,
            authority=authority,
            period=Period.month(2015, month),
            reported_value=value,
        )
    response = officer_client.get(f"/{authority.slug}/scorecards/timely/?format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="wokingham-timely.csv"'
    assert [(r["period"], r["value"]) for r in read_csv(response)] == [
        ("January 2015", "85.4"),
        ("February 2015", "97.2"),
    ]
    data = json.loads(
        officer_client.get(f"/{authority.slug}/scorecards/timely/?format=json").content
    )
    assert data["indicator"] == "Timely"
    assert len(data["rows"]) == 2


def small(authority):
    indicator = IndicatorFactory(code="missing", name="Missing", unit="count", decimals=0)
    IndicatorValueFactory(indicator=indicator, authority=authority, period=q4(), reported_value=3)
    rate = IndicatorFactory(code="repeat", name="Repeat plans")
    IndicatorValueFactory(
        indicator=rate,
        authority=authority,
        period=q4(),
        reported_value=None,
        numerator=2,
        denominator=9,
    )


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_public_download_hides_small_numbers(client, authority, fmt):
    small(authority)
    response = client.get(scorecard(authority, f"?format={fmt}"))
    if fmt == "csv":
        rows = read_csv(response)
    else:
        data = json.loads(response.content)
        assert data["suppressed"] is True
        rows = data["rows"]
    by_code = {row["indicator_code"]: row for row in rows}
    blank = "" if fmt == "csv" else None
    assert (by_code["missing"]["value"], by_code["missing"]["value_status"]) == (blank, "c")
    assert by_code["missing"]["rag"] == "c"
    assert (by_code["repeat"]["value"], by_code["repeat"]["numerator"]) == (blank, blank)
    assert (by_code["repeat"]["value_status"], by_code["repeat"]["numerator_status"]) == ("c",) * 2
    assert by_code["repeat"]["denominator"] == ("9" if fmt == "csv" else 9)
    assert by_code["repeat"]["denominator_status"] == ""
    text = response.content.decode("utf-8-sig")
    assert "22.2" not in text and ",3," not in text and '"3"' not in text and ": 3," not in text
    assert not {"3", "2", "22.2"} & {str(value) for row in rows for value in row.values()}
    series = client.get(f"/{authority.slug}/scorecards/missing/?format={fmt}")
    assert b"c" in series.content and b'"3"' not in series.content and b",3," not in series.content
    assert b": 3," not in series.content


def test_officers_download_every_figure(officer_client, authority):
    small(authority)
    by_code = {
        r["indicator_code"]: r
        for r in read_csv(officer_client.get(scorecard(authority, "?format=csv")))
    }
    assert by_code["missing"]["value"] == "3"
    assert (by_code["repeat"]["value"], by_code["repeat"]["numerator"]) == ("22.2", "2")


@pytest.mark.parametrize(
    ("cell", "escaped"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Caseload = cases / FTE", "Caseload = cases / FTE"),
        ("", ""),
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_escaped(cell, escaped):
    assert escape_formula(cell) == escaped


def test_formula_cells_from_the_database_are_escaped_in_the_file(officer_client, authority):
    indicator = IndicatorFactory(name="=cmd|' /C calc'!A0", source="@evil", basis="-2+3")
    IndicatorValueFactory(indicator=indicator, authority=authority, period=q4())
    [row] = read_csv(officer_client.get(scorecard(authority, "?format=csv")))
    assert row["indicator_name"] == "'=cmd|' /C calc'!A0"
    assert row["source"] == "'@evil"
    assert row["basis"] == "'-2+3"


def test_as_csv_writes_the_header_even_with_no_rows():
    assert as_csv([]).startswith("\ufeffcouncil,period,indicator_code,")


def test_the_scorecard_csv_reads_into_pandas_with_numeric_figures_and_a_status_column(
    client, authority
):
    """Issue 16: pandas read "c" in value and numerator as text; now a figure column holds
    numbers only and the symbol is beside it."""
    import pandas as pd

    caseload(authority)
    small(authority)
    response = client.get(scorecard(authority, "?format=csv"))
    frame = pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig")
    for name in ["value", "numerator", "denominator", "target", "england"]:
        assert pd.api.types.is_numeric_dtype(frame[name]), f"{name} is {frame[name].dtype}"
    by_code = frame.set_index("indicator_code")
    assert by_code.loc["average-caseload", "value"] == 20.5
    assert pd.isna(by_code.loc["missing", "value"])
    assert by_code.loc["missing", "value_status"] == "c"
    assert by_code.loc["repeat", "denominator"] == 9


@pytest.mark.parametrize("page", ["", "average-caseload/"])
def test_each_scorecard_download_has_a_data_dictionary_covering_every_column(
    client, authority, page
):
    caseload(authority)
    url = f"/{authority.slug}/scorecards/{page}"
    csv_response = client.get(url, {"format": "csv"})
    header = next(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    response = client.get(url, {"format": "dictionary"})
    assert response["Content-Disposition"].endswith('-dictionary.csv"')
    dictionary = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [entry["column"] for entry in dictionary] == header
    assert all(entry["meaning"] and entry["type"] for entry in dictionary)
    kinds = {entry["column"]: entry["type"] for entry in dictionary}
    assert (kinds["value"], kinds["value_status"], kinds["council"]) == ("number", "status", "text")

    data = json.loads(client.get(url, {"format": "json"}).content)
    assert data["schema"] == "scrutiny-open-data/1"
    assert [column["column"] for column in data["columns"]] == header
    assert set(data["rows"][0]) == set(header)
    assert data["symbols"]["c"].startswith("Not shown")
