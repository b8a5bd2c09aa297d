"""What the browser tests share: how to start Chromium, sign in and run axe."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, expect

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Without the networking flags Chromium keeps trying to reach Google's hosts, which this
# closed network refuses; without --no-sandbox it will not start as root.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

DEMO_PASSWORD = "demo"
DEMO_ROLES = ["officer", "approver", "clerk", "member", "admin"]
DEMO_COUNCILS = ["wokingham", "wiltshire", "slough", "lincolnshire"]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def new_context(browser: Browser, **options) -> BrowserContext:
    """A browser context with cookies of its own, in British English, that waits up to 15
    seconds for what a test expects to see."""
    context = browser.new_context(locale="en-GB", **options)
    context.set_default_timeout(15_000)
    return context


def sign_in(page: Page, base_url: str, username: str, password: str = DEMO_PASSWORD) -> None:
    """Signs in through the real form, as a person would, after whoever used the browser
    before has gone."""
    page.context.clear_cookies()
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


@contextmanager
def signed_in_page(browser: Browser, base_url: str, username: str, **options) -> Iterator[Page]:
    """A page signed in as ``username`` in a context of its own, as another person at another
    computer would be; ``options`` go to the context. The context closes with the block."""
    context = new_context(browser, **options)
    try:
        page = context.new_page()
        sign_in(page, base_url, username)
        yield page
    finally:
        context.close()


@dataclass
class Violation:
    rule: str
    impact: str | None
    help: str
    help_url: str
    targets: list[str]

    def __str__(self) -> str:
        targets = "\n      ".join(self.targets)
        return (
            f"  {self.rule} [{self.impact or 'no impact given'}]: {self.help}\n"
            f"    {self.help_url}\n      {targets}"
        )


_AXE_RUN = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    help_url: v.helpUrl,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}"""


def complete_remaining_sections(page: Page) -> None:
    """On a quarter's task list, opens every section not yet completed and marks it
    completed as it stands (``complete_as_it_stands``), then
    checks the task list says every section is completed."""
    from playwright.sync_api import expect

    links = page.locator(".govuk-task-list__link")
    slugs = [
        links.nth(i).get_attribute("href").rstrip("/").rsplit("/", 1)[1]
        for i in range(links.count())
    ]
    for slug in slugs:
        if page.locator(f"#task-{slug}-status").inner_text().strip() == "Completed":
            continue
        page.locator(f"a[aria-describedby='task-{slug}-status']").click()
        complete_as_it_stands(page)
        expect(page.locator(".govuk-task-list")).to_be_visible()
    statuses = page.locator(".govuk-task-list__status").all_inner_texts()
    assert all(s.strip() == "Completed" for s in statuses), statuses


def run_axe(page: Page) -> list[Violation]:
    """Runs axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the page as it is now."""
    # evaluate() runs through the DevTools protocol, which the page's CSP does not govern,
    # so the pages are checked with their real policy in force.
    page.evaluate(AXE_JS.read_text())
    return [Violation(**v) for v in page.evaluate(_AXE_RUN, WCAG_TAGS)]


def format_violations(url: str, violations: list[Violation]) -> str:
    return f"{url}\n" + "\n".join(str(v) for v in violations)


def complete_as_it_stands(page: Page) -> None:
    """Mark the open section completed as it stands: one with nothing entered is refused
    until the officer chooses "Nothing to report this quarter" (the refusal says so)."""
    page.get_by_role("button", name="Save and mark as completed").click()
    # Wait for the answer (the task list, or the section again with its refusal).
    page.locator(".govuk-task-list, .govuk-error-summary").first.wait_for()
    if page.locator(".govuk-error-summary").count():
        expect(page.locator(".govuk-error-summary")).to_contain_text("nothing to report")
        page.get_by_label("Nothing to report this quarter").check()
        page.get_by_role("button", name="Save and mark as completed").click()
