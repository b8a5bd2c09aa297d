"""The account pages are the service's own GOV.UK pages, not the Django admin's: changing a
password, and the set-a-password link (a reset, or the invitation a council administrator
sends), each with the error summary linking to the field at fault."""

import re

import pytest
from django.test import Client

from scrutiny.setup.services import set_password_link

from .people import NEW_PASSWORD, PASSWORD, with_password

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(authority):
    return with_password("sam", role="officer", authorities=[authority])


def is_ours(body: str) -> bool:
    return "govuk-template" in body and "Django administration" not in body


def summary_links(body: str) -> list[str]:
    summary = body.split('govuk-error-summary__list">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'href="#([^"]+)"', summary)


def test_changing_the_password_is_a_govuk_page_with_the_error_summary(client, person):
    client.force_login(person)
    page = client.get("/accounts/password_change/").content.decode()
    assert is_ours(page) and '<h1 class="govuk-heading-l">Change your password</h1>' in page
    assert 'autocomplete="current-password"' in page and 'autocomplete="new-password"' in page
    response = client.post(
        "/accounts/password_change/",
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": "other"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<title>Error: Change your password" in body
    assert summary_links(body) == ["id_old_password", "id_new_password2"]
    assert 'id="id_old_password-error"' in body
    assert 'aria-describedby="id_old_password-error"' in body
    response = client.post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    body = response.content.decode()
    assert is_ours(body) and "Your password has been changed" in body
    assert "you have been signed out" in body


def test_the_set_password_link_is_a_govuk_page_and_works_once(person):
    client = Client()
    link = set_password_link(person, base_url="http://testserver")
    response = client.get(link, follow=True)  # Django moves the token out of the address
    body = response.content.decode()
    assert is_ours(body) and "Choose your password" in body
    form_url = response.redirect_chain[-1][0]
    weak = client.post(form_url, {"new_password1": "short", "new_password2": "short"})
    body = weak.content.decode()
    assert weak.status_code == 200 and summary_links(body) == ["id_new_password2"]
    assert "at least 12 characters" in body
    done = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert "Your password has been set" in done.content.decode()
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    again = Client().get(link, follow=True).content.decode()
    assert is_ours(again) and "This link no longer works" in again
