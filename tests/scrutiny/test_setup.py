"""Setting a council up through its own pages: the task list, each step's checks, invitations
(issue 14, item 1)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from scrutiny.models import Authority, CouncilRole, NeighbourSet, ServiceArea, Team, UserRole
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


def url(name, council):
    return reverse(f"setup:{name}", kwargs={"authority": council.slug})


def statuses(page) -> dict[str, str]:
    html = page.content.decode()
    found = re.findall(r'id="step-(\w+)-status">\s*(.*?)\s*</div>', html, re.S)
    return {key: re.sub(r"<[^>]+>", "", status).strip() for key, status in found}


def test_the_task_list_shows_each_step_incomplete_until_its_data_is_there(admin_client, council):
    page = admin_client.get(url("task_list", council))
    assert page.status_code == 200
    assert statuses(page) == {
        "details": "Incomplete",
        "teams": "Incomplete",
        "roles": "Incomplete",
        "comparators": "Incomplete",
        "indicators": "Incomplete",
        "targets": "Incomplete",
        "committees": "Incomplete",
        "people": "Incomplete",
    }
    council.address, council.email = "Civic Offices\nReading", "ds@reading.example"
    council.save()
    assert statuses(admin_client.get(url("task_list", council)))["details"] == "Completed"


def test_only_the_councils_administrators_reach_set_up(client, council):
    for role in ("officer", "approver", "clerk", "member"):
        client.force_login(UserFactory(role=role, authorities=[council]))
        assert client.get(url("task_list", council)).status_code == 403
        assert client.post(url("details", council), {"name": "X"}).status_code == 403
    elsewhere = AuthorityFactory()
    client.force_login(UserFactory(role=UserRole.COUNCIL_ADMIN, authorities=[elsewhere]))
    assert client.get(url("details", council)).status_code == 403


DETAILS = {
    "name": "Reading Borough Council",
    "short_name": "Reading",
    "la_code": "870",
    "region": "south-east",
    "address": "Civic Offices, Bridge Street, Reading RG1 2LU",
    "telephone": "0118 937 3787",
    "email": "democratic.services@reading.example",
    "website": "",
    "chief_executive": "",
    "director_of_childrens_services": "",
}


def test_details_refuse_a_bad_code_and_email_each_by_its_field_and_save_nothing(
    admin_client, council
):
    page = admin_client.post(url("details", council), DETAILS | {"la_code": "87", "email": "nope"})
    html = page.content.decode()
    assert page.status_code == 200 and "There is a problem" in html
    assert 'href="#id_la_code">Enter the DfE LA code as three digits, like 872' in html
    assert 'href="#id_email">Enter an email address like' in html
    council.refresh_from_db()
    assert council.address == "" and council.la_code == ""


def test_details_are_saved_and_the_step_completes(admin_client, council):
    response = admin_client.post(url("details", council), DETAILS)
    assert response.status_code == 302
    council.refresh_from_db()
    assert council.la_code == "870" and council.address.startswith("Civic Offices")


def teams_post(areas, teams, *, existing_areas=0, existing_teams=0, **extra):
    data = {
        "areas-TOTAL_FORMS": str(len(areas)),
        "areas-INITIAL_FORMS": str(existing_areas),
        "teams-TOTAL_FORMS": str(len(teams)),
        "teams-INITIAL_FORMS": str(existing_teams),
    }
    for n, area in enumerate(areas):
        data |= {f"areas-{n}-{k}": v for k, v in area.items()}
    for n, team in enumerate(teams):
        data |= {f"teams-{n}-{k}": v for k, v in team.items()}
    return data | extra


def test_add_another_offers_one_more_row_and_keeps_what_was_typed(admin_client, council):
    data = teams_post([{"name": "Early Help"}], [], **{"add-areas": "1"})
    page = admin_client.post(url("teams", council), data)
    html = page.content.decode()
    assert 'value="Early Help"' in html and 'name="areas-1-name"' in html
    assert not ServiceArea.objects.filter(authority=council).exists()


def test_teams_choose_only_this_councils_areas(admin_client, council):
    ours = ServiceArea.objects.create(authority=council, name="Children's Social Care")
    theirs = ServiceArea.objects.create(authority=AuthorityFactory(), name="Children's Social Care")
    page = admin_client.get(url("teams", council))
    html = page.content.decode()
    assert f'<option value="{ours.pk}">' in html
    assert f'<option value="{theirs.pk}">' not in html
    data = teams_post(
        [{"id": ours.pk, "name": ours.name}],
        [{"name": "Assessment", "service_area": theirs.pk, "is_active": "on"}],
        existing_areas=1,
    )
    page = admin_client.post(url("teams", council), data)
    assert "Select one of the council&#x27;s service areas" in page.content.decode()
    assert not Team.objects.filter(authority=council).exists()
    data["teams-0-service_area"] = ours.pk
    assert admin_client.post(url("teams", council), data).status_code == 302
    assert Team.objects.get(authority=council).service_area == ours


def test_a_service_area_with_teams_is_not_removed(admin_client, council):
    area = ServiceArea.objects.create(authority=council, name="Early Help")
    team = Team.objects.create(authority=council, name="Family Support", service_area=area)
    data = teams_post(
        [{"id": area.pk, "name": area.name, "DELETE": "on"}],
        [{"id": team.pk, "name": team.name, "service_area": area.pk, "is_active": "on"}],
        existing_areas=1,
        existing_teams=1,
    )
    page = admin_client.post(url("teams", council), data)
    assert "Early Help has teams: move them" in page.content.decode()
    assert ServiceArea.objects.filter(pk=area.pk).exists()


def test_neighbours_are_ranked_and_a_council_twice_is_refused(admin_client, council):
    a, b = AuthorityFactory(is_active=False, name="Aville"), AuthorityFactory(name="Beeton")
    data = {"start_year": "2024", "source": "DfE", "neighbour_1": a.pk, "neighbour_2": a.pk}
    page = admin_client.post(url("comparators", council), data)
    assert "Aville is already on the list" in page.content.decode()
    assert not NeighbourSet.objects.filter(authority=council).exists()
    data["neighbour_2"] = b.pk
    assert admin_client.post(url("comparators", council), data).status_code == 302
    chosen = NeighbourSet.objects.get(authority=council, start_year=2024)
    assert list(chosen.members.values_list("neighbour__name", "rank")) == [
        ("Aville", 1),
        ("Beeton", 2),
    ]


INVITE = {
    "first_name": "Olu",
    "last_name": "Adeyemi",
    "email": "olu.adeyemi@reading.example",
    "job_title": "Performance officer",
    "role": "officer",
}


def test_an_invited_person_gets_a_one_time_link_that_sets_their_password(
    admin_client, council, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url("people", council), INVITE)
    assert response.status_code == 302
    (email,) = mail.outbox
    assert email.to == ["olu.adeyemi@reading.example"]
    assert email.subject == "You have been invited to Reading's scrutiny service"
    assert "has given you the role of officer at Reading Borough Council" in email.body
    assert "Set your password to start, with this link (it works once)" in email.body
    link = re.search(r"http://testserver(/accounts/reset/\S+)", email.body).group(1)
    user = CouncilRole.objects.get(authority=council, role="officer").user
    assert not user.has_usable_password()
    form_page = client.get(link, follow=True)
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_url,
        {"new_password1": "a long new passphrase", "new_password2": "a long new passphrase"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a long new passphrase")
    again = client.get(link, follow=True)
    assert b"a long new passphrase" not in again.content
    assert "new_password1" not in again.content.decode()  # the link worked once


def test_someone_already_known_keeps_their_account_and_is_told_of_the_new_role(
    admin_client, council, django_capture_on_commit_callbacks
):
    known = UserFactory(
        username="sam",
        email="sam@example.gov.uk",
        role="approver",
        authorities=[AuthorityFactory()],
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            url("people", council), INVITE | {"email": "SAM@example.gov.uk", "role": "approver"}
        )
    assert CouncilRole.objects.filter(user=known, authority=council, role="approver").exists()
    (email,) = mail.outbox
    assert "Sign in as usual" in email.body and "/accounts/reset/" not in email.body


def test_an_invitation_with_problems_sends_nothing_and_says_which(admin_client, council):
    ServiceArea.objects.create(authority=council, name="Early Help")
    area = ServiceArea.objects.get(authority=council)
    page = admin_client.post(
        url("people", council), INVITE | {"email": "", "role": "clerk", "service_areas": [area.pk]}
    )
    html = page.content.decode()
    assert "Enter the person&#x27;s email address" in html
    assert "Only an officer&#x27;s entry can be limited to areas" in html
    assert (
        mail.outbox == []
        and not CouncilRole.objects.filter(authority=council, role="clerk").exists()
    )


def test_the_last_council_administrator_cannot_be_removed(admin_client, council):
    (only,) = CouncilRole.objects.filter(authority=council, role=UserRole.COUNCIL_ADMIN)
    page = admin_client.post(url("people", council), {"remove": only.pk})
    assert "the council&#x27;s only administrator" in page.content.decode()
    assert CouncilRole.objects.filter(pk=only.pk).exists()


def test_an_invitation_whose_transaction_fails_sends_no_email(
    council, admin_client, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from scrutiny.setup.services import invite

    admin = CouncilRole.objects.get(authority=council).user
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            invite(authority=council, invited_by=admin, base_url="http://testserver/", **INVITE)
            raise RuntimeError("the council's set-up failed after the invitation")
        invite(
            authority=council,
            invited_by=admin,
            base_url="http://testserver/",
            **INVITE | {"email": "second@reading.example", "role": "clerk"},
        )
    # Only the invitation whose transaction was kept was sent.
    assert [email.to for email in mail.outbox] == [["second@reading.example"]]
    assert not CouncilRole.objects.filter(authority=council, role="officer").exists()


def test_the_product_administrator_adds_a_council_known_as_a_comparator(
    client, django_capture_on_commit_callbacks
):
    comparator = AuthorityFactory(name="Bracknell Forest Council", la_code="867", is_active=False)
    client.force_login(UserFactory(username="root", role="admin"))
    data = {
        "name": "Bracknell Forest Council",
        "short_name": "Bracknell Forest",
        "la_code": "867",
        "region": "south-east",
        "admin_first_name": "Kit",
        "admin_last_name": "Lane",
        "admin_email": "kit.lane@bracknell.example",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("council_add"), data)
    comparator.refresh_from_db()
    assert comparator.is_active and Authority.objects.filter(la_code="867").count() == 1
    assert response["Location"] == url("task_list", comparator)
    assert CouncilRole.objects.get(authority=comparator).role == UserRole.COUNCIL_ADMIN
    assert "Council administrator" not in mail.outbox[0].body  # the role is in words
    assert "the role of council administrator at Bracknell Forest Council" in mail.outbox[0].body
    assert (
        client.post(reverse("council_add"), data).content.decode().count("already uses the service")
        == 2
    )


def test_only_the_product_administrator_adds_councils(client):
    council = AuthorityFactory()
    client.force_login(UserFactory(role=UserRole.COUNCIL_ADMIN, authorities=[council]))
    assert client.get(reverse("council_add")).status_code == 403


@pytest.mark.parametrize("name", ["teams", "comparators", "people"])
def test_each_page_costs_the_same_for_one_row_and_for_ten(admin_client, council, name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(url(name, council)).status_code == 200
        return len(queries)

    def add_rows(n):
        area = ServiceArea.objects.create(authority=council, name=f"Area {n}")
        Team.objects.create(authority=council, name=f"Team {n}", service_area=area)
        AuthorityFactory(is_active=False)
        UserFactory(role="officer", authorities=[council])

    add_rows(0)
    one = cost()
    for n in range(1, 10):
        add_rows(n)
    assert cost() == one
