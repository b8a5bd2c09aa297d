"""A clerk builds agenda packs from a meeting's page in Chromium: the progress bar moves
without the page reloading, the download link follows, and without JavaScript the refresh
link does the same by hand. Each state of the panel passes axe."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connections
from playwright.sync_api import Page, expect

from committees.models import Meeting
from packs import tasks
from packs.models import RenderJob

from .support import sign_in, signed_in_page


def in_thread(work, wait: bool = True) -> list:
    """Runs ``work`` in a thread with its own database connection, as the live server runs
    each request: the test's own thread sits in a transaction that must stay idle."""
    result: list = []

    def run() -> None:
        try:
            result.append(work())
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    if wait:
        thread.join(60)
    return result


@pytest.fixture(autouse=True)
def committed_requests():
    if connections["default"].vendor == "sqlite" and connections["default"].is_in_memory_db():
        pytest.skip(
            "On an in-memory SQLite database the live server shares the test's connection "
            "and its transaction, which never commits, so a build is never queued "
            "(transaction.on_commit); scripts/test.sh runs the browser tests on PostgreSQL."
        )


@pytest.fixture
def worker(monkeypatch):
    """Stands in for a Celery worker, in this process: a job the page queues waits until
    the test lets it go, then the real task builds it in a thread of its own. (Tasks here
    otherwise run eagerly, inside the request, and the page would never show progress.)"""
    task = tasks.render_job
    go = threading.Event()
    done = threading.Event()
    queued = []

    def build(job_id: int) -> None:
        go.wait(60)
        try:
            task.apply(args=(job_id,))
        finally:
            done.set()

    class Queue:
        def delay(self, job_id: int) -> None:
            queued.append(job_id)
            in_thread(lambda: build(job_id), wait=False)

    monkeypatch.setattr(tasks, "render_job", Queue())
    yield go
    go.set()
    if queued:
        done.wait(120)


def fresh_meeting(day: dt.date) -> str:
    """The Wokingham meeting of that day with no pack built yet: the path of its page."""

    def clear() -> str:
        meeting = Meeting.objects.get(committee__authority__slug="wokingham", date=day)
        RenderJob.objects.filter(meeting=meeting).delete()
        return meeting.get_absolute_url()

    return in_thread(clear)[0]


def forget_packs(day: dt.date) -> None:
    in_thread(
        lambda: RenderJob.objects.filter(
            meeting__date=day, meeting__committee__authority__slug="wokingham"
        ).delete()
    )


@pytest.fixture
def seed_meeting(demo_server):
    """Seed 001's meeting: its supplementary pack is the annual review, some 30 pages."""
    day = dt.date(2015, 7, 21)
    yield fresh_meeting(day)
    forget_packs(day)


@pytest.fixture
def short_meeting(demo_server):
    day = dt.date(2018, 11, 20)
    yield fresh_meeting(day)
    forget_packs(day)


def test_a_clerk_builds_a_pack_watches_its_progress_and_downloads_it(
    page: Page, demo_server, seed_meeting, worker, axe
):
    base = demo_server.url
    sign_in(page, base, "clerk")
    page.goto(base + seed_meeting)
    panel = page.locator("#pack-supplementary")
    axe(page)
    with page.expect_navigation():
        panel.get_by_role("button", name="Build supplementary agenda pack").click()

    bar = panel.locator("progress")
    expect(bar).to_be_visible()
    expect(panel.get_by_role("status")).to_contain_text("Queued")
    expect(panel.get_by_role("link", name="Refresh to see progress")).to_be_visible()
    axe(page)

    # A mark on this page's window: it survives only as long as the page is not reloaded.
    page.evaluate("window.notReloaded = true")
    worker.set()
    page.wait_for_function(
        "() => window.notReloaded && document.querySelector('#pack-supplementary progress')"
        " && document.querySelector('#pack-supplementary progress').value > 0",
        timeout=60_000,
    )
    expect(panel.locator("[data-pack-pages]")).to_contain_text(" of about ")
    expect(panel.get_by_role("status")).to_contain_text("Building")

    # When it is done the script reloads the page, which then offers the file.
    download = panel.get_by_role("link", name="Download the supplementary agenda pack")
    expect(download).to_be_visible(timeout=90_000)
    assert not page.evaluate("window.notReloaded === true")
    expect(bar).to_have_count(0)
    axe(page)
    with page.expect_download() as started:
        download.click()
    assert started.value.suggested_filename == (
        "2015-07-21-childrens-services-overview-and-scrutiny-committee-supplementary-pack.pdf"
    )
    with open(started.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_without_javascript_the_refresh_link_shows_progress_then_the_download(
    browser, demo_server, short_meeting, worker
):
    base = demo_server.url
    with signed_in_page(browser, base, "clerk", java_script_enabled=False) as page:
        page.goto(base + short_meeting)
        panel = page.locator("#pack-public")
        with page.expect_navigation():
            panel.get_by_role("button", name="Build public agenda pack").click()
        refresh = panel.get_by_role("link", name="Refresh to see progress")
        expect(refresh).to_be_visible()
        expect(panel.get_by_role("status")).to_contain_text("Queued")
        worker.set()
        download = panel.get_by_role("link", name="Download the public agenda pack")
        for _ in range(60):
            if not refresh.count():
                break
            with page.expect_navigation():
                refresh.click()
            page.wait_for_timeout(500)
        expect(download).to_be_visible()
        assert page.url.split("?")[0] == base + short_meeting
