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


def test_a_table_too_wide_for_the_screen_is_a_region_the_keyboard_can_scroll(
    page: Page, demo_server, axe
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{demo_server.url}/wokingham/reports/1/")
    # Tables that fit are ordinary tables: no extra tab stop, no region.
    fitting = page.locator(".app-table-wrapper:not([tabindex])")
    expect(fitting.first).to_be_visible()
    assert page.locator(".app-table-wrapper").count() > 1

    page.goto(f"{demo_server.url}/wokingham/scorecards/practice/1/")
    page.set_viewport_size({"width": 420, "height": 900})
    region = page.get_by_role("region", name=re.compile(r"\(scrolls sideways\)$")).first
    expect(region).to_have_attribute("tabindex", "0")
    region.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # The browser may scroll smoothly: give it a moment to move, then check it did.
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle(), timeout=5000)
    assert region.evaluate("element => element.scrollLeft") > 0
    axe(page)
