"""Every page of setting a council up passes axe in its error state too (the crawl checks
each as it first opens): a council administrator's mistake on each step is shown in the
GOV.UK error summary, focused, and nothing about the page fails WCAG 2.2 AA. Nothing is saved
by these posts, so the shared demo is left as it was."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import sign_in

pytestmark = pytest.mark.browser

SAVE = "Save and return to the task list"


def _uncheck_all(page: Page) -> None:
    boxes = page.locator("main input[type=checkbox]")
    for i in range(boxes.count()):
        boxes.nth(i).uncheck()


def _details(page: Page) -> None:
    page.get_by_label("Full name").fill("")
    page.get_by_role("button", name=SAVE).click()


def _teams(page: Page) -> None:
    page.locator("input[name='areas-0-name']").fill("")
    page.locator("input[name='teams-0-name']").fill("")
    page.get_by_role("button", name=SAVE).click()


def _roles(page: Page) -> None:
    _uncheck_all(page)
    page.get_by_role("button", name=SAVE).click()


def _comparators(page: Page) -> None:
    page.get_by_label("Financial year the list applies from").fill("1999")
    page.get_by_role("button", name=SAVE).click()


def _indicators(page: Page) -> None:
    _uncheck_all(page)
    page.get_by_role("button", name="Save indicators").click()


def _local(page: Page) -> None:
    page.get_by_role("button", name="Add the indicator").click()


def _targets(page: Page) -> None:
    page.locator("input[name$='-value']").first.fill("22,5")
    page.get_by_role("button", name=SAVE).click()


def _committees(page: Page) -> None:
    page.get_by_role("button", name="Add the committee").click()


def _people(page: Page) -> None:
    page.get_by_label("Email address").fill("not an address")
    page.get_by_role("button", name="Send invitation").click()


def _new_council(page: Page) -> None:
    page.get_by_role("button", name=re.compile("Add the council")).click()


STEPS: list[tuple[str, Callable[[Page], None]]] = [
    ("/wokingham/setup/details/", _details),
    ("/wokingham/setup/teams/", _teams),
    ("/wokingham/workforce/roles/", _roles),
    ("/wokingham/setup/comparators/", _comparators),
    ("/wokingham/scorecards/catalogue/", _indicators),
    ("/wokingham/scorecards/local/", _local),
    ("/wokingham/scorecards/targets/", _targets),
    ("/wokingham/setup/committees/", _committees),
    ("/wokingham/setup/people/", _people),
    ("/councils/new/", _new_council),
]


@pytest.mark.parametrize(("path", "make_a_mistake"), STEPS, ids=[p for p, _ in STEPS])
def test_each_set_up_page_passes_axe_with_its_errors_shown(
    page: Page, demo_server, axe, path, make_a_mistake
):
    sign_in(page, demo_server.url, "admin")
    page.goto(demo_server.url + path)
    expect(page.locator("h1")).to_be_visible()
    make_a_mistake(page)
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    axe(page)
