"""A render job whose worker died: the sweep and the page put it back on the queue, once.

In-process (no broker: tasks run eagerly). tests/packs/test_worker.py does the same with
real workers killed by SIGKILL.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from packs.models import RenderJob
from packs.tasks import requeue_stalled_render_jobs
from packs.worker import render_jobs_requeue_stalled

from .test_downloads import pack_url

pytestmark = pytest.mark.django_db
State = RenderJob.State


def _running(meeting, *, silent_for: int) -> RenderJob:
    """A job a worker claimed (attempt 1) and last reported on ``silent_for`` seconds ago."""
    return RenderJob.objects.create(
        authority=meeting.committee.authority,
        kind=RenderJob.Kind.PUBLIC_PACK,
        meeting=meeting,
        state=State.RUNNING,
        attempts=1,
        pages_done=3,
        pages_total=9,
        heartbeat_at=timezone.now() - timedelta(seconds=silent_for),
        filename="pack.pdf",
    )


def test_the_sweep_requeues_only_jobs_silent_for_longer_than_pack_stale_after(meeting, settings):
    settings.PACK_STALE_AFTER = 60
    dead = _running(meeting, silent_for=61)
    alive = _running(meeting, silent_for=5)
    assert render_jobs_requeue_stalled() == [dead.pk]
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert (dead.state, dead.pages_done) == (State.QUEUED, 0)
    assert alive.state == State.RUNNING and alive.pages_done == 3
    assert render_jobs_requeue_stalled() == [], "a job is put back once, not by every sweep"


def test_the_sweep_task_has_the_dead_workers_pack_built_once(meeting, read_pdf):
    job = _running(meeting, silent_for=600)
    assert requeue_stalled_render_jobs() == [job.pk]  # eager: the render runs here
    job.refresh_from_db()
    assert job.state == State.DONE and job.attempts == 2
    assert RenderJob.objects.count() == 1
    assert requeue_stalled_render_jobs() == []
    job.refresh_from_db()
    assert job.attempts == 2


def test_the_page_says_the_last_attempt_stopped_and_was_started_again(
    client, meeting, clerk, django_capture_on_commit_callbacks
):
    job = _running(meeting, silent_for=600)
    client.force_login(clerk)
    url = pack_url(meeting, "public")
    with django_capture_on_commit_callbacks(execute=False) as sent:
        body = client.get(url).content.decode()
    assert len(sent) == 1, "the page queues the silent job for a worker"
    job.refresh_from_db()
    assert job.state == State.QUEUED
    assert "The last attempt stopped before it finished; it has been started again." in body
    assert "Restarted" in body
    with django_capture_on_commit_callbacks(execute=False) as sent:
        status = client.get(url, {"format": "json"}).json()
    assert sent == [], "a job already queued again is not sent twice"
    assert (status["state"], status["label"], status["restarted"]) == ("queued", "Restarted", True)
