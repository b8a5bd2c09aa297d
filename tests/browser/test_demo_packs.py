"""Issue 16's done-when: on the demo's set-up (no Redis), the clerk presses Build and sees the
progress bar move before the link appears. A real ``celery worker`` on the filesystem broker
(as scripts/demo.sh starts it, tests/packs/test_demo_worker.py) builds the pack beside the
live server; nothing in this process stands in for it."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, expect

from tests.packs.test_demo_worker import filesystem_broker, start_demo_worker  # noqa: F401
from tests.packs.test_worker import _database_url

from .support import sign_in
from .test_packs import committed_requests, seed_meeting  # noqa: F401


@pytest.fixture
def demo_worker(filesystem_broker, media_root, tmp_path):  # noqa: F811
    worker = start_demo_worker(_database_url(), media_root, filesystem_broker, tmp_path / "w.log")
    yield worker
    worker.stop()


def test_on_the_demo_the_clerk_sees_the_progress_bar_move_before_the_link(
    page: Page,
    demo_server,
    seed_meeting,  # noqa: F811
    demo_worker,
):
    base = demo_server.url
    sign_in(page, base, "clerk")
    page.goto(base + seed_meeting)
    panel = page.locator("#pack-supplementary")
    started = time.monotonic()
    with page.expect_navigation():
        panel.get_by_role("button", name="Build supplementary agenda pack").click()
    assert time.monotonic() - started < 10, "Build should return at once, not build the pack"
    download = panel.get_by_role("link", name="Download the supplementary agenda pack")
    expect(panel.locator("progress")).to_be_visible()
    expect(download).to_have_count(0)

    page.evaluate("window.notReloaded = true")
    page.wait_for_function(
        "() => window.notReloaded && document.querySelector('#pack-supplementary progress')"
        " && document.querySelector('#pack-supplementary progress').value > 0",
        timeout=60_000,
    )
    assert download.count() == 0, "the link came before the bar moved"
    expect(download).to_be_visible(timeout=90_000)
    assert not page.evaluate("window.notReloaded === true"), "the page reloads to offer it"
    assert "succeeded" in demo_worker.log.read_text(), demo_worker.tail()
