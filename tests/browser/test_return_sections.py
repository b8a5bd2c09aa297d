"""An officer fills a return's sections in Chromium: each page passes axe as it first
appears and again in its error state, and a good save brings the task list up to date."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SECTIONS = {
    # section: (link text on the task list, a field to spoil, the bad value)
    "workforce": ("Workforce by role", "#id_rows-0-agency", "-2"),
    "complaints": ("Complaints", "input[id^='id_rows-0-'][type='text']", "lots"),
    "contacts": ("Contact volumes", "input[id^='id_rows-0-'][type='text']", "1e5000"),
    "caseloads": ("Caseloads by team", "#id_rows-0-cases_held", "-1"),
    "indicators": ("^Indicators", "#id_rows-0-numerator", "lots"),
    "complaint-themes": ("Complaint themes", "#id_rows-0-context", "No theme named"),
    "audits": ("Audits completed", "#id_rows-0-completed_on_month", "13"),
}


@pytest.fixture
def started_return(sign_in_as, demo_server) -> Page:
    """Slough's Q4 2014/15 return, started through its page by the first test that needs it."""
    page = sign_in_as("officer")
    page.goto(f"{demo_server.url}/slough/returns/2014-15-q4/")
    start = page.get_by_role("button", name=re.compile(r"^Start the"))
    if start.count():
        start.click()
    expect(page.locator(".govuk-task-list")).to_be_visible()
    return page


@pytest.mark.parametrize("section", list(SECTIONS))
def test_a_section_passes_axe_as_it_opens_and_in_its_error_state(started_return, axe, section):
    page = started_return
    link_text, field, bad = SECTIONS[section]
    page.get_by_role("link", name=re.compile(link_text)).first.click()
    axe(page)

    page.locator(field).first.fill(bad)
    page.get_by_role("button", name="Save and come back later").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(page.locator(field).first).to_have_value(bad)
    axe(page)


def test_a_good_save_marks_the_section_in_progress_on_the_task_list(started_return):
    page = started_return
    page.get_by_role("link", name=re.compile("Contact volumes")).first.click()
    page.locator("input[id^='id_rows-0-'][type='text']").first.fill("3735")
    page.get_by_role("button", name="Save and come back later").click()
    row = page.locator(".govuk-task-list__item", has_text="Contact volumes")
    expect(row).to_contain_text("In progress")
