"""Sessions and passwords as a council's IT review asks: an idle session ends, changing a
password signs that person out everywhere else, and weak passwords are refused."""

import time

import pytest
from django.test import Client

from .people import NEW_PASSWORD, PASSWORD, with_password

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(authority):
    return with_password("sam", role="officer", authorities=[authority])


def signed_in_client(password=PASSWORD) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"username": "sam", "password": password})
    assert response.status_code == 302, "the sign-in did not succeed"
    return client


def is_signed_in(client: Client) -> bool:
    return client.get("/dashboard/").status_code == 200


def test_a_session_ends_after_the_idle_time_and_each_request_restarts_it(person, settings):
    settings.SESSION_COOKIE_AGE = 2
    settings.SESSION_REFRESH_SECONDS = 0
    client = signed_in_client()
    for _ in range(3):  # 3 seconds in all, never 2 without a request
        time.sleep(1)
        assert is_signed_in(client)
    time.sleep(2.5)
    assert not is_signed_in(client)
    assert client.get("/dashboard/")["Location"].startswith("/accounts/login/")


def test_changing_the_password_signs_out_every_other_session(person):
    here, elsewhere = signed_in_client(), signed_in_client()
    response = here.post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert is_signed_in(here)
    assert not is_signed_in(elsewhere)
    signed_in_client(NEW_PASSWORD)


def test_an_administrator_setting_a_password_signs_that_person_out(person):
    elsewhere = signed_in_client()
    person.set_password(NEW_PASSWORD)
    person.save()
    assert not is_signed_in(elsewhere)


@pytest.mark.parametrize(
    "password, message",
    [
        ("short pass", "must contain at least 12 characters"),
        ("password1234", "too common"),
        ("193847561029384", "entirely numeric"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(person, password, message):
    client = signed_in_client()
    response = client.post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": password, "new_password2": password},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
