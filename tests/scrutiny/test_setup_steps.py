"""The set-up steps apps own: targets for a year, the council's own indicators, committees and
their members (issue 14, item 1). Each refuses bad input next to its field, saves nothing
half-way, and completes its step on the task list once its data is there."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committees.models import Committee, CommitteeMembership
from scorecards.catalogue.targets import financial_years
from scorecards.models import Indicator, ReportedIndicator, Target
from scrutiny.models import Period, UserRole
from tests.factories.scorecards import IndicatorFactory, TargetFactory
from tests.factories.scrutiny import AuthorityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    return AuthorityFactory(slug="reading", name="Reading Borough Council", short_name="Reading")


@pytest.fixture
def admin_client(client, council):
    client.force_login(
        UserFactory(username="ada", role=UserRole.COUNCIL_ADMIN, authorities=[council])
    )
    return client


def step_status(client, council, key) -> str:
    html = client.get(reverse("setup:task_list", kwargs={"authority": council.slug})).content
    found = re.search(rf'id="step-{key}-status">\s*(.*?)\s*</div>', html.decode(), re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def reported(council, *indicators):
    for indicator in indicators:
        ReportedIndicator.objects.create(authority=council, indicator=indicator)


# Targets -------------------------------------------------------------------------------------


def targets_url(council, year=None):
    url = reverse("scorecards:targets", kwargs={"authority": council.slug})
    return f"{url}?year={year}" if year else url


@pytest.fixture
def two_indicators(council):
    rereferrals = IndicatorFactory(
        code="rereferrals", name="Re-referrals", polarity=Indicator.Polarity.LOWER
    )
    visits = IndicatorFactory(
        code="visits-on-time", name="Visits on time", polarity=Indicator.Polarity.CLOSE
    )
    reported(council, rereferrals, visits)
    return rereferrals, visits


def test_targets_are_saved_for_the_chosen_year_and_the_step_completes(
    admin_client, council, two_indicators
):
    rereferrals, visits = two_indicators
    year = financial_years()[0]
    assert step_status(admin_client, council, "targets") == "Incomplete"
    response = admin_client.post(
        targets_url(council, year),
        {
            "rereferrals-value": "22.5",
            "rereferrals-tolerance": "2",
            "visits-on-time-value": "1,120",
            "visits-on-time-tolerance": "",
            "visits-on-time-band": "5",
        },
    )
    assert response.status_code == 302
    saved = {t.indicator.code: t for t in Target.objects.filter(authority=council)}
    assert saved["rereferrals"].period == Period.year(year)
    assert saved["rereferrals"].value == Decimal("22.5")
    assert saved["rereferrals"].tolerance == Decimal("2")
    assert saved["visits-on-time"].value == Decimal("1120")
    assert saved["visits-on-time"].band == Decimal("5")
    assert step_status(admin_client, council, "targets") == "Completed"


def test_targets_refuse_a_decimal_comma_and_a_tolerance_without_target_saving_nothing(
    admin_client, council, two_indicators
):
    page = admin_client.post(
        targets_url(council),
        {
            "rereferrals-value": "22,5",
            "visits-on-time-value": "",
            "visits-on-time-tolerance": "3",
        },
    )
    html = page.content.decode()
    assert page.status_code == 200 and "There is a problem" in html
    assert (
        'href="#id_rereferrals-value">The target for Re-referrals must be a number, like '
        "1,120 or 10.5: a comma can only separate thousands"
    ) in html
    assert (
        'href="#id_visits-on-time-tolerance">Enter a target for Visits on time, or leave its '
        "tolerance blank"
    ) in html
    assert 'value="22,5"' in html  # nothing typed is lost
    assert not Target.objects.exists()


def test_refused_targets_leave_no_trace_not_even_the_year(admin_client, council, two_indicators):
    year = financial_years()[0]
    Period.objects.filter(kind="year", start_year=year).delete()
    page = admin_client.post(targets_url(council, year), {"rereferrals-value": "22,5"})
    assert page.status_code == 200 and "There is a problem" in page.content.decode()
    assert not Period.objects.filter(kind="year", start_year=year).exists()


def test_a_target_left_blank_is_removed_and_only_close_indicators_have_a_band(
    admin_client, council, two_indicators
):
    rereferrals, visits = two_indicators
    year = financial_years()[1]
    TargetFactory(indicator=rereferrals, authority=council, period=Period.year(year), value=20)
    page = admin_client.get(targets_url(council, year))
    html = page.content.decode()
    assert 'name="rereferrals-value" value="20"' in html
    assert 'name="visits-on-time-band"' in html and 'name="rereferrals-band"' not in html
    admin_client.post(targets_url(council, year), {"rereferrals-value": ""})
    assert not Target.objects.filter(authority=council).exists()


def test_reading_the_targets_page_creates_no_year_and_costs_the_same_for_1_and_10(
    admin_client, council
):
    counts = []
    for more in (1, 9):  # 1 indicator reported, then 10
        reported(council, *[IndicatorFactory() for _ in range(more)])
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(targets_url(council, 2031)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert not Period.objects.filter(kind="year", start_year=2031).exists()


def test_only_administrators_set_targets(client, council, two_indicators):
    for role in ("officer", "approver", "clerk", "member"):
        client.force_login(UserFactory(role=role, authorities=[council]))
        assert client.get(targets_url(council)).status_code == 403
        assert client.post(targets_url(council), {"rereferrals-value": "1"}).status_code == 403
    assert not Target.objects.exists()


# The council's own indicators -----------------------------------------------------------------

LOCAL = {
    "name": "Children seen within 5 working days",
    "definition": "Children seen by a social worker within 5 working days of referral.",
    "area": "front-door",
    "unit": "percent",
    "polarity": "higher",
    "coverage": "quarter",
    "decimals": "1",
    "source": "Case management system",
}


def local_url(council):
    return reverse("scorecards:local_indicators", kwargs={"authority": council.slug})


def test_a_local_indicator_is_added_as_the_councils_own_and_is_on_its_return(admin_client, council):
    response = admin_client.post(local_url(council), LOCAL)
    assert response.status_code == 302
    indicator = Indicator.objects.get(owner=council)
    assert indicator.is_local and indicator.code == "reading-children-seen-within-5-working-days"
    assert indicator.coverage == "quarter" and indicator.unit == "percent"
    from scorecards.selectors.indicators import reported_indicators

    assert reported_indicators(council) == [indicator]
    # The same name again is refused; another council may use it.
    page = admin_client.post(local_url(council), LOCAL)
    assert "Your council already has an indicator with this name" in page.content.decode()
    assert Indicator.objects.filter(owner=council).count() == 1


def test_a_local_indicator_needs_each_choice_named_by_its_field(admin_client, council):
    page = admin_client.post(local_url(council), {"name": "", "decimals": "7"})
    html = page.content.decode()
    for anchor, message in (
        ("id_name", "Enter the indicator&#x27;s name"),
        ("id_area_0", "Select the part of the service it measures"),
        ("id_unit_0", "Select the indicator&#x27;s unit"),
        ("id_coverage_0", "Select the time each figure covers"),
        ("id_decimals", "Enter how many decimal places to print, from 0 to 4"),
    ):
        assert f'href="#{anchor}">{message}' in html, message
    assert not Indicator.objects.filter(owner=council).exists()


def test_another_councils_local_indicator_cannot_be_changed_here(admin_client, council):
    other = AuthorityFactory(slug="slough")
    theirs = IndicatorFactory(code="slough-own", is_local=True, owner=other)
    url = f"{local_url(council)}?change={theirs.code}"
    assert admin_client.get(url).status_code == 404
    assert admin_client.post(url, LOCAL).status_code == 404


# Committees and their members ----------------------------------------------------------------


def committees_url(council):
    return reverse("committees:committee_setup", kwargs={"authority": council.slug})


def test_a_committee_is_added_then_seated_and_the_step_completes(admin_client, council):
    name = "Children's Services Overview and Scrutiny Committee"
    assert admin_client.post(committees_url(council), {"name": name}).status_code == 302
    committee = Committee.objects.get(authority=council)
    assert committee.slug == "childrens-services-overview-and-scrutiny-committee"
    assert step_status(admin_client, council, "committees") == "Incomplete"
    add = reverse(
        "committees:membership_add", kwargs={"authority": council.slug, "slug": committee.slug}
    )
    response = admin_client.post(add, {"name": "Cllr Prue Bray", "role": "chair"})
    assert response.status_code == 302
    seat = CommitteeMembership.objects.get(committee=committee)
    assert seat.councillor.name == "Cllr Prue Bray"
    assert step_status(admin_client, council, "committees") == "Completed"
    page = admin_client.get(committees_url(council)).content.decode()
    assert "Cllr Prue Bray" in page and "Chairman" in page
    # The same name twice is refused beside its field, and nothing is added.
    again = admin_client.post(committees_url(council), {"name": name.upper()})
    assert 'href="#id_name">Your council already has a committee with this name' in (
        again.content.decode()
    )
    assert Committee.objects.filter(authority=council).count() == 1


def test_a_committee_is_never_given_a_page_address(admin_client, council):
    admin_client.post(committees_url(council), {"name": "New"})
    assert Committee.objects.get(authority=council).slug == "new-2"


def test_officers_and_members_cannot_add_committees_or_seats(client, council):
    committee = Committee.objects.create(authority=council, name="Scrutiny", slug="scrutiny")
    add = reverse(
        "committees:membership_add", kwargs={"authority": council.slug, "slug": committee.slug}
    )
    for role in ("officer", "approver", "member"):
        client.force_login(UserFactory(role=role, authorities=[council]))
        assert client.post(committees_url(council), {"name": "Another"}).status_code == 403
        assert client.post(add, {"name": "Cllr X", "role": "member"}).status_code == 403
    client.force_login(UserFactory(role="clerk", authorities=[council]))
    assert client.post(committees_url(council), {"name": "Another"}).status_code == 302
    assert not CommitteeMembership.objects.exists()


# Roles and job titles on the workforce return -------------------------------------------------


def roles_url(council):
    return reverse("workforce:roles_setup", kwargs={"authority": council.slug})


@pytest.fixture
def national_roles():
    from workforce.models import Role

    return [
        Role.objects.create(name="Social workers", is_case_holding=True, order=1),
        Role.objects.create(name="First line managers", order=2),
        Role.objects.create(name="Senior managers", order=3),
    ]


def test_a_council_counts_the_staff_groups_it_chooses_on_every_workforce_section(
    admin_client, council, national_roles
):
    from tests.factories.returns import started_return
    from workforce.roles import return_roles

    social, managers, senior = national_roles
    assert return_roles(council) == national_roles  # until it chooses
    assert step_status(admin_client, council, "roles") == "Incomplete"
    response = admin_client.post(roles_url(council), {"roles": [str(social.pk), str(senior.pk)]})
    assert response.status_code == 302
    assert return_roles(council) == [social, senior]
    assert step_status(admin_client, council, "roles") == "Completed"
    # Another council is untouched.
    assert return_roles(AuthorityFactory()) == national_roles
    # The staffing section's rows are the chosen groups.
    officer = UserFactory(role="officer", authorities=[council])
    admin_client.force_login(officer)
    period = Period.quarter(2015, 1)
    quarterly = started_return(authority=council, period=period, user=officer)
    page = admin_client.get(
        reverse(
            "returns:section",
            kwargs={"authority": council.slug, "period": period.slug, "section": "workforce"},
        )
    )
    html = page.content.decode()
    assert quarterly.pk and "Social workers" in html and "Senior managers" in html
    assert "First line managers" not in html


def test_an_own_job_title_is_added_to_the_councils_return_only(
    admin_client, council, national_roles
):
    from workforce.models import Role
    from workforce.roles import offered_roles, return_roles

    response = admin_client.post(
        roles_url(council),
        {
            "add-title": "1",
            "title-name": "  Advanced   practitioner ",
            "title-is_case_holding": "on",
        },
    )
    assert response.status_code == 302
    own = Role.objects.get(name="Advanced practitioner")
    assert own.owner == council and own.is_case_holding and not own.is_qualified_social_work
    # Adding it kept the groups counted until then, and added it.
    assert return_roles(council) == [*national_roles, own]
    other = AuthorityFactory()
    assert own not in offered_roles(other) and own not in return_roles(other)
    # A title already on the list is refused next to its field.
    page = admin_client.post(roles_url(council), {"add-title": "1", "title-name": "social workers"})
    assert 'href="#id_title-name">social workers is already on the list: select it above' in (
        page.content.decode()
    )


def test_choosing_no_staff_group_is_refused_and_nothing_changes(
    admin_client, council, national_roles
):
    from workforce.models import ReportedRole

    page = admin_client.post(roles_url(council), {})
    assert 'href="#id_roles_0">Select the staff groups your workforce return counts' in (
        page.content.decode()
    )
    assert not ReportedRole.objects.exists()
