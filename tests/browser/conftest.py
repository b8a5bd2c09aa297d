"""Headless Chromium against a live server holding the demo data.

pytest-django's ``live_server`` fixture pulls in ``transactional_db``, which empties every
table after each test; the demo data would be gone after the first one. Instead this package
loads the demo once, committed, into the test database, serves it from its own live server
for all the browser tests, and empties the tables when the package is done so that tests
collected after it start from the blank database they expect.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from .support import CHROMIUM_ARGS, format_violations, new_context, run_axe, sign_in

FAST_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # Everything in this folder drives Chromium; `-m "not browser"` must leave all of it out
    # even when a new module forgets its pytestmark. The django_db mark is what makes
    # pytest-django create the test database at all; each test's own transaction is idle.
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="package")
def demo_server(django_db_setup, django_db_blocker) -> Iterator[LiveServer]:
    """A live server over the demo data, shared by every browser test."""
    from demo import load_demo

    # Each sign-in otherwise spends most of a second in PBKDF2; the demo's passwords are
    # hashed with the fast hasher too, since they are set while this is in force.
    fast_hashing = override_settings(PASSWORD_HASHERS=FAST_HASHERS)
    with django_db_blocker.unblock(), fast_hashing:
        load_demo()
        # 127.0.0.1 rather than localhost: Chromium may try ::1 first and the server
        # listens on IPv4 only.
        server = LiveServer("127.0.0.1")
        server._live_server_modified_settings.enable()
        try:
            yield server
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            _join_request_threads()
            call_command("flush", interactive=False, verbosity=0)
            # flush recreates content types with new ids; forget the cached old ones.
            ContentType.objects.clear_cache()
            # Playwright's greenlets give this teardown its own context, and so its own
            # database connection, which nothing else would close.
            connections.close_all()


def _join_request_threads(timeout: float = 10.0) -> None:
    # A request thread lives as long as the browser keeps its connection open and holds a
    # database connection till then; PostgreSQL will not drop the test database under it.
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(timeout)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    # Playwright's sync API keeps an asyncio loop in this thread, and Django then refuses ORM
    # calls from it. The loop only runs while a Playwright call blocks, never beside a query,
    # so the check is lifted for as long as the browser is open, and for nothing else.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def sign_in_as(page: Page, demo_server: LiveServer):
    """Signs the test's page in as a demo user through the sign-in form."""

    def sign_in_as_(username: str) -> Page:
        sign_in(page, demo_server.url, username)
        return page

    return sign_in_as_


@pytest.fixture
def axe():
    """Checks a page with axe and fails the test with a readable list of what is wrong."""

    def check(page: Page) -> None:
        violations = run_axe(page)
        assert not violations, "Accessibility violations on " + format_violations(
            page.url, violations
        )

    return check
