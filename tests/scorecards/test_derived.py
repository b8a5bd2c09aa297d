"""Figures computed from stored counts: the DfE formulas, the seeds' figures, and storing them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction

from demo import load_demo
from scorecards import derived as d
from scorecards.models import Indicator, IndicatorValue
from scorecards.services import derived_periods, derived_values_store, derived_values_store_all
from scrutiny.models import Authority, Period
from tests.factories.scorecards import IndicatorFactory, IndicatorValueFactory
from tests.factories.scrutiny import AuthorityFactory
from tests.factories.workforce import (
    CaseloadFactory,
    RoleFactory,
    StaffingFigureFactory,
    StaffMovementFactory,
    TrainingCourseFactory,
    TrainingCoverageFactory,
)

D = Decimal
ROLES = (
    "First line managers",
    "Consultant practitioners",
    "Independent reviewing officers",
    "Social workers",
)
# Slough, March 2015 progress report: (total, permanent, agency, printed % permanent),
# March 2014 in brackets in the paper. Consultant practitioners 2015 as printed: 6 + 19 != 15.
SLOUGH = {
    2015: {
        "First line managers": (16, 11, 5, 69),
        "Consultant practitioners": (15, 6, 19, 40),
        "Independent reviewing officers": (7, 6, 1, 86),
        "Social workers": (77, 40, 37, 52),
    },
    2014: {
        "First line managers": (14, 6, 8, 43),
        "Consultant practitioners": (9, 5, 4, 55),
        "Independent reviewing officers": (7, 5, 2, 71),
        "Social workers": (74, 36, 38, 48),
    },
}


# The formulas ------------------------------------------------------------------------------


def test_agency_rate_and_percent_permanent_follow_the_census_formula():
    assert d.agency_rate(agency=38, employed=36) == D("51.4")
    assert d.percent_permanent(agency=38, employed=36) == D("48.6")
    assert d.agency_rate(agency=0, employed=5) == D("0.0")
    assert d.percent_permanent(agency=5, employed=0) == D("0.0")


def test_rates_round_half_up_each_from_its_exact_share():
    # 5 of 16 is exactly 31.25%; 11 of 16 exactly 68.75%: both round up, as published.
    assert d.agency_rate(agency=5, employed=11) == D("31.3")
    assert d.percent_permanent(agency=5, employed=11) == D("68.8")
    assert d.percentage(1, 8) == D("12.5")
    assert d.percentage(1, 8, decimals=0) == D("13")


@pytest.mark.parametrize(
    "result",
    [
        lambda: d.agency_rate(agency=0, employed=0),
        lambda: d.percent_permanent(agency=0, employed=0),
        lambda: d.vacancy_rate(vacancies=0, in_post=0),
        lambda: d.turnover_rate(leavers=3, in_post=0),
        lambda: d.average_caseload(cases=12, fte=0),
        lambda: d.share_trained(trained=0, in_scope=0),
        lambda: d.agency_rate(agency=None, employed=5),
        lambda: d.vacancy_rate(vacancies=None, in_post=5),
        lambda: d.turnover_rate(leavers=None, in_post=5),
        lambda: d.average_caseload(cases=None, fte=D("2.5")),
        lambda: d.share_trained(trained=None, in_scope=100),
    ],
)
def test_a_zero_or_missing_denominator_gives_no_figure_not_an_error(result):
    assert result() is None


def test_vacancy_turnover_caseload_and_training_formulas():
    assert d.vacancy_rate(vacancies=4, in_post=9) == D("30.8")
    assert d.vacancy_rate(vacancies=0, in_post=9) == D("0.0")
    assert d.turnover_rate(leavers=7, in_post=50) == D("14.0")
    assert d.average_caseload(cases=205, fte=10) == D("20.5")
    assert d.average_caseload(cases=87, fte=D("6.1"), decimals=2) == D("14.26")
    assert d.share_trained(trained=68, in_scope=100) == D("68.0")
    assert d.share_trained(trained=100, in_scope=100) == D("100.0")


def test_a_negative_count_is_an_error():
    with pytest.raises(ValueError):
        d.agency_rate(agency=-1, employed=5)


@pytest.mark.parametrize(
    ("exact", "printed", "differs"),
    [
        (D(36) * 100 / 74, D(48), True),  # 48.6 printed as 48
        (D(5) * 100 / 9, D(55), True),  # 55.6 printed as 55
        (D(11) * 100 / 16, D(69), False),  # 68.75 printed as 69
        (D("68.45"), D(68), False),  # not double-rounded through 68.5
        (D("48.6"), D("48.6"), False),
        (D("48.6"), None, False),
    ],
)
def test_a_printed_figure_is_compared_at_the_places_it_was_printed(exact, printed, differs):
    assert d.printed_differs(exact, printed) is differs


# Slough's workforce table ------------------------------------------------------------------


@pytest.fixture
def slough(db):
    authority = AuthorityFactory(name="Slough Borough Council", short_name="Slough", slug="slough")
    for order, name in enumerate(ROLES, start=1):
        role = RoleFactory(name=name, order=order, is_qualified_social_work=True)
        for year, table in SLOUGH.items():
            total, permanent, agency, printed = table[name]
            StaffingFigureFactory(
                authority=authority,
                role=role,
                as_at=dt.date(year, 3, 31),
                period=Period.month(year, 3),
                total_reported=total,
                permanent=permanent,
                agency=agency,
                vacancies=4 if (year, name) == (2014, "Consultant practitioners") else None,
                reported_percent_permanent=printed,
                source="Slough progress report, March 2015",
            )
    return authority


def _by_code(values):
    by_code = {value.indicator_code: value for value in values}
    assert len(by_code) == len(values), "one figure per indicator"
    return by_code


@pytest.mark.parametrize(
    ("year", "role", "permanent", "agency"),
    [
        (2015, "First line managers", "68.8", "31.3"),
        (2015, "Consultant practitioners", "24.0", "76.0"),
        (2015, "Independent reviewing officers", "85.7", "14.3"),
        (2015, "Social workers", "51.9", "48.1"),
        (2014, "First line managers", "42.9", "57.1"),
        (2014, "Consultant practitioners", "55.6", "44.4"),
        (2014, "Independent reviewing officers", "71.4", "28.6"),
        (2014, "Social workers", "48.6", "51.4"),
    ],
)
def test_slough_percent_permanent_per_role_comes_from_its_counts(
    slough, year, role, permanent, agency
):
    values = _by_code(d.derived_values(authority=slough, period=Period.month(year, 3)))
    kept = values[d.role_code("percent-permanent", role)]
    assert kept.value == D(permanent)
    assert values[d.role_code("agency-rate", role)].value == D(agency)
    _, counted_permanent, counted_agency, _ = SLOUGH[year][role]
    assert (kept.numerator, kept.denominator) == (
        counted_permanent,
        counted_permanent + counted_agency,
    )
    assert kept.breakdown == role
    assert kept.as_at == dt.date(year, 3, 31)
    assert kept.basis.startswith(f"Headcount at 31 March {year} as stored")
    assert kept.source == "Slough progress report, March 2015"
    assert [row.model for row in kept.source_rows] == ["workforce.StaffingFigure"]


def test_slough_social_workers_march_2014_differ_from_what_the_paper_printed(slough):
    values = _by_code(d.derived_values(authority=slough, period=Period.month(2014, 3)))
    social_workers = values["percent-permanent-social-workers"]
    assert social_workers.value == D("48.6")
    assert social_workers.printed == 48
    assert social_workers.differs_from_printed == (
        "The paper printed 48% permanent, but 36 of 74 is 48.6%."
    )
    # The same paper truncated 5 of 9 (55.6%) to 55% too.
    consultants = values["percent-permanent-consultant-practitioners"]
    assert consultants.differs_from_printed == (
        "The paper printed 55% permanent, but 5 of 9 is 55.6%."
    )
    agreeing = [
        values[d.role_code("percent-permanent", role)].differs_from_printed
        for role in ("First line managers", "Independent reviewing officers")
    ]
    assert agreeing == ["", ""]


def test_slough_consultant_practitioners_march_2015_are_flagged_twice(slough):
    values = _by_code(d.derived_values(authority=slough, period=Period.month(2015, 3)))
    consultants = values["percent-permanent-consultant-practitioners"]
    assert consultants.value == D("24.0")
    assert consultants.differs_from_printed == (
        "The paper printed 40% permanent, but 6 of 25 is 24.0%."
    )
    assert consultants.cautions == (
        "Consultant practitioners: permanent (6) + agency (19) = 25, but the total given is 15.",
    )
    printed_agreed = [
        values[d.role_code("percent-permanent", role)].differs_from_printed
        for role in ROLES
        if role != "Consultant practitioners"
    ]
    assert printed_agreed == ["", "", ""]


def test_all_roles_together_and_the_vacancy_rate_where_vacancies_are_stored(slough):
    march_2015 = _by_code(d.derived_values(authority=slough, period=Period.month(2015, 3)))
    assert march_2015["sw-agency-rate"].value == D("49.6")  # 62 of 125
    assert march_2015["sw-percent-permanent"].value == D("50.4")
    assert len(march_2015["sw-percent-permanent"].source_rows) == 4
    assert "all qualified social work roles" in march_2015["sw-agency-rate"].basis
    # The consultant practitioners' printed 19 is in the total, and the reader is told.
    assert len(march_2015["sw-agency-rate"].cautions) == 1

    march_2014 = _by_code(d.derived_values(authority=slough, period=Period.month(2014, 3)))
    assert march_2014["sw-agency-rate"].value == D("50.0")  # 52 of 104
    assert march_2014["vacancy-rate-consultant-practitioners"].value == D("30.8")  # 4 of 13
    # Vacancies are stored for one role only, so there is no rate for all roles.
    assert "sw-vacancy-rate" not in march_2014
    assert "vacancy-rate-social-workers" not in march_2014


def test_an_fte_snapshot_wins_over_headcount_in_the_same_period(db):
    authority = AuthorityFactory()
    role = RoleFactory(name="Social workers")
    StaffingFigureFactory(authority=authority, role=role, permanent=40, agency=37)
    StaffingFigureFactory(
        authority=authority, role=role, basis="fte", permanent=D("35.5"), agency=D("30.5")
    )
    values = _by_code(d.derived_values(authority=authority, period=Period.quarter(2014, 4)))
    assert values["agency-rate-social-workers"].value == D("46.2")  # 30.5 of 66
    assert values["agency-rate-social-workers"].basis.startswith("FTE at 31 March 2015")


def test_a_role_without_both_counts_gives_no_rate(db):
    authority = AuthorityFactory()
    StaffingFigureFactory(
        authority=authority, role=RoleFactory(name="Social workers"), permanent=None, agency=None
    )
    StaffingFigureFactory(
        authority=authority, role=RoleFactory(name="Managers"), permanent=0, agency=0
    )
    assert d.derived_values(authority=authority, period=Period.quarter(2014, 4)) == []


# Turnover ----------------------------------------------------------------------------------


def test_turnover_needs_a_years_leavers_for_the_same_group_ending_at_the_snapshot(db):
    authority = AuthorityFactory()
    role = RoleFactory(name="Social workers")
    StaffingFigureFactory(authority=authority, role=role, permanent=40, agency=37)
    StaffMovementFactory(
        authority=authority,
        staff_group="Social workers",
        date_from=dt.date(2014, 4, 1),
        date_to=dt.date(2015, 3, 31),
        leavers=6,
    )
    values = _by_code(d.derived_values(authority=authority, period=Period.quarter(2014, 4)))
    turnover = values["turnover-rate-social-workers"]
    assert turnover.value == D("15.0")  # 6 leavers / 40 permanent in post
    assert (turnover.numerator, turnover.denominator) == (6, 40)
    assert [row.model for row in turnover.source_rows] == [
        "workforce.StaffMovement",
        "workforce.StaffingFigure",
    ]


def test_slough_leavers_since_january_2014_give_no_turnover(db):
    # 14 leavers over fifteen months, for a group that is not one role: no DfE turnover.
    authority = AuthorityFactory()
    StaffingFigureFactory(authority=authority, role=RoleFactory(name="Social workers"))
    StaffMovementFactory(authority=authority)
    codes = {
        v.indicator_code
        for v in d.derived_values(authority=authority, period=Period.quarter(2014, 4))
    }
    assert not any(code.startswith("turnover") for code in codes)


def test_turnover_on_an_fte_snapshot_is_not_matched_to_a_count_of_leavers(db):
    authority = AuthorityFactory()
    StaffingFigureFactory(authority=authority, role=RoleFactory(name="Social workers"), basis="fte")
    StaffMovementFactory(
        authority=authority,
        staff_group="Social workers",
        date_from=dt.date(2014, 4, 1),
        date_to=dt.date(2015, 3, 31),
    )
    codes = {
        v.indicator_code
        for v in d.derived_values(authority=authority, period=Period.quarter(2014, 4))
    }
    assert "turnover-rate-social-workers" not in codes


# Caseloads and training --------------------------------------------------------------------


def test_average_caseload_computed_against_the_average_reported(db):
    agrees = CaseloadFactory(cases_held=205, case_holding_fte=10, reported_average=D("20.5"))
    differs = CaseloadFactory(cases_held=87, case_holding_fte=6, reported_average=D("14.26"))
    assert d.caseload_average(agrees).value == D("20.50")
    assert d.caseload_average(agrees).differs_from_printed == ""
    assert d.caseload_average(differs).value == D("14.50")
    assert d.caseload_average(differs).differs_from_printed == (
        "The paper printed 14.26, but 87 / 6 is 14.50."
    )


def test_a_councils_average_caseload_is_over_every_team_or_none(db):
    authority = AuthorityFactory()
    period = Period.quarter(2014, 4)
    CaseloadFactory(authority=authority, period=period, cases_held=205, case_holding_fte=10)
    CaseloadFactory(authority=authority, period=period, cases_held=87, case_holding_fte=D("6.1"))
    values = _by_code(d.derived_values(authority=authority, period=period))
    average = values["sw-average-caseload"]
    assert average.value == D("18.1")  # 292 cases / 16.1 FTE = 18.14
    assert len(average.source_rows) == 2

    CaseloadFactory(
        authority=authority,
        period=period,
        cases_held=None,
        case_holding_fte=None,
        reported_average=D("21.75"),
    )
    assert d.derived_values(authority=authority, period=period) == []


def test_slough_caseloads_reported_without_counts_stay_as_reported(db):
    authority = AuthorityFactory()
    caseload = CaseloadFactory(
        authority=authority, cases_held=None, case_holding_fte=None, reported_average=D("20.5")
    )
    assert d.caseload_average(caseload) is None
    assert caseload.average == D("20.5")
    assert d.derived_values(authority=authority, period=caseload.period) == []


def test_wokinghams_68_percent_trained_stays_reported(db):
    authority = AuthorityFactory()
    coverage = TrainingCoverageFactory(authority=authority, reported_percent=68)
    assert d.derived_values(authority=authority, period=Period.month(2018, 6)) == []
    assert coverage.percent == 68
    assert derived_periods(authority=authority) == []


def test_share_trained_from_counts_in_the_month_of_the_snapshot(db):
    authority = AuthorityFactory()
    course = TrainingCourseFactory(name="Signs of Safety 2-day basic training")
    TrainingCoverageFactory(
        authority=authority,
        course=course,
        staff_trained=153,
        staff_in_scope=225,
        reported_percent=68,
    )
    values = _by_code(d.derived_values(authority=authority, period=Period.month(2018, 6)))
    trained = values["staff-trained-signs-of-safety-2-day-basic-training"]
    assert trained.value == D("68.0")
    assert trained.differs_from_printed == ""
    assert d.derived_values(authority=authority, period=Period.quarter(2018, 1)) == []


# Storing ----------------------------------------------------------------------------------


def _catalogue(*codes, unit=Indicator.Unit.PERCENT):
    return {code: IndicatorFactory(code=code, unit=unit) for code in codes}


def _stored(authority, period, *codes):
    """The rows stored for these codes (the shipped catalogue's own are stored beside them)."""
    stored = derived_values_store(authority=authority, period=period)
    return [row for row in stored if row.indicator.code in codes]


def test_storing_is_idempotent_and_fills_the_counts(slough):
    codes = [d.role_code(m, role) for m in ("percent-permanent", "agency-rate") for role in ROLES]
    _catalogue(*codes, "sw-agency-rate", "sw-percent-permanent")
    period = Period.month(2014, 3)

    first = derived_values_store(authority=slough, period=period)
    history = IndicatorValue.history.count()
    second = derived_values_store(authority=slough, period=period)

    assert len(first) == 10
    assert [row.pk for row in second] == [row.pk for row in first]
    assert IndicatorValue.objects.filter(authority=slough).count() == 10
    assert IndicatorValue.history.count() == history  # nothing saved the second time
    row = IndicatorValue.objects.get(indicator__code="percent-permanent-social-workers")
    assert (row.numerator, row.denominator, row.reported_value) == (36, 74, 48)
    assert d.printed_difference(row) == "The paper printed 48%, but 36 of 74 is 48.6%."
    assert row.basis.startswith("Headcount at 31 March 2014 as stored, social workers")
    assert row.as_at == dt.date(2014, 3, 31)


def test_storing_follows_a_corrected_count(slough):
    _catalogue("percent-permanent-social-workers")
    period = Period.month(2014, 3)
    (row,) = _stored(slough, period, "percent-permanent-social-workers")
    slough.staffing.filter(role__name="Social workers", period=period).update(permanent=37)
    (again,) = _stored(slough, period, "percent-permanent-social-workers")
    assert again.pk == row.pk
    again.refresh_from_db()
    assert again.value == D(37) * 100 / 75


def test_a_value_reported_without_counts_is_left_untouched(slough):
    indicators = _catalogue("percent-permanent-social-workers", "agency-rate-social-workers")
    reported = IndicatorValueFactory(
        indicator=indicators["percent-permanent-social-workers"],
        authority=slough,
        period=Period.month(2014, 3),
        reported_value=48,
        basis="As printed",
    )
    stored = _stored(slough, Period.month(2014, 3), *indicators)
    assert [row.indicator.code for row in stored] == ["agency-rate-social-workers"]
    reported.refresh_from_db()
    assert (reported.numerator, reported.reported_value, reported.basis) == (None, 48, "As printed")


def test_only_catalogued_national_or_own_indicators_are_stored(slough):
    IndicatorFactory(
        code="agency-rate-social-workers", is_local=True, owner=AuthorityFactory(slug="elsewhere")
    )
    assert _stored(slough, Period.month(2014, 3), "agency-rate-social-workers") == []


def test_wokingham_turnover_reported_as_a_rate_is_never_given_counts(db):
    authority = AuthorityFactory(slug="wokingham")
    turnover = IndicatorFactory(code="sw-turnover-rate")
    reported = IndicatorValueFactory(
        indicator=turnover, authority=authority, period=Period.year(2014), reported_value=14
    )
    StaffingFigureFactory(authority=authority, role=RoleFactory(name="Social workers"))
    derived_values_store_all(authority=authority)
    reported.refresh_from_db()
    assert (reported.numerator, reported.denominator, reported.reported_value) == (None, None, 14)


# The demo -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def test_the_demo_shows_slough_per_role_as_computed_values(demo, db):
    slough = Authority.objects.get(slug="slough")

    def stored(code, year):
        return IndicatorValue.objects.get(
            authority=slough, indicator__code=code, period=Period.month(year, 3)
        )

    for year, table in SLOUGH.items():
        for role, (_, permanent, agency, _) in table.items():
            row = stored(d.role_code("percent-permanent", role), year)
            assert (row.numerator, row.denominator) == (permanent, permanent + agency)
            rate = stored(d.role_code("agency-rate", role), year)
            assert (rate.numerator, rate.denominator) == (agency, permanent + agency)
    assert d.printed_difference(stored("percent-permanent-social-workers", 2014)) == (
        "The paper printed 48%, but 36 of 74 is 48.6%."
    )
    assert stored("vacancy-rate-consultant-practitioners", 2014).computed_value is not None


def test_the_demo_keeps_the_reported_rates_as_reported(demo, db):
    wokingham = IndicatorValue.objects.filter(
        authority__slug="wokingham", indicator__code="sw-turnover-rate"
    )
    assert sorted(wokingham.values_list("reported_value", "numerator")) == [(14, None), (33, None)]
    lincolnshire = IndicatorValue.objects.get(authority__slug="lincolnshire")
    assert (lincolnshire.reported_value, lincolnshire.numerator) == (D("7.3"), None)
    timely = IndicatorValue.objects.get(
        authority__slug="slough",
        indicator__code="slough-contact-decisions-timely",
        period=Period.month(2015, 2),
    )
    assert (timely.reported_value, timely.numerator) == (D("97.2"), None)


def test_reloading_the_demo_keeps_the_derived_rows(demo, db):
    before = dict(IndicatorValue.objects.values_list("pk", "numerator"))
    load_demo()
    assert dict(IndicatorValue.objects.values_list("pk", "numerator")) == before
