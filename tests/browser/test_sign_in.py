"""Signing in through the form: every demo role, and a wrong password."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from scrutiny.models import UserRole

from .support import DEMO_ROLES, sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("username", DEMO_ROLES)
def test_it_signs_in_each_demo_role_and_shows_who_is_signed_in(
    page: Page, demo_server, django_db_blocker, username
):
    with django_db_blocker.unblock():
        user = get_user_model().objects.get(username=username)
    sign_in(page, demo_server.url, username)

    header = page.get_by_role("list", name="Account")
    expect(header).to_contain_text(str(user))
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    # Roles are per council: the header names the role held in the council being read.
    page.goto(f"{demo_server.url}/wokingham/")
    held = "Administrator" if username == "admin" else UserRole(username).label
    expect(header).to_contain_text(f"{user} ({held})")


def test_it_shows_the_error_summary_for_a_wrong_password(page: Page, demo_server):
    sign_in(page, demo_server.url, "officer", password="not-the-password")

    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
