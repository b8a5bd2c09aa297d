"""The national indicator catalogue every install has, its formulas and coverage, the
close-to-target rating, and the page where a council chooses what it reports."""

import re
from decimal import Decimal as D

import pytest

from scorecards.catalogue import NATIONAL, coverage_from
from scorecards.derived.codes import is_derived
from scorecards.models import Indicator, ReportedIndicator, Target
from scorecards.rag import Rag, rag_against, rag_for
from tests.factories.scorecards import IndicatorFactory
from tests.factories.scrutiny import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]

ISSUE_CODES = {
    "cin-rate",
    "cpp-rate",
    "cla-rate",
    "re-referral-rate",
    "repeat-cp-plans",
    "cp-plans-2-years",
    "assessments-within-45-days",
    "icpc-within-15-days",
    "cla-3-placements",
    "cla-same-placement-2-years",
    "care-leavers-eet",
    "care-leavers-suitable-accommodation",
    "sw-turnover-rate",
    "sw-agency-rate",
    "sw-vacancy-rate",
    "sw-average-caseload",
}
URL = "/wokingham/scorecards/catalogue/"


def test_the_catalogue_ships_every_indicator_the_issue_names_with_its_unit_coverage_and_source():
    shipped = Indicator.objects.filter(code__in=ISSUE_CODES, is_local=False)
    assert set(shipped.values_list("code", flat=True)) == ISSUE_CODES
    assert {row["code"] for row in NATIONAL} == ISSUE_CODES
    for indicator in shipped:
        assert indicator.coverage in Indicator.Coverage.values, indicator.code
        assert indicator.source.startswith("Department for Education"), indicator.code
        assert indicator.definition, indicator.code
    rates = {i.code: i.multiplier for i in shipped.filter(unit=Indicator.Unit.RATE)}
    assert rates == {"cin-rate": 10_000, "cpp-rate": 10_000, "cla-rate": 10_000}
    assert Indicator.objects.get(code="care-leavers-eet").multiplier == 100
    assert Indicator.objects.get(code="sw-average-caseload").multiplier == 1


def test_the_one_formula_gives_a_rate_per_10000_a_percentage_and_a_days_figure():
    # 273 children of 22,600 is 120.8 per 10,000 (the issue's report printed 0.0).
    cin = Indicator.objects.get(code="cin-rate")
    assert cin.value_from_counts(273, 22_600) == D(273) * 10_000 / D(22_600)
    assert round(cin.value_from_counts(273, 22_600), 1) == D("120.8")
    eet = Indicator.objects.get(code="care-leavers-eet")
    assert eet.value_from_counts(41, 80) == D("51.25")
    days = IndicatorFactory(code="days-to-adoption", unit=Indicator.Unit.DAYS)
    assert days.value_from_counts(4_650, 10) == D(465)


@pytest.mark.parametrize(
    "basis,coverage",
    [
        ("Financial year", "financial-year"),
        ("FTE, leavers in the year to 30 September", "rolling-12"),
        ("FTE at 30 September", "snapshot"),
        ("Cumulative, Troubled Families programme phase 1", "year-to-date"),
        ("Q3 only", "quarter"),
        ("As the paper gave it", ""),
    ],
)
def test_a_typed_basis_reads_as_the_coverage_it_names_or_none(basis, coverage):
    assert coverage_from(basis) == coverage


@pytest.mark.parametrize(
    "value,rag",
    [
        ("100", Rag.GREEN),
        ("105", Rag.GREEN),
        ("95", Rag.GREEN),
        ("105.1", Rag.AMBER),
        ("92", Rag.AMBER),
        ("108", Rag.AMBER),
        ("108.1", Rag.RED),
        ("91.9", Rag.RED),
    ],
)
def test_close_to_target_is_green_within_the_band_either_side(value, rag):
    assert rag_for(D(value), D(100), D(3), "close", band=D(5)) is rag


def test_close_to_target_is_rated_in_words_through_the_indicators_target():
    indicator = IndicatorFactory(code="cla-close", polarity=Indicator.Polarity.CLOSE, decimals=1)
    target = Target(indicator=indicator, value=D(60), tolerance=D(5), band=D(2))
    assert rag_against(D("61.96"), target, indicator).label == "Green"  # 62.0 as printed
    assert rag_against(D("66"), target, indicator).label == "Amber"
    assert rag_against(D("52"), target, indicator).label == "Red"


def test_only_the_council_choice_of_workforce_figures_is_computed():
    assert is_derived("sw-agency-rate") and is_derived("vacancy-rate-social-workers")
    assert not is_derived("cin-rate")


def _reported(authority) -> list[str]:
    chosen = ReportedIndicator.objects.filter(authority=authority)
    return list(chosen.values_list("indicator__code", flat=True))


def _checked(html: str) -> set[str]:
    return {
        label
        for value, label in re.findall(
            r'<input[^>]*value="(\d+)"[^>]*checked[^>]*>\s*<label[^>]*>\s*([^<(]+?)\s*\(', html
        )
    }


def test_an_officer_chooses_the_councils_catalogue_indicators(client, authority, officer):
    client.force_login(officer)
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'class="govuk-checkboxes__input"' in html
    assert "Children in need per 10,000 children" in html
    assert _checked(html) == set()

    cin, eet = (Indicator.objects.get(code=c) for c in ("cin-rate", "care-leavers-eet"))
    response = client.post(URL, {"indicators": [cin.pk, eet.pk]})
    assert response.status_code == 302
    assert set(_reported(authority)) == {"cin-rate", "care-leavers-eet"}
    assert _checked(client.get(URL).content.decode()) == {
        "Children in need per 10,000 children",
        "Care leavers in education, employment or training",
    }
    client.post(URL, {"indicators": [eet.pk]})
    assert _reported(authority) == ["care-leavers-eet"]


def test_choosing_nothing_or_a_local_measure_is_refused_in_the_error_summary(
    client, authority, officer, other_authority
):
    client.force_login(officer)
    response = client.post(URL, {})
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html and html.count("Select the national indicators") == 2
    assert "<title>Error:" in html.replace("\n", "").replace("  ", "")
    elsewhere = IndicatorFactory(code="their-own", is_local=True, owner=other_authority)
    response = client.post(URL, {"indicators": [elsewhere.pk]})
    assert "Select indicators from the list" in response.content.decode()
    assert not ReportedIndicator.objects.exists()


def test_a_member_or_another_councils_officer_cannot_choose(client, authority, other_authority):
    client.force_login(UserFactory(role="member", authorities=[authority]))
    assert client.get(URL).status_code == 403
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.post(URL, {}).status_code in (403, 404)
    assert not ReportedIndicator.objects.exists()
