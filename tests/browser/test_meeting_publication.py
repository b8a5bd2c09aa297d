"""In Chromium, a clerk publishes a late agenda (refused until the reason is given, the
message by the field) and then moves the meeting; the public reads the late reason and the
notice on the meeting page. Every state passes axe."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import Page, expect

from .support import sign_in


def _save(page: Page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def test_a_late_agenda_then_a_moved_meeting(page: Page, demo_server, axe):
    base = demo_server.url
    day = dt.date.today() + dt.timedelta(days=2)
    sign_in(page, base, "clerk")
    page.goto(f"{base}/wokingham/committees/")
    page.locator("tbody a").first.click()
    page.get_by_role("link", name="Arrange a meeting").click()
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Start time").fill("18:30")
    page.get_by_label("Venue").fill("Civic Offices, Shute End")
    _save(page, "Save the meeting")
    meeting_url = page.url
    expect(page.locator("body")).to_contain_text("clear working days before it")
    axe(page)

    _save(page, "Publish the agenda late")
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why the agenda is late")
    axe(page)
    page.get_by_label("Why the agenda is published late").fill("The inspection letter came late.")
    _save(page, "Publish the agenda late")
    expect(page.locator("body")).to_contain_text("Agenda published and emailed to the committee")

    page.get_by_role("link", name="Change the date, time or venue").click()
    page.get_by_label("Venue").fill("Council Chamber")
    page.get_by_label("If you cancel or move the meeting, say why").fill("The room flooded.")
    axe(page)
    _save(page, "Save the meeting")
    expect(page.locator("body")).to_contain_text("Meeting saved.")

    page.context.clear_cookies()
    page.goto(meeting_url)
    banner = page.get_by_role("region", name="Important")
    expect(banner).to_contain_text("Meeting moved")
    expect(banner).to_contain_text("has moved to")
    expect(banner).to_contain_text("Council Chamber. The room flooded.")
    expect(page.locator("body")).to_contain_text("The reason: The inspection letter came late.")
    axe(page)
