"""Rules the database itself enforces, whatever code writes to it."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from assurance import models as a
from committees import models as c
from programmes.models import Programme, Risk
from scorecards.models import ComparatorValue, Indicator, IndicatorValue
from scrutiny import models as m
from tests.factories.scrutiny import (
    AgendaItemFactory,
    AuthorityFactory,
    ReportFactory,
    TeamFactory,
)
from tests.factories.workforce import StaffingFigureFactory
from workforce.models import TrainingCourse, TrainingCoverage

pytestmark = pytest.mark.django_db


def refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


@pytest.fixture
def year():
    return m.Period.year(2014)


def test_a_team_counts_complaints_once_per_stage_and_period(year):
    team = TeamFactory()
    a.ComplaintCount.objects.create(
        authority=team.authority, period=year, team=team, stage="stage-1", count=2
    )
    refused(
        lambda: a.ComplaintCount.objects.create(
            authority=team.authority, period=year, team=team, stage="stage-1", count=3
        )
    )


def test_a_complaint_count_is_never_negative(year):
    team = TeamFactory()
    refused(
        lambda: a.ComplaintCount.objects.create(
            authority=team.authority, period=year, team=team, stage="stage-1", count=-1
        )
    )


def test_a_complaint_stage_must_be_a_real_stage(year):
    team = TeamFactory()
    refused(
        lambda: a.ComplaintCount.objects.create(
            authority=team.authority, period=year, team=team, stage="stage-9", count=1
        )
    )


def test_an_inspection_grade_must_be_a_real_grade():
    inspection = a.Inspection.objects.create(
        authority=AuthorityFactory(), service_inspected="Fostering", start_date=dt.date(2013, 1, 8)
    )
    refused(
        lambda: a.InspectionJudgement.objects.create(
            inspection=inspection, judgement="Overall effectiveness", grade="brilliant"
        )
    )


def test_an_inspection_cannot_end_before_it_starts():
    refused(
        lambda: a.Inspection.objects.create(
            authority=AuthorityFactory(),
            service_inspected="Protection",
            start_date=dt.date(2012, 11, 21),
            end_date=dt.date(2012, 11, 12),
        )
    )


def test_an_exempt_item_must_cite_a_schedule_12a_paragraph():
    refused(lambda: AgendaItemFactory(is_exempt=True, exempt_paragraph=None))
    refused(lambda: AgendaItemFactory(is_exempt=True, exempt_paragraph=8))
    assert AgendaItemFactory(is_exempt=True, exempt_paragraph=1).pk


def test_an_urgent_item_must_record_why():
    refused(lambda: AgendaItemFactory(is_urgent=True, urgent_reason=""))
    assert AgendaItemFactory(is_urgent=True, urgent_reason="Chairman agreed: annual review").pk


def test_a_published_report_has_a_publication_time():
    refused(lambda: ReportFactory(status=c.Report.Status.PUBLISHED, published_at=None))


def test_a_report_has_at_most_three_financial_years():
    report = ReportFactory()
    refused(lambda: c.FinancialImplication.objects.create(report=report, year=4))


def test_staffing_counts_are_never_negative():
    refused(lambda: StaffingFigureFactory(agency=-1))


def test_staffing_is_one_row_per_role_date_and_basis():
    row = StaffingFigureFactory()
    refused(
        lambda: StaffingFigureFactory(
            authority=row.authority, role=row.role, as_at=row.as_at, basis=row.basis
        )
    )


def test_a_share_of_staff_trained_is_a_percentage():
    course = TrainingCourse.objects.create(name="Signs of Safety 2-day")
    refused(
        lambda: TrainingCoverage.objects.create(
            authority=AuthorityFactory(),
            course=course,
            as_at=dt.date(2018, 6, 30),
            reported_percent=120,
        )
    )


def test_more_staff_cannot_be_trained_than_are_in_scope():
    course = TrainingCourse.objects.create(name="Signs of Safety 5-day")
    refused(
        lambda: TrainingCoverage.objects.create(
            authority=AuthorityFactory(),
            course=course,
            as_at=dt.date(2018, 6, 30),
            staff_trained=11,
            staff_in_scope=10,
        )
    )


def test_a_contact_purpose_share_is_a_percentage(year):
    refused(
        lambda: a.ContactPurpose.objects.create(
            authority=AuthorityFactory(),
            period=year,
            channel="phone",
            purpose="x",
            percent=101,
        )
    )


@pytest.fixture
def indicator():
    return Indicator.objects.create(
        code="turnover",
        name="Turnover",
        definition="Leavers / in post",
        area="workforce",
        unit="percent",
        polarity="lower",
    )


def test_an_indicator_value_needs_a_figure(indicator, year):
    refused(
        lambda: IndicatorValue.objects.create(
            indicator=indicator, authority=AuthorityFactory(), period=year
        )
    )


def test_an_indicator_denominator_is_never_zero(indicator, year):
    refused(
        lambda: IndicatorValue.objects.create(
            indicator=indicator,
            authority=AuthorityFactory(),
            period=year,
            numerator=1,
            denominator=0,
        )
    )


def test_an_indicator_has_one_value_per_council_and_period(indicator, year):
    authority = AuthorityFactory()
    IndicatorValue.objects.create(
        indicator=indicator, authority=authority, period=year, reported_value=14
    )
    refused(
        lambda: IndicatorValue.objects.create(
            indicator=indicator, authority=authority, period=year, reported_value=33
        )
    )


def test_a_computed_percentage_comes_from_its_counts(indicator, year):
    value = IndicatorValue.objects.create(
        indicator=indicator,
        authority=AuthorityFactory(),
        period=year,
        numerator=6,
        denominator=25,
        reported_value=99,
    )
    assert value.value == 24


def test_an_england_comparator_names_no_region_or_council(indicator, year):
    refused(
        lambda: ComparatorValue.objects.create(
            indicator=indicator, period=year, kind="england", region="south-east", value=16
        )
    )
    refused(
        lambda: ComparatorValue.objects.create(
            indicator=indicator, period=year, kind="region", value=16
        )
    )


def test_a_risk_is_scored_one_to_five():
    programme = Programme.objects.create(
        authority=AuthorityFactory(), name="PiP", slug="pip", kind="pip"
    )
    refused(lambda: Risk.objects.create(programme=programme, title="x", likelihood=6, impact=1))
    assert Risk.objects.create(programme=programme, title="y", likelihood=4, impact=5).score == 20


def test_an_indicator_may_not_take_the_code_of_another_page():
    from django.core.exceptions import ValidationError

    indicator = Indicator(
        code="practice", name="x", definition="x", area="practice", unit="score", polarity="higher"
    )
    with pytest.raises(ValidationError, match="address of another page"):
        indicator.full_clean()
