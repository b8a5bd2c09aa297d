"""Which kinds of data block a council is offered: those it has figures for, found in one
query however many kinds there are."""

import pytest
from django.urls import reverse

from scrutiny.blocks import BLOCK_TYPES, block_types_with_choices
from scrutiny.models import Period
from tests.factories.programmes import ProgrammeFactory
from tests.factories.scorecards import (
    BreakdownValueFactory,
    IndicatorValueFactory,
    PracticeScorecardFactory,
)
from tests.factories.scrutiny import (
    AuditFactory,
    ComplaintCountFactory,
    ComplaintThemeFactory,
    ComplimentFactory,
    ContactVolumeFactory,
    InspectionFactory,
    RecommendationFactory,
    ReportFactory,
)
from tests.factories.workforce import (
    CaseloadFactory,
    StaffingFigureFactory,
    StaffMovementFactory,
    TrainingCompletionFactory,
    TrainingCoverageFactory,
)


def figures_for_every_kind(authority) -> None:
    """One row of each kind's figures: enough for every kind to have a choice."""
    StaffingFigureFactory(authority=authority)
    StaffMovementFactory(authority=authority)
    CaseloadFactory(authority=authority)
    TrainingCoverageFactory(authority=authority)
    IndicatorValueFactory(authority=authority)
    BreakdownValueFactory(authority=authority)
    PracticeScorecardFactory(authority=authority)
    ComplaintCountFactory(authority=authority)
    ComplaintThemeFactory(authority=authority)
    ComplimentFactory(authority=authority)
    ContactVolumeFactory(authority=authority)
    InspectionFactory(authority=authority)
    AuditFactory(authority=authority)
    RecommendationFactory(authority=authority)
    ProgrammeFactory(authority=authority)


def with_choices(authority) -> set[str]:
    """The kinds with choices, asking each kind for its choices in turn."""
    return {key for key, kind in BLOCK_TYPES.items() if kind.choices(authority)}


def test_a_council_without_figures_is_offered_no_kind(authority):
    assert block_types_with_choices(authority) == []


def test_a_council_with_every_kind_of_figure_is_offered_every_kind_in_order(
    authority, other_authority, django_assert_num_queries
):
    figures_for_every_kind(authority)
    assert with_choices(authority) == set(BLOCK_TYPES)
    with django_assert_num_queries(1):
        offered = block_types_with_choices(authority)
    assert offered == list(BLOCK_TYPES.values())
    assert block_types_with_choices(other_authority) == []  # another council's figures


@pytest.mark.parametrize(
    "make",
    [
        # Each kind's figures alone: the one query and the kinds' own choices agree.
        lambda a: StaffingFigureFactory(authority=a),
        lambda a: StaffMovementFactory(authority=a),
        lambda a: CaseloadFactory(authority=a),
        lambda a: TrainingCoverageFactory(authority=a),
        lambda a: TrainingCompletionFactory(authority=a, period=Period.year(2018)),
        lambda a: TrainingCompletionFactory(authority=a),  # no period: no year to choose
        lambda a: IndicatorValueFactory(authority=a),
        lambda a: PracticeScorecardFactory(authority=a),
        lambda a: ComplaintCountFactory(authority=a),
        lambda a: ComplaintThemeFactory(authority=a),
        lambda a: ComplimentFactory(authority=a),
        lambda a: ContactVolumeFactory(authority=a),
        lambda a: InspectionFactory(authority=a),
        lambda a: AuditFactory(authority=a),
        lambda a: RecommendationFactory(authority=a),
        lambda a: ProgrammeFactory(authority=a),
    ],
)
def test_the_kinds_offered_are_those_with_choices(authority, make):
    make(authority)
    assert {kind.key for kind in block_types_with_choices(authority)} == with_choices(authority)


def choose_url(report):
    return reverse(
        "committees:report_block_choose",
        kwargs={"authority": report.authority.slug, "pk": report.pk},
    )


@pytest.fixture
def report(authority, committee, officer):
    return ReportFactory(authority=authority, committee=committee, created_by=officer)


def test_the_page_offers_only_the_kinds_the_council_has_figures_for(officer_client, report):
    ComplimentFactory(authority=report.authority)
    page = officer_client.get(choose_url(report)).content.decode()
    assert 'value="compliments"' in page
    assert 'value="audit"' not in page


def test_the_page_costs_the_same_for_one_kind_and_for_every_kind(
    officer_client, report, django_assert_num_queries
):
    ComplimentFactory(authority=report.authority)
    # savepoint and release, council, session, user, report, the kinds with choices, and
    # five times the user's place at the council (may read its figures, write reports,
    # handle them, change this one; the navigation)
    with django_assert_num_queries(8):
        assert officer_client.get(choose_url(report)).status_code == 200
    figures_for_every_kind(report.authority)
    with django_assert_num_queries(8):
        page = officer_client.get(choose_url(report)).content.decode()
    assert all(f'value="{key}"' in page for key in BLOCK_TYPES)
    with django_assert_num_queries(8):  # no page drawn, so no navigation
        step = officer_client.post(choose_url(report), {"block": "audit"})
    assert step.status_code == 302
