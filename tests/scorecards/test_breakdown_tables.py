"""The scorecard and the indicator page show an indicator's figures by group, with the
table in words; the public sees small numbers as "c", and more hidden where the groups
add up to the whole; the scorecard's queries do not grow with the breakdowns."""

import re
from decimal import Decimal as D

import pytest

from scorecards.models import BreakdownCategory, BreakdownValue, Indicator, IndicatorValue
from scrutiny.models import Period
from tests.factories.scorecards import IndicatorFactory, IndicatorValueFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue", "breakdown_lists")]

Q4 = (2014, 4)
LIST = "/wokingham/scorecards/"
DETAIL = "/wokingham/scorecards/cla-rate/"
# (band, children looked after, children in the area): every band given, adding up.
BANDS = [
    ("Under 1", 9, 2_000),
    ("1 to 4", 20, 8_000),
    ("5 to 9", 30, 10_000),
    ("10 to 15", 61, 12_100),
    ("16 and over", 30, 3_900),
]


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def group_row(html: str, name: str) -> list[str]:
    match = re.search(
        rf'<th scope="row" class="govuk-table__header">{name}</th>(.*?)</tr>', html, re.S
    )
    assert match, f"no row for {name}"
    return [text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)]


@pytest.fixture
def cla(authority):
    indicator = Indicator.objects.get(code="cla-rate")
    IndicatorValue.objects.create(
        indicator=indicator,
        authority=authority,
        period=Period.quarter(*Q4),
        numerator=150,
        denominator=36_000,
    )
    for band, children, population in BANDS:
        BreakdownValue.objects.create(
            indicator=indicator,
            authority=authority,
            period=Period.quarter(*Q4),
            category=BreakdownCategory.objects.get(breakdown__code="age-band", name=band),
            numerator=children,
            denominator=population,
        )
    return indicator


def test_the_scorecard_shows_each_age_band_with_its_computed_rate(officer_client, cla):
    html = officer_client.get(LIST).content.decode()
    assert "Figures by group" in html
    assert "Children looked after per 10,000 children by age band, " in html
    assert group_row(html, "Under 1") == ["45.0", "9", "2000"]  # 9 of 2,000, per 10,000
    assert group_row(html, "10 to 15") == ["50.4", "61", "12100"]
    assert group_row(html, "16 and over") == ["76.9", "30", "3900"]
    # The table in words, for those who do not read it as a table.
    assert (
        "Of the 5 groups, 16 and over has the highest figure (76.9) and 1 to 4 the lowest (25.0)."
    ) in html


def test_the_indicator_page_shows_the_latest_groups(officer_client, cla):
    html = officer_client.get(DETAIL).content.decode()
    assert "By group" in html
    assert group_row(html, "1 to 4") == ["25.0", "20", "8000"]


def test_the_public_sees_a_small_group_and_one_more_hidden(client, cla):
    html = client.get(LIST).content.decode()
    # 9 is no small number; make one that is, so the rest could give it away.
    assert group_row(html, "Under 1") == ["45.0", "9", "2000"]
    BreakdownValue.objects.filter(category__name="Under 1").update(numerator=3)
    BreakdownValue.objects.filter(category__name="1 to 4").update(numerator=26)
    html = client.get(LIST).content.decode()
    assert group_row(html, "Under 1")[:2] == ["c (not shown: a small number)"] * 2
    # With every band given they add up to the whole's 150: one more is hidden with it.
    hidden = [name for name, _, _ in BANDS if group_row(html, name)[1].startswith("c")]
    assert len(hidden) == 2 and "Under 1" in hidden
    assert "2 not shown, to protect small numbers." in html


def test_an_officer_sees_the_small_group(officer_client, cla):
    BreakdownValue.objects.filter(category__name="Under 1").update(numerator=3)
    assert group_row(officer_client.get(LIST).content.decode(), "Under 1") == ["15.0", "3", "2000"]


def test_the_scorecard_costs_the_same_with_breakdowns(
    officer_client, authority, cla, django_assert_num_queries
):
    with django_assert_num_queries(12):
        assert officer_client.get(LIST).status_code == 200
    gender = BreakdownCategory.objects.filter(breakdown__code="gender")
    for n in range(9):
        indicator = IndicatorFactory(unit="count", decimals=0)
        IndicatorValueFactory(
            indicator=indicator, authority=authority, period=Period.quarter(*Q4), reported_value=50
        )
        for category in gender:
            BreakdownValue.objects.create(
                indicator=indicator,
                authority=authority,
                period=Period.quarter(*Q4),
                category=category,
                reported_value=D(20 + n),
            )
    with django_assert_num_queries(12):
        html = officer_client.get(LIST).content.decode()
    assert html.count("by gender, ") == 9


def test_a_report_block_shows_the_groups_hiding_small_numbers_for_the_public(cla, authority):
    from scrutiny.blocks import BLOCK_TYPES, build_block

    kind = BLOCK_TYPES["indicator-breakdown"]
    choice = f"cla-rate/{Period.quarter(*Q4).pk}"
    assert kind.choices(authority) == [
        (choice, "Children looked after per 10,000 children, Q4 2014/15")
    ]
    content = build_block(authority, "indicator-breakdown", {"choice": choice}, public=False)
    (table,) = content.tables
    assert table.caption == "Children looked after per 10,000 children by age band, Q4 2014/15"
    assert table.rows[0] == ["Under 1", "45.0", "9", "2000"]
    BreakdownValue.objects.filter(category__name="Under 1").update(numerator=3)
    BreakdownValue.objects.filter(category__name="1 to 4").update(numerator=26)
    public = build_block(authority, "indicator-breakdown", {"choice": choice}, public=True)
    assert public.tables[0].rows[0] == ["Under 1", "c", "c", "2000"]
    assert sum(row[2] == "c" for row in public.tables[0].rows) == 2
    assert "2 not shown, to protect small numbers." in public.notes[0]


def test_the_figures_by_group_download_hides_for_the_public_what_the_page_hides(
    officer_client, cla
):
    from django.test import Client

    BreakdownValue.objects.filter(category__name="Under 1").update(numerator=3)
    BreakdownValue.objects.filter(category__name="1 to 4").update(numerator=26)
    url = "/wokingham/scorecards/by-group.csv?period=2014-15-q4"
    lines = officer_client.get(url).content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("council,period,indicator_code,indicator_name,unit,breakdown,group")
    assert (
        "Wokingham,Q4 2014/15,cla-rate," in lines[1]
        and ",Age band,Under 1,15.0,3,2000," in lines[1]
    )
    public = Client().get(url)  # not signed in
    assert public["Cache-Control"] == "private, no-store"
    lines = public.content.decode("utf-8-sig").splitlines()
    assert ",Age band,Under 1,c,c,2000," in lines[1]
    assert sum(",c,c," in line for line in lines) == 2
