"""Render jobs as `make demo` runs them: a real Celery worker on kombu's filesystem transport.

The clerk's Build queues a message as a file under the broker folder instead of building the
pack inside the request; a ``celery worker`` process, configured by the same settings as the
demo's (``CELERY_BROKER_URL=filesystem://``, scrutiny/broker.py), picks it up and records the
pages it lays out, then the finished PDF. This is the SQLite stage's test of real queued jobs
(the Redis ones, tests/packs/test_worker.py, run on PostgreSQL).

The SQLite test database is in memory, inside this process, so once the page has queued the
job the database is copied to a file for the worker, which is then read there.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from django.db import connection

from packs.models import RenderJob
from scrutiny.broker import QUEUE, filesystem_transport_options
from scrutiny.celery import app

from . import test_worker
from .test_downloads import pack_url
from .test_worker import Worker, _forget_connections, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

State = RenderJob.State
long_meeting = test_worker.long_meeting  # the fixture: a pack of about 100 pages


@pytest.fixture
def filesystem_broker(settings, tmp_path):
    """Sends tasks to a filesystem broker under tmp_path instead of running them here, as
    the demo's web server does."""
    folder = tmp_path / "broker"
    options = {**settings.CELERY_BROKER_TRANSPORT_OPTIONS, **filesystem_transport_options(folder)}
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url")}
    saved["broker_transport_options"] = dict(app.conf.broker_transport_options or {})
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    app.conf.broker_url = "filesystem://"
    app.conf.broker_transport_options = options
    _forget_connections()
    yield folder
    for key, value in saved.items():
        app.conf[key] = value
    _forget_connections()


def start_demo_worker(database_url: str, media_root, broker: Path, log: Path) -> Worker:
    """A ``celery worker`` configured as scripts/demo.sh starts it: the filesystem broker."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "CELERY_BROKER_URL": "filesystem://",
        "CELERY_FILESYSTEM_DIR": str(broker),
    }
    return Worker(env, log, {})


def copy_database(target: Path) -> None:
    """The test database, as it is now, into a file the worker process can open."""
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
    copy.close()


def job_row(database: Path, job_id: int) -> dict:
    with sqlite3.connect(database) as db:
        db.row_factory = sqlite3.Row
        row = db.execute(
            f"SELECT * FROM {RenderJob._meta.db_table} WHERE id = ?", (job_id,)
        ).fetchone()
    return dict(row)


def test_the_demo_worker_builds_a_queued_pack_from_the_filesystem_broker_with_progress(
    client, clerk, long_meeting, filesystem_broker, media_root, tmp_path, read_pdf
):
    if connection.vendor != "sqlite":
        pytest.skip("The demo runs on SQLite; tests/packs/test_worker.py runs Redis here.")
    client.force_login(clerk)
    url = pack_url(long_meeting, "public")
    assert client.post(url).status_code == 302
    job = RenderJob.objects.get()
    assert job.state == State.QUEUED, "with the demo's broker the page must queue the job"
    messages = list((filesystem_broker / QUEUE).iterdir())
    assert len(messages) == 1, "the job's message should wait as one file in the queue folder"

    database = tmp_path / "worker.sqlite3"
    copy_database(database)
    worker = start_demo_worker(
        f"sqlite:///{database}", media_root, filesystem_broker, tmp_path / "worker.log"
    )
    try:
        seen = []

        def finished():
            row = job_row(database, job.pk)
            seen.append((row["state"], row["pages_done"], row["pages_total"]))
            return row["state"] in {State.DONE, State.FAILED} and row

        row = wait_for(finished, 90, "the worker to finish the job", worker)
    finally:
        worker.stop()
    assert row["state"] == State.DONE, f"{row['error']}\n{worker.tail()}"
    assert any(state == State.RUNNING and done > 0 for state, done, _ in seen), (
        f"no pages were counted while it ran: {seen}"
    )
    assert not list((filesystem_broker / QUEUE).iterdir()), "the message was not taken"
    pdf = read_pdf((Path(media_root) / row["output"]).read_bytes())
    assert len(pdf.texts) == row["pages_total"] >= 20
