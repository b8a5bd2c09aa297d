"""Breakdowns: the controlled lists ship with every install; a council picks the breakdowns
it reports for an indicator; the officer enters each group in "Indicators by group", the
groups checked against the whole council's figure, and nothing saved when a rule refuses."""

from decimal import Decimal as D

import pytest

from returns.models import ReturnSection
from scorecards.models import (
    Breakdown,
    BreakdownValue,
    Indicator,
    IndicatorValue,
    ReportedBreakdown,
    ReportedIndicator,
)
from scrutiny.models import Period
from tests.factories.returns import section_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue", "breakdown_lists")]

URL = "/wokingham/returns/2014-15-q4/breakdowns/"
CHOOSE = "/wokingham/scorecards/catalogue/breakdowns/"
CLA = "Children looked after per 10,000 children"
BANDS = ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"]


def row(band: str) -> str:
    return f"{CLA}, age band: {band}"


@pytest.fixture
def cla(authority):
    indicator = Indicator.objects.get(code="cla-rate")
    ReportedIndicator.objects.create(authority=authority, indicator=indicator)
    return indicator


@pytest.fixture
def by_age(cla, authority):
    return ReportedBreakdown.objects.create(
        authority=authority, indicator=cla, breakdown=Breakdown.objects.get(code="age-band")
    )


def test_the_age_bands_ship_with_the_departments_names():
    age = Breakdown.objects.get(code="age-band")
    assert [c.name for c in age.categories.order_by("order")] == BANDS
    assert set(Breakdown.objects.values_list("code", flat=True)) >= {
        "age-band",
        "gender",
        "ethnicity",
        "placement-type",
        "legal-status",
    }


def test_a_council_chooses_the_breakdowns_it_reports_for_an_indicator(
    as_user, officer, authority, cla
):
    client = as_user(officer)
    html = client.get(CHOOSE).content.decode()
    assert CLA in html and "Placement type" in html
    age, gender = (Breakdown.objects.get(code=c) for c in ("age-band", "gender"))
    response = client.post(CHOOSE, {f"indicator-{cla.pk}": [str(age.pk), str(gender.pk)]})
    assert response.status_code == 302
    chosen = set(
        ReportedBreakdown.objects.filter(authority=authority).values_list(
            "breakdown__code", flat=True
        )
    )
    assert chosen == {"age-band", "gender"}
    client.post(CHOOSE, {f"indicator-{cla.pk}": [str(age.pk)]})
    assert ReportedBreakdown.objects.filter(authority=authority).count() == 1


def test_a_breakdown_not_on_the_list_is_refused_next_to_the_indicator(as_user, officer, cla):
    response = as_user(officer).post(CHOOSE, {f"indicator-{cla.pk}": ["999999"]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and "Select breakdowns from the list" in html
    assert not ReportedBreakdown.objects.exists()


def test_a_member_may_not_choose_breakdowns(as_user, member, cla):
    assert as_user(member).get(CHOOSE).status_code == 403


def whole(authority, cla, numerator, denominator):
    IndicatorValue.objects.create(
        indicator=cla,
        authority=authority,
        period=Period.quarter(2014, 4),
        numerator=numerator,
        denominator=denominator,
    )


def test_each_age_band_is_entered_as_counts_and_shown_as_its_rate(
    as_user, draft, officer, authority, by_age, cla
):
    whole(authority, cla, 150, 36_000)
    client = as_user(officer)
    html = client.get(URL).content.decode()
    assert "Indicators by group" in html and row("16 and over") in html
    cells = {(row("Under 1"), "numerator"): "9", (row("Under 1"), "denominator"): "2,000"}
    cells |= {(row("10 to 15"), "numerator"): "61", (row("10 to 15"), "denominator"): "12,100"}
    response = client.post(URL, section_post(draft, "breakdowns", cells))
    assert response.status_code == 302, response.content.decode()
    values = {
        v.category.name: v for v in BreakdownValue.objects.filter(period=Period.quarter(2014, 4))
    }
    assert set(values) == {"Under 1", "10 to 15"}
    assert values["Under 1"].value == D("45")  # 9 of 2,000 children, per 10,000
    assert round(values["10 to 15"].value, 1) == D("50.4")


def test_groups_adding_up_to_more_than_the_whole_are_refused_naming_the_row(
    as_user, draft, officer, authority, by_age, cla
):
    whole(authority, cla, 20, 36_000)
    cells = {(row("Under 1"), "numerator"): "9", (row("Under 1"), "denominator"): "2,000"}
    cells |= {(row("1 to 4"), "numerator"): "14", (row("1 to 4"), "denominator"): "8,000"}
    response = as_user(officer).post(URL, section_post(draft, "breakdowns", cells))
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert (
        f"{CLA} by age band: the numerators of the groups add up to 23, more than the 20 "
        "for the whole council"
    ) in html
    assert not BreakdownValue.objects.exists()  # nothing half-saved


def test_every_group_given_must_add_up_to_the_whole(
    as_user, draft, officer, authority, by_age, cla
):
    whole(authority, cla, 100, 36_000)
    cells = {}
    for band, n, d in zip(
        BANDS, (5, 20, 20, 30, 20), (2000, 8000, 10000, 12000, 4000), strict=True
    ):
        cells |= {(row(band), "numerator"): str(n), (row(band), "denominator"): str(d)}
    response = as_user(officer).post(URL, section_post(draft, "breakdowns", cells))
    html = response.content.decode()
    assert (
        f"{CLA} by age band: the numerators of every group add up to 95, but the whole "
        "council&#x27;s is 100; they must be equal"
    ) in html
    assert not BreakdownValue.objects.exists()
    cells[(row("Under 1"), "numerator")] = "10"
    response = as_user(officer).post(URL, section_post(draft, "breakdowns", cells))
    assert response.status_code == 302, response.content.decode()
    assert BreakdownValue.objects.count() == 5


def test_a_started_return_has_the_section(draft):
    assert draft.sections.filter(key="breakdowns", status=ReturnSection.Status.NOT_STARTED).exists()
