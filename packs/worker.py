"""Building a PDF on the worker: each state change of a render job in one function.

``render_job_run`` claims the job with a conditional update (exactly one row changes), so
a job delivered twice, or redelivered after its worker died, is built by one worker only,
and writes the file under its content hash in one atomic rename. The PDF goes from the
writer straight to its file, never held as bytes (bench/packs.py).
"""

from __future__ import annotations

import logging
import os
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from .documents import PackSource, source_for
from .models import RenderJob
from .parallel import render_parallel
from .render import RenderedPdf, render

log = logging.getLogger(__name__)

State = RenderJob.State
PACK_DIR = "packs"
PART_DIR = "pack-parts"  # beside packs/: laid-out parts by hash (packs/part_cache.py)


def output_path(job: RenderJob) -> Path:
    return Path(settings.MEDIA_ROOT) / job.output


class Claim:
    CLAIMED = "claimed"
    BUSY = "busy"
    FINISHED = "finished"


def render_job_claim(*, job_id: int) -> str:
    """Take the job for this worker with a conditional update that changes exactly one row.

    A running job is taken over only when its worker has been silent for PACK_STALE_AFTER
    seconds (it died); while that worker lives, the answer is BUSY and the task tries later.
    """
    now = timezone.now()
    silent_since = now - timedelta(seconds=settings.PACK_STALE_AFTER)
    claimed = (
        RenderJob.objects.filter(pk=job_id)
        .filter(Q(state=State.QUEUED) | Q(state=State.RUNNING, heartbeat_at__lt=silent_since))
        .update(
            state=State.RUNNING,
            started_at=now,
            heartbeat_at=now,
            finished_at=None,
            pages_done=0,
            error="",
            attempts=F("attempts") + 1,
        )
    )
    if claimed == 1:
        return Claim.CLAIMED
    if RenderJob.objects.filter(pk=job_id, state=State.RUNNING).exists():
        return Claim.BUSY
    return Claim.FINISHED


def render_job_release(*, job_id: int) -> None:
    """Put a running job back on the queue (a transient error: the task will retry)."""
    RenderJob.objects.filter(pk=job_id, state=State.RUNNING).update(state=State.QUEUED)


def render_job_fail(*, job_id: int, error: str) -> None:
    RenderJob.objects.filter(pk=job_id).update(
        state=State.FAILED, error=error, finished_at=timezone.now()
    )


def _progress(job_id: int):
    def record(pages: int) -> None:
        RenderJob.objects.filter(pk=job_id, state=State.RUNNING).update(
            pages_done=pages, heartbeat_at=timezone.now()
        )

    return record


def _render_to(path: Path, source: PackSource, on_progress) -> RenderedPdf:
    """Render into a temporary file beside ``path``, then rename it into place, so that no
    reader ever sees half a PDF and two workers finishing the same file each rename a
    complete one. WeasyPrint opens the temporary file only once the PDF is complete in
    memory, so a worker killed while laying out leaves nothing behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.stem}.{secrets.token_hex(4)}.part")
    try:
        if source.printed_items:
            parts = Path(settings.MEDIA_ROOT) / PART_DIR
            result = render_parallel(
                source, directory=parts, target=temporary, on_progress=on_progress
            )
        else:
            result = render(source, on_progress=on_progress, target=temporary)
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        temporary.chmod(0o644)  # the web server must be able to read it
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return result


def render_job_run(*, job_id: int) -> str:
    """Build the job's PDF if this worker claims it; says whether it did (a ``Claim``)."""
    claim = render_job_claim(job_id=job_id)
    if claim != Claim.CLAIMED:
        return claim
    job = RenderJob.objects.select_related("meeting__committee__authority", "report").get(pk=job_id)
    source = source_for(job)
    digest = source.input_hash
    relative = f"{PACK_DIR}/{digest}.pdf"
    path = Path(settings.MEDIA_ROOT) / relative
    pages = job.pages_total
    if not path.is_file():
        result = _render_to(path, source, on_progress=_progress(job_id))
        if result.refused:
            log.warning("Render job %s: refused to load %s", job_id, ", ".join(result.refused))
        pages = result.pages
    else:
        pages = (
            RenderJob.objects.filter(input_hash=digest, state=State.DONE)
            .values_list("pages_total", flat=True)
            .first()
            or pages
        )
    RenderJob.objects.filter(pk=job_id, state=State.RUNNING).update(
        state=State.DONE,
        input_hash=digest,
        output=relative,
        size=path.stat().st_size,
        pages_total=pages,
        pages_done=pages,
        finished_at=timezone.now(),
    )
    return Claim.CLAIMED


def render_jobs_requeue_stalled(*, job_id: int | None = None) -> list[int]:
    """Running jobs whose worker has been silent for PACK_STALE_AFTER seconds (it died) go
    back on the queue; answers the ids this call put back (only ``job_id``'s, if given).

    Each job is put back by a conditional update of its own row, so of the sweeps and pages
    that may notice it at once exactly one does; the claim in ``render_job_claim`` then lets
    one worker build it, whichever message (the new one, or the dead worker's handed out
    again by the broker) reaches a worker first."""
    silent_since = timezone.now() - timedelta(seconds=settings.PACK_STALE_AFTER)
    stalled = RenderJob.objects.filter(state=State.RUNNING, heartbeat_at__lt=silent_since)
    if job_id is not None:
        stalled = stalled.filter(pk=job_id)
    requeued = []
    for pk in stalled.values_list("pk", flat=True):
        if stalled.filter(pk=pk).update(state=State.QUEUED, pages_done=0) == 1:
            log.warning("Render job %s: its worker stopped; queued again", pk)
            requeued.append(pk)
    return requeued
