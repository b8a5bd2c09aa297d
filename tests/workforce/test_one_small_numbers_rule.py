"""Staff counts are hidden from the public by the same rule on the scorecard and in a report.

Slough's first line managers at 31 March 2015 were 16: 11 permanent and 5 agency (14, 6
and 8 a year earlier). The public scorecard CSV hides the agency share worked out from the 5;
the staffing block a report and its pack print from must hide the 5 too, and whatever else
would give it away, while officers see every figure.
"""

import csv
import io

import pytest
from django.db import transaction

from demo import load_demo
from scrutiny.blocks.registry import build_block
from scrutiny.models import Authority
from scrutiny.opendata import as_shown


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def _first_line_managers(content):
    (table,) = [t for t in content.tables if "Headcount" in t.caption or "headcount" in t.caption]
    labels = [c["label"] for c in table.columns]
    (row,) = [r for r in table.rows if r[0] == "First line managers"]
    return dict(zip(labels, row, strict=True))


def test_the_public_block_hides_the_small_agency_count_the_officers_see(demo, db):
    slough = Authority.objects.get(slug="slough")
    params = {"choice": "2015-03-31"}
    officers = _first_line_managers(build_block(slough, "workforce", params, public=False))
    public = _first_line_managers(build_block(slough, "workforce", params, public=True))
    assert officers["Agency"] == "5 (8)"
    assert officers["Total"] == "16 (14)"
    assert public["Agency"] == "c (8)"
    # 16 - 11 would give the 5 away: the 11 goes as well (as on the scorecard, which shows
    # the 16 and hides the 11; hiding the 16 here instead would let the two together tell).
    assert public["Permanent"] == "c (6)"
    assert public["Total"] == "16 (14)"
    assert public["% permanent"].startswith("c (")


FIGURES = ("value", "numerator", "denominator")


def test_the_public_scorecard_csv_hides_the_same_figures(demo, db, client):
    response = client.get("/slough/scorecards/?format=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    shown = {
        r["indicator_code"]: tuple(as_shown(r, part) for part in FIGURES)
        for r in rows
        if r["indicator_code"].endswith("-first-line-managers")
    }
    assert shown == {
        "agency-rate-first-line-managers": ("c", "c", "16"),
        "percent-permanent-first-line-managers": ("c", "c", "16"),
    }


def _counts(content):
    """Every count cell of the complaints block's tables (the % columns left out)."""
    found = []
    for table in content.tables:
        for row in table.rows:
            for column, cell in zip(table.columns[1:], row[1:], strict=True):
                if column["numeric"] and not column["label"].startswith("%"):
                    found.append(cell)
    return found


def test_complaint_counts_by_team_are_hidden_when_small_and_shown_to_officers(demo, db):
    from assurance.models import ComplaintCount

    (slug, year), *_ = ComplaintCount.objects.filter(count__gte=1, count__lte=5).values_list(
        "authority__slug", "period__start_year"
    )
    council = Authority.objects.get(slug=slug)
    params = {"choice": str(year)}
    officers = _counts(build_block(council, "complaints", params, public=False))
    public = _counts(build_block(council, "complaints", params, public=True))
    assert any(cell in {"1", "2", "3", "4", "5"} for cell in officers)
    assert not any(cell in {"1", "2", "3", "4", "5"} for cell in public)
    assert "c" in public
    # Only hidden cells differ: what the public sees is the officers' figure or "c".
    assert all(p in (o, "c") for p, o in zip(public, officers, strict=True))
