"""A report from a blank page to the public, in Chromium, each step by the role that owns it:
the clerk arranges the meeting and its agenda, the officer writes the report with text and
data blocks, the approver approves, the clerk publishes, a visitor reads it, and a committee
member sees the Part 2 material the visitor cannot. Every page passes axe, forms in their
error state too."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from playwright.sync_api import Page, expect

from .support import sign_in


def _save(page: Page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def test_clerk_officer_approver_clerk_then_the_public_and_a_member(page, demo_server, axe):
    base = demo_server.url
    title = f"Quality assurance report {uuid.uuid4().hex[:6]}"
    canary = f"appendix-canary-{uuid.uuid4()}"
    exempt_item = f"Placement costs {uuid.uuid4().hex[:8]}"
    meeting_day = dt.date.today() + dt.timedelta(days=28)

    # The officer writes the report. A cover sheet with mistakes comes back with errors.
    sign_in(page, base, "officer")
    page.goto(f"{base}/wokingham/reports/")
    page.get_by_role("link", name="Write a report").click()
    axe(page)
    page.get_by_label("Contact email").fill("not an address")
    _save(page, "Save and continue")
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter the report's title")
    expect(page.get_by_label("Contact email")).to_have_value("not an address")
    axe(page)

    page.get_by_label("Title").fill(title)
    page.get_by_label("For consideration by").select_option(index=1)
    page.get_by_label("Summary of report").fill("How the service did this year.")
    page.get_by_label("Recommendation").fill("That the committee notes the report.")
    page.get_by_label("Contact name").fill("Sam Officer")
    page.get_by_label("Contact email").fill("sam.officer@example.gov.uk")
    _save(page, "Save and continue")
    expect(page.locator("h1")).to_have_text(title)
    axe(page)
    # The cover sheet with its financial table and papers, refused and then saved.
    page.get_by_role("link", name="Change the cover sheet").click()
    page.get_by_label("Is there sufficient funding?").first.select_option("false")
    _save(page, "Save and continue")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Quantify the shortfall")
    axe(page)
    page.get_by_label("Is there sufficient funding?").first.select_option("unknown")
    page.get_by_label("Background paper", exact=True).fill("Children's Services QA framework")
    _save(page, "Save and continue")
    expect(page.locator("body")).to_contain_text("Cover sheet saved.")

    page.get_by_role("link", name="Add a section of text").click()
    _save(page, "Save and continue")
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the section's text")
    axe(page)
    page.get_by_label("Heading").fill("Introduction")
    page.get_by_label("Text").fill("## Why we audit\nTo learn.\n\n- Cases read\n- Families asked")
    _save(page, "Save and continue")

    page.get_by_role("link", name="Add a section of text").click()
    page.get_by_label("Heading").fill("Appendix A: the family")
    page.get_by_label("Text").fill(f"About the child {canary}.")
    page.get_by_label("This section is an exempt appendix (Part 2)").check()
    page.get_by_label("Paragraph of Schedule 12A").select_option("2")
    _save(page, "Save and continue")

    page.get_by_role("link", name="Add a data block").click()
    axe(page)
    page.get_by_label("Compliments").check()
    _save(page, "Continue")
    page.get_by_label("Financial year").select_option("2014")
    axe(page)
    _save(page, "Save and continue")
    expect(page.locator(".app-section-list")).to_contain_text("Data block: Compliments, 2014/15")

    page.get_by_role("link", name="See the report as readers will").click()
    expect(page.locator("body")).to_contain_text("Draft: figures as they stand today")
    axe(page)
    page.go_back()
    _save(page, "Send for approval")
    expect(page.locator("body")).to_contain_text("Awaiting approval")
    manage_url = page.url

    # The approver approves.
    sign_in(page, base, "approver")
    page.goto(manage_url)
    _save(page, "Approve the report")
    expect(page.locator("body")).to_contain_text("Approved by")

    # The clerk arranges the meeting, builds its agenda and publishes it.
    sign_in(page, base, "clerk")
    page.goto(f"{base}/wokingham/committees/")
    page.locator("tbody a").first.click()
    page.get_by_role("link", name="Arrange a meeting").click()
    _save(page, "Save the meeting")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date of the meeting")
    axe(page)
    page.get_by_label("Date").fill(meeting_day.isoformat())
    page.get_by_label("Start time").fill("19:00")
    page.get_by_label("Venue").fill("Civic Offices, Shute End")
    _save(page, "Save the meeting")
    meeting_url = page.url
    axe(page)

    page.get_by_role("link", name="Add an agenda item").click()
    page.get_by_label("Kind").select_option("report")
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Report").select_option(label=title)
    _save(page, "Save the item")

    page.get_by_role("link", name="Add an agenda item").click()
    page.get_by_label("Title", exact=True).fill(exempt_item)
    page.get_by_label("Part 2: exempt information").check()
    _save(page, "Save the item")
    expect(page).to_have_title(re.compile(r"^Error: "))
    axe(page)
    page.get_by_label("Paragraph of Schedule 12A").select_option("3")
    page.get_by_label("Why the public interest").fill("Commercial terms with a provider.")
    page.get_by_label("Title the public sees").fill("Exempt item: a placement contract")
    _save(page, "Save the item")
    _save(page, "Publish the agenda")
    expect(page.locator("body")).to_contain_text("Agenda published")

    page.goto(manage_url)
    _save(page, "Publish the report")
    expect(page.locator("body")).to_contain_text("Figures as at")
    report_url = page.url

    # A visitor reads the report and the agenda: nothing of Part 2 beyond that it exists.
    page.context.clear_cookies()
    page.goto(report_url)
    expect(page.locator("h1")).to_have_text(title)
    body = page.locator("body")
    expect(body).to_contain_text("This appendix is exempt")
    expect(body).to_contain_text("Why we audit")
    assert canary not in page.content()
    axe(page)
    page.goto(meeting_url)
    expect(body).to_contain_text("Exempt item: a placement contract")
    assert exempt_item not in page.content()

    # A member of the committee sees both.
    sign_in(page, base, "member")
    page.goto(report_url)
    expect(page.locator("body")).to_contain_text(canary)
    page.goto(meeting_url)
    expect(page.locator("body")).to_contain_text(exempt_item)
