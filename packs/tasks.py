"""Celery tasks: each takes ids, calls a service, and leaves the outcome on a model."""

from __future__ import annotations

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_ready
from django.conf import settings
from django.db import InterfaceError, OperationalError

from .worker import (
    Claim,
    render_job_fail,
    render_job_release,
    render_job_run,
    render_jobs_requeue_stalled,
)

# A database or broker that is briefly away is worth another try; anything else is a fault
# in the document and is recorded on the job for the clerk to read.
TRANSIENT = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


# Named as it was when it lived in scrutiny/tasks.py, so jobs queued before a deploy that
# moved it are still understood by the workers after it.
@shared_task(
    name="scrutiny.tasks.render_job",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=5,
)
def render_job(self, job_id: int) -> str:
    """Build the PDF of render job ``job_id``: an agenda pack or a report."""
    try:
        outcome = render_job_run(job_id=job_id)
    except SoftTimeLimitExceeded:
        limit = settings.CELERY_TASK_SOFT_TIME_LIMIT
        render_job_fail(job_id=job_id, error=f"It took longer than {limit} seconds to lay out.")
        return "failed"
    except TRANSIENT as error:
        render_job_release(job_id=job_id)
        if self.request.is_eager or self.request.retries >= self.max_retries:
            render_job_fail(job_id=job_id, error=f"The database or queue was unavailable: {error}")
            return "failed"
        raise self.retry(exc=error, countdown=5 * 2**self.request.retries) from error
    except Exception as error:
        render_job_fail(job_id=job_id, error=f"It could not be laid out: {error}")
        if self.request.is_eager:
            return "failed"
        raise
    if outcome == Claim.BUSY and not self.request.is_eager:
        # Another worker holds it. If that worker has died, its silence will let this one
        # take the job over once PACK_STALE_AFTER has passed.
        raise self.retry(countdown=settings.PACK_STALE_AFTER + 1)
    return outcome


@shared_task(name="packs.tasks.requeue_stalled_render_jobs", ignore_result=True)
def requeue_stalled_render_jobs() -> list[int]:
    """The sweep: jobs whose worker died are queued again and sent to the workers.

    Celery beat sends it every PACK_SWEEP_EVERY seconds (CELERY_BEAT_SCHEDULE), and each
    worker as it starts; with beat running, a dead worker's pack is built again within
    PACK_STALE_AFTER plus PACK_SWEEP_EVERY seconds, long before the broker would hand out its
    message again (the visibility timeout, 2 x CELERY_TASK_TIME_LIMIT)."""
    requeued = render_jobs_requeue_stalled()
    for job_id in requeued:
        render_job.delay(job_id)
    return requeued


@worker_ready.connect
def sweep_when_a_worker_starts(sender, **kwargs) -> None:
    """A worker starting (often one restarted after its predecessor died) sweeps at once.
    Sent as a task, so the database is read by a pool process, never the parent."""
    requeue_stalled_render_jobs.delay()
