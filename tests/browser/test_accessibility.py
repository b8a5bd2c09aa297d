"""Every kind of page passes axe-core's WCAG 2.2 A and AA rules, signed in or not.

The pages are found by crawling the site from the home page and each council's home page,
so a page added anywhere is checked without editing this file. Pages are grouped by URL
route (``<slug:authority>/workforce/staffing/<int:pk>/``) and one page of each route is
checked: the template is what passes or fails, not the row it shows.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve
from playwright.sync_api import BrowserContext, Page, expect

from .support import DEMO_COUNCILS, format_violations, run_axe, sign_in

pytestmark = pytest.mark.browser

PAGE_LIMIT = 200
# Enough pages of one route to find the links they lead to, without one long list of rows
# using up the whole crawl.
PER_ROUTE = 4
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/accounts/logout/")
DOWNLOAD = re.compile(
    r"(\.(pdf|csv|xlsx?|docx?|zip|json|xml|png|svg|ics)$)|/(download|export|pdf)s?/?$"
)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href") and "download" not in attributes:
            self.hrefs.append(attributes["href"])


def links_in(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str


def route_of(path: str) -> Route:
    try:
        match = resolve(path)
    except Resolver404:
        return Route(re.sub(r"/\d+(?=/|$)", "/N", path), "")
    return Route(match.route, match.view_name or "")


@dataclass
class Crawl:
    """One page of each route, and every link that led nowhere good."""

    examples: dict[Route, str] = field(default_factory=dict)
    broken: list[str] = field(default_factory=list)
    visited: int = 0


def crawl(context: BrowserContext, base_url: str, starts: list[str]) -> Crawl:
    """Breadth-first over same-origin links, as whoever is signed in to ``context``."""
    origin = urlsplit(base_url).netloc
    result = Crawl()
    per_route: Counter[Route] = Counter()
    seen = set(starts)
    queue = deque((path, "(start)") for path in starts)
    while queue and result.visited < PAGE_LIMIT:
        path, referrer = queue.popleft()
        route = route_of(path)
        if per_route[route] >= PER_ROUTE and referrer != "(start)":
            continue
        per_route[route] += 1
        result.visited += 1

        response = context.request.get(base_url + path)
        if response.status == 404 or response.status >= 500:
            result.broken.append(f"{path} (linked from {referrer}): HTTP {response.status}")
            continue
        if not response.ok or "text/html" not in response.headers.get("content-type", ""):
            continue
        final = urlsplit(response.url)
        result.examples.setdefault(route_of(final.path), final.path)

        for href in links_in(response.text()):
            target = urlsplit(urljoin(response.url, href))
            if target.scheme not in ("http", "https") or target.netloc != origin:
                continue
            # Query strings only sort, filter and page the same template.
            next_path = target.path
            if (
                next_path in seen
                or next_path.startswith(SKIPPED_PREFIXES)
                or DOWNLOAD.search(next_path)
            ):
                continue
            seen.add(next_path)
            queue.append((next_path, final.path))
    return result


def check_every_route(page: Page, base_url: str, found: Crawl) -> list[str]:
    failures = []
    for route, path in sorted(found.examples.items(), key=lambda item: item[0].pattern):
        page.goto(base_url + path)
        violations = run_axe(page)
        if violations:
            failures.append(format_violations(f"{path} (route {route.pattern!r})", violations))
    return failures


def kinds_checked(found: Crawl) -> set[str]:
    kinds = set()
    for route in found.examples:
        if route.name == "home":
            kinds.add("home page")
        elif route.name == "committees:authority_home":
            kinds.add("council home page")
        elif route.name.endswith("_list"):
            kinds.add("list page")
        elif route.name.endswith("_detail"):
            kinds.add("detail page")
    return kinds


@pytest.mark.parametrize("username", [None, "admin"], ids=["anonymous", "admin"])
def test_it_finds_no_accessibility_violations_on_any_kind_of_page(
    page: Page, context: BrowserContext, demo_server, username
):
    base_url = demo_server.url
    if username:
        sign_in(page, base_url, username)
    starts = ["/"] + [f"/{slug}/" for slug in DEMO_COUNCILS]
    if username:
        starts.append("/dashboard/")  # where signing in lands: "Your work" first

    found = crawl(context, base_url, starts)
    failures = check_every_route(page, base_url, found)

    checked = "\n  ".join(sorted(route.pattern or "/" for route in found.examples))
    assert not found.broken, "Links that lead nowhere:\n  " + "\n  ".join(found.broken)
    assert not failures, "Accessibility violations:\n" + "\n\n".join(failures)
    # The demo publishes committee papers, so the public too reaches lists and details.
    must_reach = {"home page", "council home page", "list page", "detail page"}
    assert must_reach <= kinds_checked(found), (
        f"The crawl ({found.visited} pages) checked only these routes:\n  {checked}"
    )


def test_it_finds_no_accessibility_violations_on_the_sign_in_error_page(
    page: Page, demo_server, axe
):
    sign_in(page, demo_server.url, "officer", password="wrong-password")
    expect(page.locator(".govuk-error-summary")).to_be_visible()

    axe(page)


def test_it_finds_no_accessibility_violations_on_a_work_list_with_work_in_it(
    page: Page, demo_server, axe
):
    """The crawl signs in as the administrator, who is given no council's to-do list; the
    demo approver has quarters overdue and approvals waiting in four councils."""
    sign_in(page, demo_server.url, "approver")
    expect(page).to_have_url(f"{demo_server.url}/dashboard/")
    expect(page.get_by_role("heading", name="Your work")).to_be_visible()
    expect(page.locator(".govuk-task-list__item").first).to_be_visible()
    axe(page)


def test_it_finds_no_accessibility_violations_on_the_due_dates_page_and_its_errors(
    page: Page, demo_server, axe
):
    sign_in(page, demo_server.url, "admin")
    page.goto(f"{demo_server.url}/wokingham/returns/due-dates/")
    expect(page.get_by_role("heading", name="When returns are due")).to_be_visible()
    axe(page)
    page.get_by_label("How many days after a quarter ends is its return due?").fill("0")
    page.get_by_role("button", name="Save and return to the task list").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe(page)
