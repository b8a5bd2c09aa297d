"""The demo data: every seed paper's figures are loaded, faithfully and idempotently."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.db.models import Sum

from programmes.models import Milestone, Programme, ProgressUpdate
from scorecards.models import ComparatorValue, IndicatorValue, PracticeScore, Target
from scrutiny.demo import load_demo
from scrutiny.models import (
    AgendaItem,
    Authority,
    Committee,
    ComplaintCount,
    ContactPurpose,
    ContactVolume,
    DataQualityIssue,
    Inspection,
    Recommendation,
    RecommendationUpdate,
    Report,
    ReportSection,
    Role,
    User,
)
from workforce.models import StaffingFigure, StaffMovement, TrainingCompletion, TrainingCoverage

ALLOWED_TAGS = {"p", "ul", "ol", "li", "h3", "strong", "em", "a", "table", "thead", "tbody"}
ALLOWED_TAGS |= {"tr", "th", "td"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load once for the module, inside a transaction rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def wokingham(demo, db):
    return Authority.objects.get(slug="wokingham")


def _row_counts():
    labels = {"scrutiny", "workforce", "scorecards", "programmes"}
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in labels
    }


def test_running_it_twice_gives_identical_row_counts(demo, db):
    before = _row_counts()
    load_demo()
    assert _row_counts() == before


def test_it_records_no_audit_history_for_seed_figures(demo, db):
    assert StaffingFigure.history.count() == 0
    assert PracticeScore.history.count() == 0


def test_it_loads_the_four_councils(demo, db):
    assert set(Authority.objects.values_list("slug", flat=True)) >= {
        "wokingham",
        "wiltshire",
        "slough",
        "lincolnshire",
    }
    wokingham = Authority.objects.get(slug="wokingham")
    assert wokingham.address == "Civic Offices\nShute End\nWokingham\nRG40 1BN"
    assert wokingham.telephone == "0118 974 6091"
    assert wokingham.email == "democratic.services@wokingham.gov.uk"
    assert wokingham.chief_executive == "Andy Couldrick"
    assert wokingham.teams.get(short_name="R and A").name == "Referral and Assessment"
    assert Authority.objects.get(slug="lincolnshire").region == "east-midlands"


def test_it_loads_slough_workforce_table(demo, db):
    def figure(role, year):
        return StaffingFigure.objects.get(
            authority__slug="slough", role__name=role, as_at=dt.date(year, 3, 31)
        )

    social_workers = figure("Social workers", 2015)
    assert (social_workers.permanent, social_workers.agency) == (40, 37)
    assert social_workers.total_reported == 77
    last_year = figure("Social workers", 2014)
    assert (last_year.permanent, last_year.agency, last_year.total_reported) == (36, 38, 74)
    consultants = figure("Consultant practitioners", 2014)
    assert (consultants.total_reported, consultants.vacancies) == (9, 4)
    # Loaded as printed, not corrected: 6 + 19 against a total of 15.
    consultants_now = figure("Consultant practitioners", 2015)
    assert (consultants_now.permanent, consultants_now.agency) == (6, 19)
    assert consultants_now.problems


def test_it_loads_slough_starters_and_leavers(demo, db):
    movement = StaffMovement.objects.get(authority__slug="slough")
    assert (movement.starters, movement.leavers, movement.net_change) == (22, 14, 8)
    reasons = dict(movement.leaver_reasons.values_list("reason", "count"))
    assert reasons["Performance was being monitored"] == 7
    assert reasons["Retired"] == 3
    assert movement.leavers_without_reason == 1


def test_it_loads_caseloads_as_reported_averages(demo, db):
    slough = Authority.objects.get(slug="slough")
    averages = sorted(c.reported_average for c in slough.caseloads.all())
    assert averages == [Decimal("14.26"), Decimal("20.5"), Decimal("21.75")]
    assert not slough.caseloads.filter(cases_held__isnull=False).exists()
    target = Target.objects.get(authority=slough, indicator__code="slough-average-caseload")
    assert target.value == 16
    here4u = Authority.objects.get(slug="wokingham").caseloads.get(team__short_name="Here 4 U")
    assert here4u.reported_average == 12


def test_it_loads_wokingham_complaints_by_stage(wokingham):
    counts = ComplaintCount.objects.filter(authority=wokingham, period__start_year=2014)
    by_stage = dict(counts.values_list("stage").annotate(total=Sum("count")))
    assert [by_stage[s] for s in ("early", "stage-1", "stage-2", "lgo", "out-of-scope")] == [
        19,
        9,
        2,
        0,
        1,
    ]
    assert sum(by_stage.values()) == 31
    # A blank cell stays absent rather than becoming 0.
    assert not counts.filter(team__short_name="Ambleside", stage="stage-2").exists()
    earlier = ComplaintCount.objects.filter(authority=wokingham, period__start_year=2013)
    assert set(earlier.values_list("stage", flat=True)) == {"all"}
    assert earlier.aggregate(total=Sum("count"))["total"] == 29
    assert wokingham.compliments.aggregate(total=Sum("count"))["total"] == 24
    assert wokingham.complaint_themes.count() == 3


def test_item_18_is_urgent_with_a_reason(wokingham):
    item = AgendaItem.objects.get(meeting__committee__authority=wokingham, number=18)
    assert item.is_urgent and item.urgent_reason
    assert item.meeting.date == dt.date(2015, 7, 21)
    assert item.meeting.is_published
    assert item.report.title == "Children's Social Care Annual Review"
    assert item.report.is_published


def test_it_loads_the_cover_sheet_and_blank_financial_rows(wokingham):
    report = Report.objects.get(authority=wokingham, title="Innovations Programme")
    assert report.contact_telephone == "0118 908 8227"
    assert report.recommendation == "That the Innovations Programme is noted."
    assert report.committee.name == "Children's Services Overview and Scrutiny Committee"
    assert report.financial_context.startswith("The Council faces severe financial challenges")
    rows = list(report.financial_rows.values_list("year", "cost", "revenue_or_capital"))
    assert rows == [(1, None, ""), (2, None, ""), (3, None, "")]


def test_report_sections_are_ordered_narrative_in_simple_html(demo, db):
    sections = ReportSection.objects.all()
    assert sections.count() > 40
    assert set(sections.values_list("kind", flat=True)) == {"narrative"}
    for body in sections.values_list("body", flat=True):
        assert set(re.findall(r"</?([a-z0-9]+)", body)) <= ALLOWED_TAGS
    review = Report.objects.get(title="Children's Social Care Annual Review")
    headings = list(review.sections.values_list("heading", flat=True))
    assert headings.index("4. Last inspections grades") < headings.index("9. Recommendations")
    complaints = review.sections.get(heading="7.9 Complaints and compliments")
    assert "<td>Various Children&#x27;s Teams</td>" in complaints.body


def test_it_loads_inspection_grades(wokingham):
    protection = Inspection.objects.get(authority=wokingham, start_date=dt.date(2012, 11, 12))
    assert protection.end_date == dt.date(2012, 11, 21)
    assert set(protection.judgements.values_list("grade", flat=True)) == {"adequate"}
    fostering = Inspection.objects.get(authority=wokingham, start_date=dt.date(2013, 1, 8))
    assert fostering.judgements.get(judgement="Leadership and management").grade == "adequate"
    adoption = Inspection.objects.get(authority=wokingham, start_date=dt.date(2011, 2, 17))
    assert adoption.judgements.filter(grade="outstanding").count() == 2
    assert wokingham.inspections.count() == 4


def test_it_loads_recommendations_with_their_status(wokingham):
    updates = RecommendationUpdate.objects.filter(recommendation__authority=wokingham)
    assert updates.count() == 14
    assert updates.filter(status="achieved").count() == 7
    send = updates.get(note__contains="SEND")
    assert send.status == "partially"
    assert send.note == "Partially Achieved. SEND reforms met"
    focus = Recommendation.objects.filter(authority=wokingham, period__start_year=2015)
    bridges = focus.filter(team__name="Bridges")
    assert bridges.count() == 3
    assert bridges.first().rationale
    overall = focus.filter(area="Overall (service-wide)")
    assert overall.count() == 11


def test_it_loads_wiltshire_audit_and_contact_volumes(demo, db):
    wiltshire = Authority.objects.get(slug="wiltshire")
    volumes = ContactVolume.objects.filter(authority=wiltshire)
    assert volumes.aggregate(total=Sum("count"))["total"] == 4616
    assert volumes.get(channel="phone").count == 3735
    assert set(volumes.values_list("measure", flat=True)) == {"monthly-average"}
    calls = ContactPurpose.objects.filter(authority=wiltshire, channel="phone")
    assert sorted(calls.values_list("percent", flat=True)) == [14, 19, 59]
    audit = wiltshire.audits.get(cases_audited=14)
    assert audit.period.start == dt.date(2012, 9, 1)
    assert audit.actions.count() == 4
    bulletin = Report.objects.get(authority=wiltshire)
    assert bulletin.kind == "bulletin" and bulletin.is_published


def test_it_loads_training_as_the_papers_state_it(wokingham):
    completions = TrainingCompletion.objects.filter(authority=wokingham)
    basic = completions.get(course__name="Signs of Safety 2-day basic training")
    assert basic.completed == 72 and basic.date_from == dt.date(2018, 9, 1)
    leaders = completions.filter(course__name="Signs of Safety 5-day practice leader training")
    assert sorted(leaders.values_list("completed", flat=True)) == [15, 50]
    coverage = TrainingCoverage.objects.get(authority=wokingham)
    assert coverage.percent == 68
    lincolnshire = TrainingCompletion.objects.filter(authority__slug="lincolnshire")
    enhanced = lincolnshire.get(course__name="Signs of Safety 5-day enhanced training")
    assert (enhanced.completed, enhanced.planned) == (155, 65)


def test_illustrative_scores_are_flagged_illustrative(wokingham):
    scores = PracticeScore.objects.filter(aspect__scorecard__authority=wokingham)
    assert scores.count() == 7 * 8
    assert not scores.filter(is_illustrative=False).exists()

    def gain(aspect):
        rows = scores.filter(aspect__name=aspect).order_by("assessed_on")
        return rows.last().score - rows.first().score

    others = {"Use of scaling questions", "Danger statements and safety goals"}
    assert gain("Use of trajectories in plans") > max(gain(name) for name in others)


def test_it_loads_indicator_values_and_comparators(demo, db):
    def value(slug, code, year, month=None):
        rows = IndicatorValue.objects.filter(authority__slug=slug, indicator__code=code)
        rows = rows.filter(period__start__year=year)
        if month:
            rows = rows.filter(period__kind="month", period__number=month)
        return rows.get().reported_value

    assert value("slough", "slough-contact-decisions-timely", 2015, 1) == Decimal("85.4")
    assert value("slough", "slough-contact-decisions-timely", 2015, 2) == Decimal("97.2")
    assert value("slough", "slough-referral-decisions-timely", 2015, 2) == Decimal("75.3")
    assert value("wokingham", "sw-turnover-rate", 2013) == 33
    turnover = IndicatorValue.objects.get(authority__slug="lincolnshire")
    assert turnover.reported_value == Decimal("7.3") and turnover.numerator is None
    england = ComparatorValue.objects.get(indicator=turnover.indicator, period=turnover.period)
    assert england.kind == "england" and england.value == 16
    troubled = IndicatorValue.objects.get(indicator__code="troubled-families-turned-around")
    assert troubled.reported_value == 260
    assert Target.objects.get(indicator=troubled.indicator).value == 248


def test_it_loads_the_programmes(demo, db):
    pip = Programme.objects.get(authority__slug="lincolnshire")
    assert pip.end_date == dt.date(2020, 3, 31)
    assert pip.funding_mechanism == "Section 31 grant"
    project = pip.projects.get(number=3)
    assert project.project_manager == "Nicky Myers/ Tracey Evans"
    assert project.senior_lead == "Jo Kavanagh/ Andy Cook"
    assert pip.metrics.get(description__startswith="Frontline staff trained").value == 1120
    front_door = pip.milestones.get(title__contains="interim front door")
    assert front_door.due_date == dt.date(2018, 7, 25)
    eip2 = Programme.objects.get(authority__slug="wokingham", slug="eip2")
    assert eip2.start_date == dt.date(2017, 9, 29)
    steps = eip2.milestones.filter(kind=Milestone.Kind.NEXT_STEP)
    assert set(steps.values_list("due_label", flat=True)) == {
        "December 2018",
        "End November 2018",
        "June 2019",
    }
    updates = ProgressUpdate.objects.filter(programme__authority__slug="slough")
    assert updates.count() == 4
    assert all(u.done and u.impact and u.going_forward for u in updates)


def test_it_records_the_seeds_data_quality_problems(demo, db):
    subjects = {
        slug: list(
            DataQualityIssue.objects.filter(authority__slug=slug).values_list("subject", flat=True)
        )
        for slug in ("wokingham", "slough", "lincolnshire")
    }
    assert any("19 agency against a total of 15" in s for s in subjects["slough"])
    assert any("48%" in s for s in subjects["slough"])
    assert any("29" in s and "28" in s for s in subjects["wokingham"])
    assert any("different teams" in s for s in subjects["wokingham"])
    assert any("Percentages" in s for s in subjects["wokingham"])
    assert any("7 and 8" in s for s in subjects["lincolnshire"])


@pytest.mark.parametrize("username", ["officer", "approver", "clerk", "member", "admin"])
def test_demo_users_sign_in_with_password_demo(demo, db, client, username):
    assert client.login(username=username, password="demo")
    user = User.objects.get(username=username)
    assert user.role == getattr(Role, username.upper())
    assert user.authorities.count() == 4


def test_admin_is_a_superuser_and_member_sits_on_every_committee(demo, db):
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert not User.objects.get(username="officer").is_staff
    member = User.objects.get(username="member")
    committees = Committee.objects.filter(authority__slug__in=["wokingham", "slough"])
    for committee in committees:
        assert committee.memberships.filter(user=member).count() == 1


def test_the_command_prints_a_summary(demo, db):
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert "Demo data loaded" in out.getvalue()
    assert "password: demo" in out.getvalue()
