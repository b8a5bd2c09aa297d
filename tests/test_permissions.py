"""Who may see what: published material for all, Part 2 only for those entitled to it."""

import pytest

from committees.models import CommitteeMembership
from scrutiny import permissions
from tests.factories.scrutiny import (
    AgendaItemFactory,
    AuthorityFactory,
    CommitteeFactory,
    MeetingFactory,
    ReportFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    return AuthorityFactory(slug="wokingham", name="Wokingham Borough Council")


@pytest.fixture
def committee(council):
    return CommitteeFactory(authority=council)


@pytest.fixture
def reports(council, committee):
    return {
        "draft": ReportFactory(authority=council, committee=committee),
        "open": ReportFactory(authority=council, committee=committee, published=True),
        "exempt": ReportFactory(
            authority=council,
            committee=committee,
            published=True,
            is_exempt=True,
            exempt_paragraph=1,
        ),
    }


def visible(user, reports):
    seen = set(permissions.reports_visible_to(user).values_list("pk", flat=True))
    return {name for name, report in reports.items() if report.pk in seen}


def test_the_public_sees_only_published_open_reports(reports):
    from django.contrib.auth.models import AnonymousUser

    assert visible(AnonymousUser(), reports) == {"open"}


def test_officers_of_the_council_see_drafts_and_part_2(council, reports):
    officer = UserFactory(role="officer", authorities=[council])
    assert visible(officer, reports) == {"draft", "open", "exempt"}


def test_officers_of_another_council_see_what_the_public_sees(reports):
    outsider = UserFactory(role="officer", authorities=[AuthorityFactory()])
    assert visible(outsider, reports) == {"open"}


def test_a_member_of_the_committee_sees_its_part_2_reports_but_not_drafts(
    council, committee, reports
):
    member = UserFactory(role="member", authorities=[council])
    CommitteeMembership.objects.create(committee=committee, user=member, name="Cllr Member")
    assert visible(member, reports) == {"open", "exempt"}


def test_a_member_who_does_not_sit_on_the_committee_does_not_see_part_2(council, reports):
    member = UserFactory(role="member", authorities=[council])
    CommitteeMembership.objects.create(
        committee=CommitteeFactory(authority=council), user=member, name="Cllr Elsewhere"
    )
    assert visible(member, reports) == {"open"}


def test_a_member_on_two_committees_sees_each_report_once(council, committee, reports):
    member = UserFactory(role="member", authorities=[council])
    CommitteeMembership.objects.create(committee=committee, user=member, name="A")
    CommitteeMembership.objects.create(committee=committee, user=member, name="A again")
    pks = list(permissions.reports_visible_to(member).values_list("pk", flat=True))
    assert len(pks) == len(set(pks)) == 2


def test_an_inactive_account_is_treated_as_the_public(council, reports):
    officer = UserFactory(role="officer", authorities=[council], is_active=False)
    assert visible(officer, reports) == {"open"}


def test_exempt_agenda_items_reach_the_committee_and_council_staff_only(council, committee):
    from django.contrib.auth.models import AnonymousUser

    item = AgendaItemFactory(
        meeting=MeetingFactory(committee=committee), is_exempt=True, exempt_paragraph=1
    )
    member = UserFactory(role="member", authorities=[council])
    CommitteeMembership.objects.create(committee=committee, user=member, name="Cllr")
    outsider_member = UserFactory(role="member", authorities=[council])
    clerk = UserFactory(role="clerk", authorities=[council])
    other_clerk = UserFactory(role="clerk", authorities=[AuthorityFactory()])
    admin = UserFactory(role="admin")

    assert permissions.can_see_exempt_item(member, item)
    assert permissions.can_see_exempt_item(clerk, item)
    assert permissions.can_see_exempt_item(admin, item)
    assert not permissions.can_see_exempt_item(AnonymousUser(), item)
    assert not permissions.can_see_exempt_item(outsider_member, item)
    assert not permissions.can_see_exempt_item(other_clerk, item)


def test_council_figures_are_for_that_councils_users(council):
    from django.contrib.auth.models import AnonymousUser

    assert permissions.can_view_data(UserFactory(authorities=[council]), council)
    assert not permissions.can_view_data(UserFactory(authorities=[AuthorityFactory()]), council)
    assert not permissions.can_view_data(AnonymousUser(), council)
    assert permissions.can_view_data(UserFactory(role="admin"), council)


def test_an_open_report_under_an_exempt_item_is_part_2(council, committee, reports):
    from django.contrib.auth.models import AnonymousUser

    AgendaItemFactory(
        meeting=MeetingFactory(committee=committee),
        report=reports["open"],
        is_exempt=True,
        exempt_paragraph=2,
    )
    assert visible(AnonymousUser(), reports) == set()
    member = UserFactory(role="member", authorities=[council])
    CommitteeMembership.objects.create(committee=committee, user=member, name="Cllr")
    assert visible(member, reports) == {"open", "exempt"}


def test_a_former_member_loses_part_2_access(council, committee, reports):
    import datetime as dt

    member = UserFactory(role="member", authorities=[council])
    CommitteeMembership.objects.create(
        committee=committee,
        user=member,
        name="Cllr Former",
        start_date=dt.date(2010, 5, 1),
        end_date=dt.date(2014, 5, 1),
    )
    item = AgendaItemFactory(
        meeting=MeetingFactory(committee=committee), is_exempt=True, exempt_paragraph=1
    )
    assert visible(member, reports) == {"open"}
    assert not permissions.can_see_exempt_item(member, item)


def test_an_exempt_item_without_a_public_title_never_shows_its_real_title():
    item = AgendaItemFactory(
        title="Placement of child X", is_exempt=True, exempt_paragraph=1, public_title=""
    )
    assert "child X" not in item.title_for_public
    assert item.title_for_public == "Exempt item (paragraph 1)"


def test_a_report_under_another_committees_exempt_item_needs_a_seat_on_that_committee(
    council, committee, reports
):
    other_committee = CommitteeFactory(authority=council)
    AgendaItemFactory(
        meeting=MeetingFactory(committee=other_committee),
        report=reports["open"],
        is_exempt=True,
        exempt_paragraph=1,
    )
    member = UserFactory(role="member", authorities=[council])
    CommitteeMembership.objects.create(committee=committee, user=member, name="Cllr")
    assert visible(member, reports) == {"exempt"}
    CommitteeMembership.objects.create(committee=other_committee, user=member, name="Cllr")
    assert visible(member, reports) == {"open", "exempt"}
