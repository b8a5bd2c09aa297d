"""The public reads the 21 July 2015 meeting's (illustrative) minutes from its page; a clerk
opens the attendance form, sends it unanswered and sees the error summary, and opens the
minutes form; every page and state passes axe. Nothing is saved (the demo server is shared
by the browser tests)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

COMMITTEE = "/wokingham/committees/childrens-services-overview-and-scrutiny-committee/"


def _open_meeting(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}{COMMITTEE}")
    page.get_by_role("link", name="21 July 2015").click()
    expect(page.get_by_role("heading", name="Minutes", exact=True)).to_be_visible()


def test_the_public_reads_the_minutes_and_their_pdf_link(page: Page, demo_server, axe):
    _open_meeting(page, demo_server.url)
    page.get_by_role("link", name="Read the minutes of this meeting").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Minutes of the meeting")
    expect(page.get_by_text("These minutes were written for the demonstration")).to_be_visible()
    expect(page.get_by_role("link", name="Download the minutes (PDF)")).to_be_visible()
    axe(page)


def test_a_clerk_sees_attendance_errors_in_the_summary(page: Page, sign_in_as, demo_server, axe):
    sign_in_as("clerk")
    _open_meeting(page, demo_server.url)
    page.get_by_role("link", name="Record attendance").click()
    axe(page)
    page.get_by_role("button", name="Save attendance").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Say whether")
    axe(page)
    _open_meeting(page, demo_server.url)
    page.get_by_role("link", name="Write the minutes").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Minutes of")
    axe(page)
    _open_meeting(page, demo_server.url)
    page.get_by_role("link", name="Record a declaration of interest").click()
    page.get_by_role("button", name="Record the declaration").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the kind of interest")
    axe(page)
