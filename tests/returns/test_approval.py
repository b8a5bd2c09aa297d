"""Publication asks each block kind which dates its choice covers, and refuses the figures of
a quarter whose return is not yet approved, whatever the kind's choice looks like: a snapshot
date, a span of two dates, a period by its id, a financial year or a period's slug."""

import pytest
from django.utils import timezone

from returns.models import QuarterlyReturn
from scrutiny.blocks import BLOCK_TYPES, provisional_reason
from scrutiny.models import Period
from tests.factories.scorecards import IndicatorFactory, IndicatorValueFactory

pytestmark = pytest.mark.django_db

PROVISIONAL = (
    "its figures for Q4 2014/15 are provisional: that quarter's return is draft, not yet approved"
)


def choices(q4: Period, q3: Period) -> dict[str, tuple[str, str]]:
    """For each kind entered through the return: a choice inside Q4 2014/15 and one outside."""
    return {
        "workforce": ("2015-03-31", "2014-12-31"),
        "starters-leavers": ("2015-01-01/2015-03-31", "2014-10-01/2014-12-31"),
        "caseloads": (str(q4.pk), str(q3.pk)),
        "contacts": (str(q4.pk), str(q3.pk)),
        "training": ("2014", "2013"),
        "complaints": ("2014", "2013"),
        "complaint-themes": ("2014", "2013"),
        "compliments": ("2014", "2013"),
        "indicator-table": (q4.slug, q3.slug),
        "indicator-breakdown": (f"cla-rate/{q4.pk}", f"cla-rate/{q3.pk}"),
    }


@pytest.fixture
def periods(authority):
    q4, q3 = Period.quarter(2014, 4), Period.quarter(2014, 3)
    indicator = IndicatorFactory()
    for period in (q4, q3):
        IndicatorValueFactory(indicator=indicator, authority=authority, period=period)
    return q4, q3


def test_every_kind_entered_through_the_return_says_what_dates_its_choice_covers(periods):
    assert {key for key, kind in BLOCK_TYPES.items() if kind.span} == set(KINDS)
    assert set(choices(*periods)) == set(KINDS)


KINDS = [
    "caseloads",
    "complaint-themes",
    "complaints",
    "compliments",
    "contacts",
    "indicator-breakdown",
    "indicator-table",
    "starters-leavers",
    "training",
    "workforce",
]


@pytest.mark.parametrize("key", KINDS)
def test_a_draft_quarters_figures_are_provisional_in_every_kind_and_others_are_not(
    authority, periods, officer, approver, key
):
    inside, outside = choices(*periods)[key]
    draft = QuarterlyReturn.objects.create(authority=authority, period=periods[0])
    assert provisional_reason(authority, key, inside) == PROVISIONAL
    assert provisional_reason(authority, key, outside) == ""
    now = timezone.now()
    QuarterlyReturn.objects.filter(pk=draft.pk).update(
        status=QuarterlyReturn.Status.LOCKED,
        submitted_by=officer,
        submitted_at=now,
        approved_by=approver,
        approved_at=now,
    )
    assert provisional_reason(authority, key, inside) == ""
