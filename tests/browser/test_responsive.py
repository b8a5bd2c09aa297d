"""Every kind of reading page at a phone's, a tablet's, a small laptop's and a desktop's width
(390, 768, 1024 and 1280 px): the page never scrolls sideways, no table's caption or column is
cut off (a table too wide for its column scrolls inside a named region the keyboard can reach),
charts shrink to their column, the navigation is one row or folded behind "Menu", and axe
passes at each width."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

WIDTHS = [390, 768, 1024, 1280]
RETURN = "/slough/returns/2014-15-q4/"
PAGES = {
    "report": "/wokingham/reports/1/",
    "scorecard": "/wokingham/scorecards/",
    "practice scorecard": "/wokingham/scorecards/practice/1/",
    "indicator": "/wokingham/scorecards/sw-turnover-rate/",
    "meeting": "/wokingham/meetings/1/",
    "return": RETURN,
    # The widest return sections: a column per stage or per field, and long text.
    "return section (starters and leavers)": RETURN + "starters-leavers/",
    "return section (complaints)": RETURN + "complaints/",
    "return section (milestones)": RETURN + "milestones/",
}

# What a reader would call cut off, measured in the page as laid out. A caption's lines (not
# its box, which is as wide as its table) must lie inside what its region shows.
LAYOUT_PROBLEMS = """() => {
  const viewport = document.documentElement.clientWidth;
  const problems = [];
  const text = (el) => (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 50);
  if (document.documentElement.scrollWidth > viewport)
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide`);
  for (const table of document.querySelectorAll("main table")) {
    const region = table.closest(".app-table-wrapper");
    const left = region ? region.getBoundingClientRect().left : 0;
    const right = region ? Math.min(viewport, left + region.clientWidth) : viewport;
    const caption = table.querySelector("caption");
    const name = text(caption || table);
    if (caption) {
      const range = document.createRange();
      range.selectNodeContents(caption);
      for (const line of range.getClientRects()) {
        if (line.right > right + 1 || line.left < left - 1) {
          problems.push(`caption "${name}" is cut off`);
          break;
        }
      }
    }
    if (table.getBoundingClientRect().right > right + 1) {
      if (!region || region.scrollWidth <= region.clientWidth)
        problems.push(`table "${name}" runs off with no way to scroll to its columns`);
      else if (region.tabIndex !== 0 || region.getAttribute("role") !== "region"
               || !region.getAttribute("aria-label"))
        problems.push(`table "${name}" scrolls in a region the keyboard cannot reach`);
    }
  }
  for (const image of document.querySelectorAll("main img")) {
    const box = image.getBoundingClientRect();
    const column = image.parentElement.getBoundingClientRect();
    if (box.right > Math.min(viewport, column.right) + 1)
      problems.push(`image "${image.alt.slice(0, 50)}" is wider than its column`);
  }
  const items = [...document.querySelectorAll(".govuk-service-navigation__item")]
    .filter((item) => item.offsetParent);
  if (new Set(items.map((item) => Math.round(item.getBoundingClientRect().top))).size > 1)
    problems.push(`the navigation's ${items.length} items wrap onto more than one row`);
  return problems;
}"""


@pytest.fixture
def officer_page(sign_in_as, demo_server) -> Page:
    """The officer, with Slough's Q4 2014/15 return started so its sections can be read."""
    page = sign_in_as("officer")
    page.goto(demo_server.url + RETURN)
    start = page.get_by_role("button", name=re.compile(r"^Start the"))
    if start.count():
        start.click()
    expect(page.locator(".govuk-task-list")).to_be_visible()
    return page


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_every_page_kind_fits_the_screen(officer_page: Page, demo_server, axe, width):
    page = officer_page
    page.set_viewport_size({"width": width, "height": 900})
    failures = {}
    for kind, path in PAGES.items():
        page.goto(demo_server.url + path)
        page.evaluate("document.fonts.ready")
        problems = page.evaluate(LAYOUT_PROBLEMS)
        if problems:
            failures[f"{kind} ({path})"] = problems
        axe(page)
    assert not failures, f"At {width}px: {failures}"


def test_the_navigation_folds_behind_menu_when_its_items_do_not_fit(officer_page: Page):
    page = officer_page
    menu = page.get_by_role("button", name="Menu")
    areas = page.get_by_role("navigation", name="Menu").get_by_role("link")

    page.set_viewport_size({"width": 1280, "height": 900})
    expect(menu).to_be_hidden()
    expect(areas.first).to_be_visible()

    page.set_viewport_size({"width": 768, "height": 900})
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(areas.first).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("link", name="Returns", exact=True)).to_be_visible()


def test_a_chart_shrinks_to_a_phone_and_keeps_its_shape(page: Page, demo_server):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(demo_server.url + PAGES["report"])
    chart = page.locator("img.app-chart__image").first
    expect(chart).to_be_visible()
    width, height, natural_width, natural_height = chart.evaluate(
        "img => [img.clientWidth, img.clientHeight, img.naturalWidth, img.naturalHeight]"
    )
    assert width < natural_width
    assert abs(width / height - natural_width / natural_height) < 0.02
