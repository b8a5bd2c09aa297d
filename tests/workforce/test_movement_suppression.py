"""Starters and leavers are hidden from the public by the one small-numbers rule, as staff in
post are: a count of 1 to the threshold becomes "c" in the public block (which a report, its
pack and its table downloads print from), with whatever else would give it away (starters =
leavers + net change; the leavers by reason and with no reason add up to the leavers);
officers see every figure."""

import datetime as dt
import re

import pytest
from django.conf import settings

from scrutiny.blocks.registry import build_block
from tests.factories.scrutiny import AuthorityFactory
from workforce.models import LeaverReason, StaffMovement
from workforce.public import hidden_movement_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    return AuthorityFactory(slug="moves", name="Moves Council", short_name="Moves")


def movement(council, group, starters, leavers, reasons=()):
    row = StaffMovement.objects.create(
        authority=council,
        staff_group=group,
        date_from=dt.date(2015, 1, 1),
        date_to=dt.date(2015, 3, 31),
        starters=starters,
        leavers=leavers,
    )
    for order, (reason, count) in enumerate(reasons, start=1):
        LeaverReason.objects.create(movement=row, order=order, reason=reason, count=count)
    return row


def cells(content):
    (table,) = content.tables
    labels = [column["label"] for column in table.columns]
    # The staff group's cell is a link: keyed by its text.
    return {
        re.sub(r"<[^>]+>", "", row[0]): dict(zip(labels, row, strict=True)) for row in table.rows
    }


def test_the_public_block_hides_small_starters_and_leavers_and_what_gives_them_away(council):
    assert settings.SUPPRESSION_THRESHOLD >= 2
    movement(council, "Social workers", 12, 2, [("Moved away", 1), ("Retired", 1)])
    movement(council, "Team managers", 10, 9, [("Promoted", 6)])
    params = {"choice": "2015-01-01/2015-03-31"}
    officers = cells(build_block(council, "starters-leavers", params, public=False))
    public = cells(build_block(council, "starters-leavers", params, public=True))

    assert officers["Social workers"]["Leavers"] == "2"
    assert officers["Social workers"]["Net change"] == "+10"
    assert public["Social workers"]["Leavers"] == "c"
    # 12 - 10 would give the 2 away: the net change (or the starters) goes too.
    assert "c" in (public["Social workers"]["Starters"], public["Social workers"]["Net change"])
    assert "Moved away: c" in public["Social workers"]["Leavers by reason"]
    assert "Retired: c" in public["Social workers"]["Leavers by reason"]

    # 9 leavers, 6 promoted, 3 with no reason: the 3 is hidden, and so is another figure of
    # the sum, so that 9 - 6 cannot tell it.
    assert officers["Team managers"]["No reason given"] == "3"
    assert public["Team managers"]["No reason given"] == "c"
    assert "c" in (
        public["Team managers"]["Leavers"],
        public["Team managers"]["Leavers by reason"],
    )

    # Only hidden cells differ.
    for group, row in public.items():
        for label, cell in row.items():
            assert cell == officers[group][label] or "c" in cell, (group, label)


def test_nothing_small_nothing_hidden(council):
    row = movement(council, "Social workers", 20, 12, [("Moved away", 6), ("Retired", 6)])
    assert row.leavers_without_reason == 0  # zero names no one
    assert hidden_movement_counts([row], settings.SUPPRESSION_THRESHOLD) == set()


def test_the_public_caseloads_block_hides_a_small_count_of_childrens_cases(council):
    from scrutiny.models import Period, Team
    from workforce.models import Caseload

    period = Period.year(2014)
    small = Team.objects.create(authority=council, name="Here 4 U")
    large = Team.objects.create(authority=council, name="Ambleside")
    Caseload.objects.create(
        authority=council, team=small, period=period, cases_held=4, case_holding_fte=2
    )
    Caseload.objects.create(
        authority=council, team=large, period=period, cases_held=60, case_holding_fte=4
    )
    params = {"choice": str(period.pk)}
    officers = cells(build_block(council, "caseloads", params, public=False))
    public = cells(build_block(council, "caseloads", params, public=True))
    assert (officers["Here 4 U"]["Cases held"], officers["Here 4 U"]["Average caseload"]) == (
        "4",
        "2",
    )
    # The average times the FTE shown would give the 4 back: both go, the FTE stays.
    assert (public["Here 4 U"]["Cases held"], public["Here 4 U"]["Average caseload"]) == ("c", "c")
    assert public["Here 4 U"]["Workers holding cases (FTE)"] == "2"
    assert public["Ambleside"] == officers["Ambleside"]


def test_the_public_training_block_hides_small_counts_of_staff_and_the_share_from_them(council):
    from scrutiny.models import Period
    from workforce.models import TrainingCompletion, TrainingCourse, TrainingCoverage

    course = TrainingCourse.objects.create(name="Signs of Safety")
    period = Period.year(2014)
    TrainingCompletion.objects.create(
        authority=council, course=course, period=period, staff_group="Managers", completed=3
    )
    TrainingCompletion.objects.create(
        authority=council, course=course, period=period, staff_group="Social workers", completed=40
    )
    TrainingCoverage.objects.create(
        authority=council,
        course=course,
        as_at=dt.date(2015, 3, 31),
        staff_group="Managers",
        staff_trained=4,
        staff_in_scope=20,
    )
    params = {"choice": "2014"}
    officers = build_block(council, "training", params, public=False)
    public = build_block(council, "training", params, public=True)
    done, share = ({row[1]: row for row in table.rows} for table in public.tables)
    all_done, all_share = ({row[1]: row for row in table.rows} for table in officers.tables)
    assert "3" in all_done["Managers"] and "c" in done["Managers"]
    assert done["Social workers"] == all_done["Social workers"]
    # 4 of 20 trained: the 4 goes, and the 20.0% that would give it back with the 20.
    assert "4" in all_share["Managers"] and "20.0%" in all_share["Managers"]
    assert share["Managers"].count("c") == 2 and "20" in share["Managers"]
