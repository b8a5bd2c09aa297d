"""Two officers in two browsers edit the same section: the second save is refused in words,
keeps what the second officer typed, and loses nothing of the first officer's save.

The demo has one officer, so a second officer of Lincolnshire is made for this module
(committed, so the live server sees it) and removed afterwards with the Lincolnshire
2016-17 Q1 return the test starts, which no other browser test uses.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from assurance.models import ContactChannel, ContactVolume
from returns.models import QuarterlyReturn, ReturnSection, ReturnSectionKey
from scrutiny.models import Authority, Period, User, UserRole
from tests.browser.support import DEMO_PASSWORD, signed_in_page
from tests.factories.scrutiny import UserFactory

pytestmark = pytest.mark.browser

COUNCIL = "lincolnshire"
RETURN = f"/{COUNCIL}/returns/2016-17-q1/"
QUARTER = {"period__kind": Period.Kind.QUARTER, "period__start_year": 2016, "period__number": 1}
LATER = "Save and come back later"


@pytest.fixture(scope="module")
def second_officer(demo_server, django_db_blocker) -> User:
    # Made outside the test's transaction, which the live server (on PostgreSQL) cannot see
    # into; the demo server's fast password hasher is in force while it runs.
    with django_db_blocker.unblock():
        user = UserFactory(
            username="second-officer",
            first_name="Sam",
            last_name="Second",
            role=UserRole.OFFICER,
            password=DEMO_PASSWORD,
            authorities=[Authority.objects.get(slug=COUNCIL)],
        )
    yield user
    with django_db_blocker.unblock():
        ContactVolume.objects.filter(authority__slug=COUNCIL, **QUARTER).delete()
        QuarterlyReturn.objects.filter(authority__slug=COUNCIL, **QUARTER).delete()
        user.delete()


def stored_contacts() -> dict[str, int]:
    volumes = ContactVolume.objects.filter(authority__slug=COUNCIL, team__isnull=True, **QUARTER)
    return dict(volumes.values_list("channel", "count"))


def contacts_section() -> ReturnSection:
    return ReturnSection.objects.select_related("updated_by").get(
        quarterly_return__authority__slug=COUNCIL,
        key=ReturnSectionKey.CONTACTS,
        **{f"quarterly_return__{k}": v for k, v in QUARTER.items()},
    )


def box(page: Page, channel: str):
    return page.get_by_label(f"Contacts in the quarter, {channel}", exact=True)


def test_a_second_officers_conflicting_save_is_refused_and_nothing_of_the_first_is_lost(
    sign_in_as, demo_server, context: BrowserContext, second_officer: User
):
    first: Page = sign_in_as("officer")
    first.goto(demo_server.url + RETURN)
    first.get_by_role("button", name="Start the Q1 2016/17 return").click()
    expect(first.locator(".govuk-task-list")).to_be_visible()

    with signed_in_page(context.browser, demo_server.url, second_officer.username) as second:
        second.goto(demo_server.url + RETURN)

        # Both open the same section before either saves, and both type into it.
        first.get_by_role("link", name="Contact volumes by channel", exact=True).click()
        second.get_by_role("link", name="Contact volumes by channel", exact=True).click()
        opened_at = contacts_section().version
        box(first, "Telephone calls").fill("120")
        box(first, "Emails").fill("10")
        box(second, "Emails").fill("77")
        box(second, "Letters").fill("5")

        first.get_by_role("button", name=LATER).click()
        expect(first.locator("#task-contacts-status")).to_have_text("In progress")
        assert stored_contacts() == {ContactChannel.PHONE: 120, ContactChannel.EMAIL: 10}

        # The second save was made against the copy opened before the first save: refused.
        second.get_by_role("button", name=LATER).click()
        expect(second).to_have_title(re.compile(r"^Error: "))
        summary = second.locator(".govuk-error-summary")
        expect(summary).to_be_focused()
        officer = User.objects.get(username="officer")
        expect(summary).to_contain_text(
            f"{officer} saved “Contact volumes” after you opened it. Your changes have not "
            "been saved: open the section again to see theirs, then re-enter yours."
        )
        expect(box(second, "Emails")).to_have_value("77")
        expect(box(second, "Letters")).to_have_value("5")
        # Nothing of the first save was overwritten, and nothing of the second was stored.
        assert stored_contacts() == {ContactChannel.PHONE: 120, ContactChannel.EMAIL: 10}
        section = contacts_section()
        assert section.version == opened_at + 1
        assert section.updated_by.username == "officer"

        # Opened again, the section shows the first officer's figures; a save now goes in.
        second.goto(demo_server.url + RETURN + "contacts/")
        expect(box(second, "Telephone calls")).to_have_value("120")
        expect(box(second, "Emails")).to_have_value("10")
        expect(box(second, "Letters")).to_have_value("")
        box(second, "Letters").fill("5")
        second.get_by_role("button", name=LATER).click()
        expect(second.locator("#task-contacts-status")).to_have_text("In progress")
        assert stored_contacts() == {
            ContactChannel.PHONE: 120,
            ContactChannel.EMAIL: 10,
            ContactChannel.LETTER: 5,
        }
