"""Reading the record in Chromium: search, the committee page's feed and calendar links,
and a councillor's dashboard, each passing axe."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

COMMITTEE = "/wokingham/committees/childrens-services-overview-and-scrutiny-committee/"


def test_the_public_searches_reports(page: Page, demo_server, axe):
    page.goto(f"{demo_server.url}/wokingham/")
    page.get_by_role("link", name="Search", exact=True).first.click()
    page.get_by_label("Search Wokingham's reports").fill("signs of safety")
    page.get_by_role("button", name="Search").click()

    expect(page.get_by_role("status")).to_contain_text("found for signs of safety")
    expect(page.get_by_role("link", name="Innovations Programme")).to_be_visible()
    expect(page.locator("mark").first).to_be_visible()
    axe(page)

    page.get_by_label("Search Wokingham's reports").fill("zzzqqq")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="No reports found")).to_be_visible()
    axe(page)


def test_an_empty_search_shows_the_error_summary_focused(page: Page, demo_server, axe):
    page.goto(f"{demo_server.url}/wokingham/search/")
    page.get_by_role("button", name="Search").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary.get_by_role("link", name="Enter words to search for").click()
    expect(page.get_by_label("Search Wokingham's reports")).to_be_focused()
    axe(page)


def test_the_committee_page_offers_its_feed_and_calendars(page: Page, demo_server, axe):
    page.goto(demo_server.url + COMMITTEE)

    feed = page.locator('head link[rel="alternate"][type="application/atom+xml"]')
    expect(feed).to_have_attribute("href", f"{COMMITTEE}feed/")
    expect(
        page.get_by_role("link", name="Follow new reports and agendas (Atom feed)")
    ).to_be_visible()
    calendar = page.get_by_role("link", name="Add this committee's meetings to your calendar")
    expect(calendar).to_have_attribute("href", f"{COMMITTEE}meetings.ics")
    axe(page)


def test_a_member_opens_their_dashboard_from_the_header(page: Page, sign_in_as, axe):
    sign_in_as("member")
    page.get_by_role("link", name="Your dashboard").click()

    expect(page.get_by_role("heading", name="Your dashboard", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Upcoming meetings")).to_be_visible()
    expect(page.get_by_role("link", name="Innovations Programme")).to_be_visible()
    expect(page.get_by_role("link", name="Your dashboard")).to_have_attribute(
        "aria-current", "page"
    )
    axe(page)
