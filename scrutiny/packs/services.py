"""Asking for a PDF and building it: each state change of a render job in one function.

``pack_request`` and ``report_pdf_request`` record what is wanted and enqueue the task on
commit, or hand back the stored file at once when nothing that goes into it has changed.
``render_job_run`` claims the job with a conditional update (exactly one row changes), so
a job delivered twice, or redelivered after its worker died, is built by one worker only,
and writes the file under its content hash in one atomic rename.

Memory (bench/packs.py): the document is built from the database once per process that
needs it (the request, to hash it; the worker, to lay it out) and the request lets its copy
go before an in-process job starts; the PDF goes from the writer straight to its file,
never held as bytes.
"""

from __future__ import annotations

import logging
import os
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from ..models import Meeting, RenderJob, Report
from .documents import PackSource, pack_source, report_source, source_for
from .render import RenderedPdf, render

log = logging.getLogger(__name__)

Kind = RenderJob.Kind
State = RenderJob.State
PACK_DIR = "packs"


def output_path(job: RenderJob) -> Path:
    return Path(settings.MEDIA_ROOT) / job.output


def _stored(job: RenderJob | None) -> bool:
    return job is not None and job.state == State.DONE and output_path(job).is_file()


def _estimate(kind: str, target: dict, source: PackSource) -> int:
    """Pages to expect: the last build's count, or a rough one from the document's length."""
    previous = (
        RenderJob.objects.filter(kind=kind, state=State.DONE, **target)
        .values_list("pages_total", flat=True)
        .first()
    )
    return previous or max(1, len(source.html()) // 3500)


def _request(*, kind: str, target: dict, source: PackSource, requested_by) -> RenderJob:
    digest = source.input_hash
    same = RenderJob.objects.filter(kind=kind, input_hash=digest, **target)
    current = same.filter(state__in=[State.QUEUED, State.RUNNING, State.DONE]).first()
    if current is not None and (current.is_active or _stored(current)):
        return current
    estimate, filename = _estimate(kind, target, source), source.filename
    # Without a broker the job runs inside ``on_commit`` below, building its own copy of the
    # document: this one (its HTML and report objects) must not be held beside it.
    del source
    authority = target.get("meeting", target.get("report"))
    job = RenderJob.objects.create(
        authority_id=(
            authority.committee.authority_id
            if isinstance(authority, Meeting)
            else authority.authority_id
        ),
        kind=kind,
        input_hash=digest,
        requested_by=requested_by if getattr(requested_by, "pk", None) else None,
        pages_total=estimate,
        filename=filename,
        **target,
    )
    from ..tasks import render_job

    transaction.on_commit(lambda: render_job.delay(job.pk))
    return job


def pack_request(*, meeting: Meeting, kind: str, requested_by=None) -> RenderJob:
    """Ask for a meeting's pack: the stored one if unchanged, else a job on the queue."""
    if kind not in {Kind.PUBLIC_PACK, Kind.CONFIDENTIAL_PACK, Kind.SUPPLEMENTARY_PACK}:
        raise ValueError(f"Not a pack: {kind}")
    return _request(
        kind=kind,
        target={"meeting": meeting},
        source=pack_source(meeting, kind),
        requested_by=requested_by,
    )


def report_pdf_request(*, report: Report, requested_by=None) -> RenderJob:
    """Ask for a published report's own PDF."""
    return _request(
        kind=Kind.REPORT_PDF,
        target={"report": report},
        source=report_source(report),
        requested_by=requested_by,
    )


def render_job_retry(*, job: RenderJob, requested_by=None) -> RenderJob:
    """A failed job asked for again: a new job for the same document as it is now."""
    if job.kind == Kind.REPORT_PDF:
        return report_pdf_request(report=job.report, requested_by=requested_by)
    return pack_request(meeting=job.meeting, kind=job.kind, requested_by=requested_by)


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


def cover_letter_save(*, form, authority, updated_by) -> None:
    """Save a council's cover letter from a valid form."""
    letter = form.save(commit=False)
    letter.authority = authority
    letter.updated_by = updated_by if getattr(updated_by, "pk", None) else None
    letter.save()
