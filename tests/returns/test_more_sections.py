"""The sections beyond workforce, complaints and contacts: each stores what is typed, refuses
what breaks its rules with the row named, and survives hostile posts with nothing saved."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.models import Audit, ComplaintTheme, Compliment
from committees.models import RecommendationUpdate
from programmes.models import Milestone, ProgressMetric, ProgressUpdate
from returns.models import ReturnSection
from returns.sections import sections
from scorecards.models import (
    Breakdown,
    BreakdownValue,
    IndicatorValue,
    PracticeScore,
    ReportedBreakdown,
)
from scrutiny.models import Period
from tests.factories.programmes import (
    MilestoneFactory,
    ProgrammeFactory,
    ProgressMetricFactory,
    ProjectFactory,
)
from tests.factories.returns import section_of, section_post
from tests.factories.scorecards import (
    IndicatorFactory,
    IndicatorValueFactory,
    PracticeAspectFactory,
    PracticeScorecardFactory,
)
from tests.factories.scrutiny import ComplaintThemeFactory, RecommendationFactory, TeamFactory
from tests.factories.workforce import CaseloadFactory, TrainingCourseFactory
from workforce.models import Caseload, LeaverReason, StaffMovement, TrainingCompletion

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("breakdown_lists")]

URL = "/wokingham/returns/2014-15-q4/{}/"
AMBLESIDE = "Ambleside Social Work Team"
STORED = [
    StaffMovement,
    LeaverReason,
    Caseload,
    TrainingCompletion,
    PracticeScore,
    IndicatorValue,
    BreakdownValue,
    ComplaintTheme,
    Compliment,
    Audit,
    ProgressUpdate,
    ProgressMetric,
    RecommendationUpdate,
]


def stored():
    return [model.objects.count() for model in STORED] + [
        list(Milestone.objects.values_list("status", "completed_on"))
    ]


@pytest.fixture
def everything(authority, teams, roles):
    """One of each thing a section has a row for."""
    TrainingCourseFactory(name="Signs of Safety 2-day basic training")
    scorecard = PracticeScorecardFactory(authority=authority, name="Signs of Safety score card")
    for order in range(1, 8):
        PracticeAspectFactory(scorecard=scorecard, order=order, name=f"Aspect {order}")
    indicator = IndicatorFactory(code="timely", name="Assessments in time", unit="percent")
    IndicatorValueFactory(
        indicator=indicator,
        authority=authority,
        period=Period.quarter(2014, 3),
        numerator=40,
        denominator=50,
        reported_value=None,
    )
    ReportedBreakdown.objects.create(
        authority=authority, indicator=indicator, breakdown=Breakdown.objects.get(code="gender")
    )
    programme = ProgrammeFactory(authority=authority, short_name="PiP", start_date=None)
    ProjectFactory(programme=programme, number=1, name="Family group conferencing")
    ProgressMetricFactory(programme=programme, description="Staff trained", value=900)
    MilestoneFactory(programme=programme, title="Launch the hub")
    RecommendationFactory(authority=authority, text="Reduce agency use", reference="R1")


def post(client, draft, slug, cells=None, status="in-progress", **fields):
    return client.post(URL.format(slug), section_post(draft, slug, cells, status=status, **fields))


def summary(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', html)


def test_starters_and_leavers_with_reasons_are_stored_and_reasons_cannot_exceed_leavers(
    as_user, draft, officer, everything
):
    client = as_user(officer)
    cells = {
        ("Social workers", "starters"): "5",
        ("Social workers", "leavers"): "3",
        ("Social workers", "reason_retired"): "2",
        ("Social workers", "reason_family"): "2",
    }
    response = post(client, draft, "starters-leavers", cells)
    assert summary(response) == [
        "Left: retired (2) and left: family reasons (2) make 4, more than the 3 leavers given"
    ]
    assert StaffMovement.objects.count() == 0
    cells[("Social workers", "reason_family")] = "1"
    assert post(client, draft, "starters-leavers", cells).status_code == 302
    movement = StaffMovement.objects.get()
    assert (movement.starters, movement.leavers, movement.date_from) == (
        5,
        3,
        dt.date(2015, 1, 1),
    )
    assert dict(movement.leaver_reasons.values_list("reason", "count")) == {
        "Retired": 2,
        "Family reasons": 1,
    }


def test_caseloads_need_workers_for_the_cases_and_show_last_quarter(
    as_user, draft, officer, authority, teams, everything
):
    CaseloadFactory(
        authority=authority, team=teams[0], period=Period.quarter(2014, 3), cases_held=80
    )
    client = as_user(officer)
    page = client.get(URL.format("caseloads")).content.decode()
    assert 'id="id_rows-0-cases_held-previous">Last quarter: 80<' in page
    response = post(client, draft, "caseloads", {(AMBLESIDE, "cases_held"): "84"})
    assert summary(response) == ["Enter the workers holding the 84 cases for " + AMBLESIDE]
    cells = {(AMBLESIDE, "cases_held"): "84", (AMBLESIDE, "case_holding_fte"): "5.5"}
    assert post(client, draft, "caseloads", cells).status_code == 302
    caseload = Caseload.objects.get(period=Period.quarter(2014, 4))
    assert (caseload.cases_held, caseload.case_holding_fte) == (84, Decimal("5.5"))


def test_training_completions_are_stored_per_course(as_user, draft, officer, everything):
    course = "Signs of Safety 2-day basic training"
    response = post(as_user(officer), draft, "training", {(course, "completed"): "72"})
    assert response.status_code == 302
    assert TrainingCompletion.objects.get().completed == 72


def test_practice_scores_must_lie_on_the_score_cards_scale(as_user, draft, officer, everything):
    client = as_user(officer)
    response = post(client, draft, "practice", {("1. Aspect 1", "score"): "11"})
    assert summary(response) == ["Average score for 1. Aspect 1 must be between 0 and 10"]
    assert post(client, draft, "practice", {("1. Aspect 1", "score"): "5.4"}).status_code == 302
    assert PracticeScore.objects.get().score == Decimal("5.4")


def test_an_indicator_numerator_cannot_exceed_its_denominator_and_its_commentary_explains_a_move(
    as_user, draft, officer, everything
):
    client = as_user(officer)
    row = "Assessments in time"
    response = post(
        client, draft, "indicators", {(row, "numerator"): "60", (row, "denominator"): "50"}
    )
    assert summary(response) == [
        "Numerator for Assessments in time (60) cannot be more than the denominator (50)"
    ]
    # 80% last quarter, 20% now: a far move needs explaining before the section is complete...
    cells = {(row, "numerator"): "10", (row, "denominator"): "50"}
    response = post(client, draft, "indicators", cells, status="completed")
    assert "Explain why 1 figure moved by more than half since last quarter" in summary(response)[0]
    # ... and the indicator's own commentary does.
    cells[(row, "commentary")] = "A new team started."
    assert post(client, draft, "indicators", cells, status="completed").status_code == 302
    value = IndicatorValue.objects.get(period=Period.quarter(2014, 4))
    assert (value.numerator, value.denominator, value.commentary) == (10, 50, "A new team started.")


def test_complaint_themes_are_added_in_blank_rows_and_a_repeated_theme_is_named(
    as_user, draft, officer, authority, everything
):
    ComplaintThemeFactory(authority=authority, period=Period.quarter(2014, 4), theme="Delays")
    client = as_user(officer)
    cells = {("New theme 1", "theme"): "delays", ("New theme 1", "action"): "Weekly review"}
    response = post(client, draft, "complaint-themes", cells)
    assert summary(response) == ["delays is entered more than once: enter each theme once"]
    response = post(client, draft, "complaint-themes", {("New theme 2", "context"): "Letters"})
    assert summary(response) == ["Enter the theme for New theme 2"]
    cells = {("New theme 1", "theme"): "Communication", ("New theme 1", "action"): "Training"}
    assert post(client, draft, "complaint-themes", cells).status_code == 302
    assert list(ComplaintTheme.objects.values_list("order", "theme", "action")) == [
        (1, "Delays", "Training has been provided."),
        (2, "Communication", "Training"),
    ]


def test_compliments_by_team(as_user, draft, officer, everything):
    cells = {(AMBLESIDE, "count"): "4", (AMBLESIDE, "received_from"): "A parent"}
    assert post(as_user(officer), draft, "compliments", cells).status_code == 302
    assert list(Compliment.objects.values_list("team__name", "count", "received_from")) == [
        (AMBLESIDE, 4, "A parent")
    ]


def test_an_audit_completed_outside_the_quarter_is_refused_and_findings_are_kept_by_line(
    as_user, draft, officer, everything
):
    client = as_user(officer)
    row = "New audit 1"
    cells = {
        (row, "title"): "Children in need audit",
        (row, "completed_on_day"): "3",
        (row, "completed_on_month"): "4",
        (row, "completed_on_year"): "2015",
        (row, "cases_audited"): "14",
        (row, "improvements"): "Plans lack dates\nVoice of the child missing",
        (row, "actions"): "Workshop for managers",
    }
    response = post(client, draft, "audits", cells)
    assert summary(response) == [
        "Completed on for Children in need audit must be between 1 January 2015 and 31 March 2015"
    ]
    assert 'value="Children in need audit"' in response.content.decode()
    cells[(row, "completed_on_month")] = "3"
    assert post(client, draft, "audits", cells).status_code == 302
    audit = Audit.objects.get()
    assert audit.completed_on == dt.date(2015, 3, 3)
    assert list(audit.findings.values_list("order", "kind", "text")) == [
        (1, "improvement", "Plans lack dates"),
        (2, "improvement", "Voice of the child missing"),
    ]
    assert list(audit.actions.values_list("text", flat=True)) == ["Workshop for managers"]


def test_a_red_or_amber_project_needs_a_commentary_before_the_section_is_completed(
    as_user, draft, officer, everything
):
    client = as_user(officer)
    row = "PiP: 1. Family group conferencing"
    cells = {(row, "rag"): "amber", (row, "done"): "Recruited two coordinators"}
    response = post(client, draft, "programmes", cells, status="completed")
    assert summary(response) == [
        "Explain the red or amber RAG before you mark the section as completed"
    ]
    assert "RAG for PiP: 1. Family group conferencing: Amber" in response.content.decode()
    assert ProgressUpdate.objects.count() == 0
    response = post(
        client, draft, "programmes", cells, status="completed", commentary="Recruitment is slow."
    )
    assert response.status_code == 302
    assert ProgressUpdate.objects.get().rag == "amber"
    assert section_of(draft, "programmes").status == ReturnSection.Status.COMPLETED


def test_metrics_milestones_and_recommendations_are_stored(as_user, draft, officer, everything):
    client = as_user(officer)
    assert (
        post(client, draft, "metrics", {("PiP: Staff trained", "value"): "1120"}).status_code == 302
    )
    assert ProgressMetric.objects.get(period=Period.quarter(2014, 4)).value == 1120
    row = "PiP: Launch the hub"
    response = post(
        client,
        draft,
        "milestones",
        {
            (row, "completed_on_day"): "2",
            (row, "completed_on_month"): "2",
            (row, "completed_on_year"): "2015",
        },
    )
    assert summary(response) == [
        "PiP: Launch the hub has a completion date, so its status must be Done"
    ]
    response = post(
        client,
        draft,
        "milestones",
        {
            (row, "status"): "done",
            (row, "completed_on_day"): "2",
            (row, "completed_on_month"): "2",
            (row, "completed_on_year"): "2015",
        },
    )
    assert response.status_code == 302
    assert list(Milestone.objects.values_list("status", "completed_on")) == [
        ("done", dt.date(2015, 2, 2))
    ]
    row = "R1: Reduce agency use"
    response = post(client, draft, "recommendations", {(row, "status"): "achieved-ish"})
    assert summary(response) == [
        "Status for R1: Reduce agency use must be one of: Achieved, Partially achieved, "
        "Not achieved, In progress"
    ]
    cells = {(row, "status"): "partially", (row, "note"): "Down to 30%"}
    assert post(client, draft, "recommendations", cells).status_code == 302
    update = RecommendationUpdate.objects.get()
    assert (update.status, update.note, update.recorded_by) == ("partially", "Down to 30%", officer)


def test_a_percentage_metric_refuses_a_value_or_a_target_above_100(
    as_user, draft, officer, everything
):
    ProgressMetricFactory(
        programme=ProgressMetric.objects.get().programme,
        description="Plans in the new format",
        unit=ProgressMetric.Unit.PERCENT,
        value=40,
    )
    client = as_user(officer)
    before = stored()
    row = "PiP: Plans in the new format"
    response = post(client, draft, "metrics", {(row, "value"): "101", (row, "target"): "150"})
    assert summary(response) == [
        "Value of PiP: Plans in the new format must be between 0 and 100",
        "Target of PiP: Plans in the new format must be between 0 and 100",
    ]
    assert stored() == before
    response = post(client, draft, "metrics", {(row, "value"): "64", (row, "target"): "100"})
    assert response.status_code == 302
    saved = ProgressMetric.objects.get(period=Period.quarter(2014, 4))
    assert (saved.value, saved.target) == (64, 100)


HOSTILE = [
    "9" * 40,
    "-5",
    "DROP TABLE",
    "١٢٣\u202e\U0001f600",
    "1e5000",
    "nan",
    "1\x00",
    "x" * 5000,
]


@pytest.mark.parametrize(
    "slug", [s for s in sections() if s not in {"workforce", "complaints", "contacts"}]
)
def test_hostile_values_in_every_box_never_give_a_server_error_or_a_partial_save(
    as_user, draft, officer, everything, slug
):
    client = as_user(officer)
    clean = section_post(draft, slug, status="completed")
    boxes = [
        name
        for name in clean
        if name.startswith("rows-") and not name.endswith("-key") and name[5].isdigit()
    ]
    assert boxes
    # Every hostile value in the first box; then each box meets one of them in turn.
    tries = [(boxes[0], value) for value in HOSTILE] + [
        (box, HOSTILE[n % len(HOSTILE)]) for n, box in enumerate(boxes)
    ]
    for box, value in tries:
        data = dict(clean, **{box: value})
        before = stored()
        response = client.post(URL.format(slug), data)
        assert response.status_code in (200, 302), (box, value)
        if response.status_code == 200:
            assert stored() == before, (box, value)
        else:
            # Accepted as text: the next try starts from the new version.
            clean = section_post(draft, slug, status="completed")


@pytest.mark.parametrize("slug", ["caseloads", "compliments", "recommendations", "audits"])
def test_a_section_page_costs_the_same_queries_however_many_rows(
    as_user, draft, officer, authority, everything, slug
):
    client = as_user(officer)
    client.get(URL.format(slug))
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL.format(slug)).status_code == 200
    for n in range(5):
        TeamFactory(authority=authority, name=f"Extra team {n}")
        RecommendationFactory(authority=authority, text=f"Recommendation {n}")
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL.format(slug)).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


TYPED = {
    "workforce": {
        ("Social workers", "permanent"): "10",
        ("Social workers", "agency"): "4",
        ("Social workers", "total_reported"): "14",
    },
    "starters-leavers": {
        ("Social workers", "starters"): "5",
        ("Social workers", "leavers"): "3",
        ("Social workers", "reason_retired"): "2",
    },
    "complaints": {(AMBLESIDE, "stage_early"): "1"},
    "contacts": {("Telephone calls", "count"): "30"},
}


def history_rows(slug: str) -> int:
    return sum(tracked.model.history.count() for tracked in sections()[slug].tracked)


@pytest.mark.parametrize("slug", sorted(TYPED))
def test_saving_a_section_again_unchanged_adds_no_history(
    as_user, draft, officer, everything, slug
):
    client = as_user(officer)
    assert post(client, draft, slug, TYPED[slug]).status_code == 302
    after_first = history_rows(slug)
    assert after_first > 0, "the first save stored nothing"
    assert post(client, draft, slug, {}).status_code == 302
    assert history_rows(slug) == after_first


def test_last_quarter_and_last_year_are_found_at_the_quarters_last_month(
    as_user, officer, authority, teams, everything
):
    # History loaded against months: December 2014 is Q3 2014/15, March 2014 Q4 2013/14.
    for period, cases in ((Period.month(2014, 12), 80), (Period.month(2014, 3), 70)):
        CaseloadFactory(authority=authority, team=teams[0], period=period, cases_held=cases)
    page = as_user(officer).get(URL.format("caseloads")).content.decode()
    assert 'id="id_rows-0-cases_held-previous">Last quarter: 80<br>Last year: 70<' in page
