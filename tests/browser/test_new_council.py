"""A council's first day in Chromium, with no Django admin page opened and nothing edited by
hand (issue 14's done-when): the product's administrator adds a council; its council
administrator sets it up through the task list and invites an officer and an approver; the
officer enters and submits a quarter; the approver approves; the scorecard shows the figure.
Every email is read from the outbox as the person would read it."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from tests.browser.support import complete_remaining_sections, new_context, sign_in

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a long new passphrase for reading"


def _link_in(email) -> str:
    return re.search(r"https?://\S+/accounts/reset/\S+", email.body).group(0)


def _last_email_to(address: str):
    found = [m for m in mail.outbox if address in m.to]
    assert found, f"no email to {address}: {[m.to for m in mail.outbox]}"
    return found[-1]


def _set_password_and_sign_in(page: Page, base_url: str, email_address: str) -> None:
    page.context.clear_cookies()
    page.goto(_link_in(_last_email_to(email_address)))
    page.locator("input[name=new_password1]").fill(NEW_PASSWORD)
    page.locator("input[name=new_password2]").fill(NEW_PASSWORD)
    page.locator("main form [type=submit], form [type=submit]").last.click()
    sign_in(page, base_url, email_address, NEW_PASSWORD)


def _open_task(page: Page, title: str) -> None:
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.locator("h1")).to_have_text(title)


def _save_and_back(page: Page, button: str = "Save and return to the task list") -> None:
    page.get_by_role("button", name=button).click()
    expect(page.locator("h1")).to_have_text("Set up your council")


def test_a_new_council_is_set_up_and_reports_its_first_quarter_without_the_admin(
    browser: Browser, demo_server, axe, django_capture_on_commit_callbacks
):
    # Invitations leave once their transaction commits. On SQLite the live server shares
    # the test's connection, inside the test's own transaction, so each step that invites
    # runs the callbacks it queued when it ends (on PostgreSQL they run in the server).
    sent = django_capture_on_commit_callbacks
    base = demo_server.url
    context = new_context(browser)
    context.set_default_timeout(45_000)  # a long journey on a busy two-core machine
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()

    # The product's administrator adds the council and invites its administrator.
    sign_in(page, base, "admin")
    page.goto(base + "/")
    page.get_by_role("link", name="Add a council").click()
    page.get_by_label("Council's full name").fill("Reading Borough Council")
    page.get_by_label("Short name").fill("Reading")
    page.get_by_label("DfE local authority code").fill("870")
    page.get_by_label("Region").select_option(label="South East")
    page.get_by_label("Council administrator's first name").fill("Ada")
    page.get_by_label("Council administrator's last name").fill("Byron")
    page.get_by_label("Council administrator's email address").fill("ada@reading.example")
    with sent(execute=True):
        page.get_by_role("button", name=re.compile("Add the council")).click()
        expect(page.locator("h1")).to_have_text("Set up your council")

    # The council administrator sets a password from the email and sets the council up.
    _set_password_and_sign_in(page, base, "ada@reading.example")
    page.goto(base + "/reading/setup/")
    axe(page)

    _open_task(page, "Council details")
    page.get_by_label("Address", exact=True).fill("Civic Offices, Bridge Street, Reading RG1 2LU")
    page.get_by_label("Email", exact=True).fill("democratic.services@reading.example")
    _save_and_back(page)

    _open_task(page, "Service areas and teams")
    page.get_by_label("Service area", exact=True).first.fill("Children's Social Care")
    page.locator("input[name='teams-0-name']").fill("Assessment Team")
    _save_and_back(page)

    _open_task(page, "Roles and job titles")
    page.get_by_label("Social workers", exact=True).check()
    _save_and_back(page)

    _open_task(page, "Statistical neighbours")
    page.get_by_label("Financial year the list applies from").fill("2015")
    page.get_by_label("Where the list comes from").fill(
        "DfE children's services statistical neighbour benchmarking tool"
    )
    page.get_by_label("Neighbour 1", exact=True).select_option(label="Wokingham Borough Council")
    _save_and_back(page)

    page.get_by_role("link", name="Indicators you report").click()
    page.get_by_label(
        "Children looked after per 10,000 children (rate per 10,000 children)", exact=True
    ).check()
    page.get_by_role("button", name="Save indicators").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("reports 1 national")
    page.goto(base + "/reading/setup/")

    _open_task(page, "Targets")
    page.get_by_label("Target", exact=True).first.fill("60")
    page.get_by_label("Tolerance", exact=True).first.fill("5")
    _save_and_back(page)

    _open_task(page, "Committees and their members")
    page.get_by_label("Committee name").fill("Children's Services Overview and Scrutiny Committee")
    page.get_by_role("button", name="Add the committee").click()
    page.get_by_role("link", name=re.compile("^Add a member")).click()
    page.get_by_label("Name as printed").fill("Cllr Prue Example")
    page.get_by_label("Role").select_option(label="Chairman")
    page.get_by_role("button", name="Save the member").click()
    page.goto(base + "/reading/setup/")

    _open_task(page, "When returns are due")
    page.get_by_label("How many days after a quarter ends is its return due?").fill("30")
    _save_and_back(page)

    _open_task(page, "People and their roles")
    for first, last, address, role in (
        ("Olu", "Adeyemi", "olu@reading.example", "Officer"),
        ("Sam", "Patel", "sam@reading.example", "Approver"),
        ("Kit", "Lane", "kit@reading.example", "Clerk"),
    ):
        page.get_by_label("First name", exact=True).fill(first)
        page.get_by_label("Last name", exact=True).fill(last)
        page.get_by_label("Email address").fill(address)
        page.get_by_label(role, exact=True).check()
        with sent(execute=True):
            page.get_by_role("button", name="Send invitation").click()
            expect(page.locator(".govuk-notification-banner")).to_contain_text(address)
    page.goto(base + "/reading/setup/")
    statuses = page.locator(".govuk-task-list__status").all_inner_texts()
    assert all(s.strip() == "Completed" for s in statuses), statuses
    axe(page)

    # The officer enters the quarter's figure and submits the return.
    _set_password_and_sign_in(page, base, "olu@reading.example")
    page.goto(base + "/reading/returns/")
    page.get_by_role("button", name=re.compile(r"^Start")).first.click()
    expect(page.locator(".govuk-task-list")).to_be_visible()
    quarter_url = page.url
    page.get_by_role("link", name="Indicators", exact=True).click()
    row = "Children looked after per 10,000 children"
    page.get_by_label(f"Numerator, {row}").fill("273")
    page.get_by_label(f"Denominator, {row}").fill("22,600")
    page.get_by_role("button", name="Save and mark as completed").click()
    expect(page.locator(".govuk-task-list")).to_be_visible()
    complete_remaining_sections(page)
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.locator("main")).to_contain_text("Submitted")

    # The approver approves it.
    _set_password_and_sign_in(page, base, "sam@reading.example")
    page.goto(quarter_url)
    page.get_by_role("button", name="Approve").click()
    expect(page.locator("main")).to_contain_text("Approved")

    # The scorecard shows the figure worked out from the counts, against its target.
    page.goto(base + "/reading/scorecards/")
    table = page.locator("main table").first
    expect(table).to_contain_text("Children looked after per 10,000 children")
    expect(table).to_contain_text("120.8")
    axe(page)

    context.close()
    assert not [url for url in requested if "/admin/" in url], "an /admin/ page was opened"
