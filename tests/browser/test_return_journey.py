"""A whole quarter in Chromium: the officer fills every section (meeting and fixing an error
on the way), submits; a different person, the approver, approves and locks; the task list
and a section pass axe in their normal and error states."""

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.support import complete_as_it_stands, signed_in_page

pytestmark = pytest.mark.browser

RETURN = "/wiltshire/returns/2025-26-q1/"


def test_officer_fills_and_submits_then_the_approver_approves_and_locks(
    sign_in_as, demo_server, axe, context: BrowserContext
):
    page: Page = sign_in_as("officer")
    page.goto(demo_server.url + RETURN)
    start = page.get_by_role("button", name=re.compile(r"^Start the"))
    if start.count():
        start.click()
    expect(page.locator(".govuk-task-list")).to_be_visible()
    axe(page)

    # Submitting too early is refused in an error summary that passes axe.
    page.get_by_role("button", name="Submit for approval").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    axe(page)

    # Contacts: a bad figure first, then the right one.
    page.get_by_role("link", name="Contact volumes by channel").click()
    calls = page.get_by_label("Contacts in the quarter, Telephone calls")
    calls.fill("lots")
    page.get_by_role("button", name="Save and mark as completed").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(calls).to_have_value("lots")
    axe(page)
    calls.fill("3735")
    page.get_by_label("Contacts in the quarter, Emails").fill("839")
    page.get_by_role("button", name="Save and mark as completed").click()
    expect(page.locator(".govuk-notification-banner, .govuk-task-list").first).to_be_visible()

    # Every other section: open it and mark it completed.
    links = page.locator(".govuk-task-list__link")
    slugs = [
        links.nth(i).get_attribute("href").rstrip("/").rsplit("/", 1)[1]
        for i in range(links.count())
    ]
    for slug in slugs:
        if page.locator(f"#task-{slug}-status").inner_text().strip() == "Completed":
            continue
        page.locator(f"a[aria-describedby='task-{slug}-status']").click()
        complete_as_it_stands(page)
        expect(page.locator(".govuk-task-list")).to_be_visible()
    statuses = page.locator(".govuk-task-list__status").all_inner_texts()
    assert all(s.strip() == "Completed" for s in statuses), statuses
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.locator("main")).to_contain_text("Submitted")

    with signed_in_page(context.browser, demo_server.url, "approver") as other:
        other.goto(demo_server.url + RETURN)
        other.get_by_role("button", name="Approve").click()
        expect(other.locator("main")).to_contain_text("Approved")
        other.get_by_role("button", name="Lock").click()
        expect(other.locator("main")).to_contain_text("Locked")
        axe(other)
        other.goto(demo_server.url + RETURN + "contacts/")
        expect(other.get_by_role("button", name="Save and mark as completed")).to_have_count(0)
        expect(other.locator("main")).to_contain_text("3735")
