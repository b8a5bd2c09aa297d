"""Roles are per council: a person may approve in one council and only read in another, and an
officer limited to a service area of one council is not limited in the next (issue 14)."""

import pytest
from django.urls import reverse

from committees.models import Report
from returns.forms import Row
from returns.models import QuarterlyReturn
from returns.services import return_start, return_submit, section_save
from scrutiny import permissions
from scrutiny.models import CouncilRole, Period, UserRole
from tests.factories.scrutiny import (
    AuthorityFactory,
    ReportFactory,
    ServiceAreaFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def councils():
    return AuthorityFactory(slug="aville", short_name="Aville"), AuthorityFactory(
        slug="beeton", short_name="Beeton"
    )


@pytest.fixture
def person(councils):
    """Approver at Aville, committee member at Beeton."""
    a, b = councils
    return UserFactory(username="pat", roles={a: UserRole.APPROVER, b: UserRole.MEMBER})


def submitted_return(council):
    officer = UserFactory(role="officer", authorities=[council])
    quarterly_return = return_start(
        authority=council, period=Period.quarter(2014, 4), started_by=officer
    )
    for section in quarterly_return.sections.all():
        section_save(
            section=section, saved_by=officer, expected_version=section.version, status="completed"
        )
    return return_submit(quarterly_return=quarterly_return, submitted_by=officer)


def test_the_roles_are_read_per_council(councils, person):
    a, b = councils
    assert permissions.roles_in(person, a) == {UserRole.APPROVER}
    assert permissions.roles_in(person, b) == {UserRole.MEMBER}
    assert permissions.can_view_data(person, a) and permissions.can_view_data(person, b)
    assert permissions.is_council_staff(person, a) and not permissions.is_council_staff(person, b)
    assert list(permissions.visible_authorities(person).order_by("slug")) == [a, b]


def test_approving_a_return_by_post_works_in_one_council_and_is_refused_in_the_other(
    client, councils, person
):
    a, b = councils
    client.force_login(person)
    for council, allowed in ((a, True), (b, False)):
        submitted = submitted_return(council)
        url = reverse("returns:detail", kwargs={"authority": council.slug, "period": "2014-15-q4"})
        page = client.get(url)
        assert page.status_code == 200  # both councils' returns are theirs to read
        assert ('value="approve"' in page.content.decode()) is allowed
        response = client.post(url, {"action": "approve"})
        submitted.refresh_from_db()
        if allowed:
            assert response.status_code == 302
            assert submitted.status == QuarterlyReturn.Status.APPROVED
        else:
            assert response.status_code == 403
            assert submitted.status == QuarterlyReturn.Status.SUBMITTED


def test_approving_a_report_follows_the_role_in_the_reports_council(councils, person):
    a, b = councils
    for council, allowed in ((a, True), (b, False)):
        report = ReportFactory(authority=council, status=Report.Status.SUBMITTED)
        assert permissions.can_approve_report(person, report) is allowed
        assert permissions.can_write_reports(person, council) is allowed


def test_a_draft_report_is_open_to_them_only_where_they_are_staff(councils, person):
    a, b = councils
    drafts = [ReportFactory(authority=c, status=Report.Status.DRAFT) for c in (a, b)]
    assert list(permissions.reports_visible_to(person, Report.objects.all())) == drafts[:1]


def test_an_officer_limited_to_an_area_in_one_council_is_not_limited_in_another(councils):
    a, b = councils
    theirs, other = ServiceAreaFactory(authority=a), ServiceAreaFactory(authority=a)
    elsewhere = ServiceAreaFactory(authority=b)
    officer = UserFactory(username="olly", role="officer", authorities=[a, b])
    officer.service_areas.set([theirs])

    def may(council, area):
        row = Row("team-1", "A team", area.pk)
        return permissions.may_edit_return_row(officer, council, row, by_team=True)

    assert permissions.return_service_areas(officer, a) == {theirs.pk}
    assert may(a, theirs) and not may(a, other)
    assert permissions.return_service_areas(officer, b) is None
    assert may(b, elsewhere)


def test_an_approver_in_the_same_council_is_never_limited(councils):
    a, _ = councils
    area = ServiceAreaFactory(authority=a)
    user = UserFactory(username="both", roles={a: [UserRole.OFFICER, UserRole.APPROVER]})
    user.service_areas.set([area])
    assert permissions.return_service_areas(user, a) is None


def test_a_council_administrator_reads_figures_but_not_part_2_or_drafts(councils):
    a, _ = councils
    admin = UserFactory(username="ada", role=UserRole.COUNCIL_ADMIN, authorities=[a])
    assert permissions.can_administer_council(admin, a)
    assert permissions.can_view_data(admin, a)
    assert not permissions.can_handle_reports(admin, a)
    draft = ReportFactory(authority=a, status=Report.Status.DRAFT)
    assert draft not in permissions.reports_visible_to(admin, Report.objects.all())


def test_a_role_is_one_of_the_known_roles_and_held_once(councils, person):
    from django.db import IntegrityError, transaction

    a, _ = councils
    with pytest.raises(IntegrityError), transaction.atomic():
        CouncilRole.objects.create(user=person, authority=a, role=UserRole.APPROVER)
    with pytest.raises(IntegrityError), transaction.atomic():
        CouncilRole.objects.create(user=person, authority=a, role="overlord")
