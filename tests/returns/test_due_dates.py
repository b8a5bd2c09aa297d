"""When a council's returns are due: its rule (days after the quarter ends, 30 by default)
and any quarter's own date, set by its administrator on a set-up page (issue 14, item 5)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from returns.due_dates import QuarterDueDate, ReturnSchedule, due_dates, quarter_in_hand
from scrutiny.models import Period, UserRole
from tests.factories.scrutiny import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, authority):
    client.force_login(
        UserFactory(username="ada", role=UserRole.COUNCIL_ADMIN, authorities=[authority])
    )
    return client


def page_url(authority):
    return reverse("returns:due_dates", kwargs={"authority": authority.slug})


def in_hand():
    return quarter_in_hand(timezone.localdate())


def field(quarter):
    return "due_{}_q{}".format(*quarter)


def test_a_quarter_is_due_thirty_days_after_it_ends_unless_the_council_says_otherwise(
    authority,
):
    dues = due_dates([authority.pk])
    assert dues.due(authority.pk, (2026, 1)) == dt.date(2026, 7, 30)
    assert dues.due(authority.pk, (2026, 4)) == dt.date(2027, 4, 30)
    ReturnSchedule.objects.create(authority=authority, days_after_quarter=45)
    QuarterDueDate.objects.create(
        authority=authority, period=Period.quarter(2026, 2), due=dt.date(2026, 11, 2)
    )
    dues = due_dates([authority.pk])
    assert dues.due(authority.pk, (2026, 1)) == dt.date(2026, 8, 14)
    assert dues.due(authority.pk, (2026, 2)) == dt.date(2026, 11, 2)


def test_the_administrator_sets_the_rule_and_a_quarters_own_date(admin_client, authority):
    page = admin_client.get(page_url(authority))
    html = page.content.decode()
    assert page.status_code == 200
    assert "How many days after a quarter ends is its return due?" in html
    assert 'value="30"' in html

    quarter = in_hand()
    own = Period.bounds(Period.Kind.QUARTER, *quarter)[1] + dt.timedelta(days=50)
    response = admin_client.post(
        page_url(authority), {"days_after_quarter": "40", field(quarter): own.isoformat()}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("setup:task_list", kwargs={"authority": authority.slug})
    assert ReturnSchedule.objects.get(authority=authority).days_after_quarter == 40
    assert QuarterDueDate.objects.get(authority=authority).due == own

    # Emptying the quarter's date puts it back on the rule.
    admin_client.post(page_url(authority), {"days_after_quarter": "40", field(quarter): ""})
    assert not QuarterDueDate.objects.exists()


def test_bad_input_is_reported_next_to_its_field_and_nothing_is_saved(admin_client, authority):
    quarter = in_hand()
    ends = Period.bounds(Period.Kind.QUARTER, *quarter)[1]
    response = admin_client.post(
        page_url(authority), {"days_after_quarter": "0", field(quarter): ends.isoformat()}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: When returns are due" in html
    assert "There is a problem" in html
    assert "The number of days must be between 1 and 365" in html
    label = Period.quarter(*quarter).label
    assert f"The due date for {label} must be after the quarter ends on {ends:%-d %B %Y}" in html
    assert f'href="#id_{field(quarter)}"' in html
    assert not ReturnSchedule.objects.exists() and not QuarterDueDate.objects.exists()

    response = admin_client.post(page_url(authority), {"days_after_quarter": "thirty"})
    assert "Enter the number of days as a whole number, like 30" in response.content.decode()
    assert 'value="thirty"' in response.content.decode()  # what was typed is kept


def test_it_is_a_set_up_step_done_once_the_rule_is_saved(admin_client, authority):
    task_list = reverse("setup:task_list", kwargs={"authority": authority.slug})

    def status():
        html = admin_client.get(task_list).content.decode()
        found = re.search(r'id="step-return-due-dates-status">(.*?)</div>', html, re.S)
        return re.sub(r"<[^>]+>", "", found[1]).strip()

    assert status() == "Incomplete"
    admin_client.post(page_url(authority), {"days_after_quarter": "30"})
    assert status() == "Completed"


def test_only_the_councils_administrators_set_due_dates(client, authority):
    for role in ("officer", "approver", "clerk", "member"):
        client.force_login(UserFactory(role=role, authorities=[authority]))
        assert client.get(page_url(authority)).status_code == 403
        assert client.post(page_url(authority), {"days_after_quarter": "9"}).status_code == 403
    assert not ReturnSchedule.objects.exists()
