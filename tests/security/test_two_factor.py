"""Two-step sign-in (django-otp, TOTP): clerks and council administrators, who publish and
give out roles, may add an authenticator app; once it is confirmed, signing in asks for
its code after the password, and nothing signs them in without it."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.scrutiny import AuthorityFactory

from .people import PASSWORD, with_password

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(authority):
    return with_password("cleo", role="clerk", authorities=[authority])


def code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """What the person's app shows (``steps_ahead`` 30-second steps later: django-otp accepts
    one step either side and never the same code twice)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def set_up(client: Client, user) -> TOTPDevice:
    client.force_login(user)
    page = client.get("/accounts/two-step/").content.decode()
    assert "<svg" in page and 'aria-label="QR code"' in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    key = re.search(r'<strong class="app-key">([A-Z2-7 ]+)</strong>', page)[1]
    assert len(key.replace(" ", "")) >= 32, "the key to type by hand is on the page"
    response = client.post("/accounts/two-step/", {"code": code(device)})
    assert response.status_code == 302 and response["Location"] == "/accounts/"
    device.refresh_from_db()
    assert device.confirmed
    return device


def sign_in(client: Client, username: str):
    return client.post("/accounts/login/", {"username": username, "password": PASSWORD})


def is_signed_in(client: Client) -> bool:
    return client.get("/dashboard/").status_code == 200


def summary(body: str) -> str:
    return body.split('govuk-error-summary__list">', 1)[1].split("</ul>", 1)[0]


def test_a_clerk_sets_up_an_app_and_is_then_asked_for_its_code_after_the_password(clerk):
    device = set_up(Client(), clerk)
    client = Client()
    response = sign_in(client, "cleo")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/code/"
    assert not is_signed_in(client), "the password alone must not sign in"

    wrong = client.post("/accounts/login/code/", {"code": "000000"})
    body = wrong.content.decode()
    assert wrong.status_code == 200 and "<title>Error: Enter the code" in body
    assert "The code is not right" in summary(body) and 'href="#id_code"' in summary(body)
    assert not is_signed_in(client)

    too_soon = client.post("/accounts/login/code/", {"code": code(device, 1)})
    assert "Too many wrong codes in a row. Wait 1 second" in too_soon.content.decode()
    time.sleep(1.1)  # django-otp's throttle: 1 s after one wrong code, doubling after each
    right = client.post("/accounts/login/code/", {"code": code(device, 1)})
    assert right.status_code == 302
    assert is_signed_in(client)
    assert client.session["otp_device_id"] == device.persistent_id


def test_a_code_is_six_digits_and_a_blank_one_says_what_to_enter(clerk):
    set_up(Client(), clerk)
    client = Client()
    sign_in(client, "cleo")
    blank = client.post("/accounts/login/code/", {"code": ""}).content.decode()
    assert "Enter the 6-digit code from your authenticator app" in summary(blank)
    letters = client.post("/accounts/login/code/", {"code": "12ab56"}).content.decode()
    assert "Enter the code as 6 digits, like 123456" in summary(letters)


def test_without_an_app_the_password_signs_in_as_before(clerk):
    client = Client()
    # Straight to their work list (LOGIN_REDIRECT_URL), with no code asked for.
    assert sign_in(client, "cleo")["Location"] == reverse("dashboard")
    assert is_signed_in(client)


def test_the_code_page_needs_the_password_first(clerk):
    set_up(Client(), clerk)
    client = Client()
    assert client.get("/accounts/login/code/")["Location"] == "/accounts/login/"
    assert client.post("/accounts/login/code/", {"code": "123456"})["Location"] == (
        "/accounts/login/"
    )
    assert not is_signed_in(client)


def test_the_admins_own_sign_in_sends_people_to_the_one_that_asks_for_the_code(clerk):
    response = Client().get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_a_wrong_code_does_not_turn_it_on(clerk):
    client = Client()
    client.force_login(clerk)
    client.get("/accounts/two-step/")
    response = client.post("/accounts/two-step/", {"code": "000000"})
    assert response.status_code == 200 and "The code is not right" in summary(
        response.content.decode()
    )
    assert not TOTPDevice.objects.filter(user=clerk, confirmed=True).exists()


def test_roles_are_per_council_clerks_and_council_administrators_anywhere_may_set_it_up(
    authority,
):
    elsewhere = AuthorityFactory()
    council_admin = with_password("ada", roles={authority: "member", elsewhere: "council_admin"})
    officer = with_password("oli", role="officer", authorities=[authority])
    client = Client()
    client.force_login(council_admin)
    assert client.get("/accounts/two-step/").status_code == 200
    assert "Two-step sign-in" in client.get("/accounts/").content.decode()
    client.force_login(officer)
    assert client.get("/accounts/two-step/").status_code == 403
    assert client.post("/accounts/two-step/", {"code": "123456"}).status_code == 403
    account = client.get("/accounts/").content.decode()
    assert "Two-step sign-in" not in account and "Change<span" in account
    assert not TOTPDevice.objects.filter(user=officer).exists()


def test_the_account_and_set_up_pages_cost_a_fixed_number_of_queries(
    clerk, django_assert_num_queries
):
    """Pinned, so a change that adds queries to these pages is seen."""
    client = Client()
    client.force_login(clerk)
    client.get("/accounts/two-step/")  # the first visit makes the app to be confirmed
    with django_assert_num_queries(ACCOUNT_QUERIES):
        assert client.get("/accounts/").status_code == 200
    with django_assert_num_queries(SET_UP_QUERIES):
        assert client.get("/accounts/two-step/").status_code == 200


ACCOUNT_QUERIES = 6
SET_UP_QUERIES = 8
