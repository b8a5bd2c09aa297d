"""Asking for a PDF: each request for a document, and the council's cover letter.

``pack_request`` and ``report_pdf_request`` record what is wanted and enqueue the task
(``tasks.render_job``) on commit, or hand back the stored file at once when nothing that
goes into it has changed. The task builds it with ``worker.render_job_run``; imports go
one way, services -> tasks -> worker, and neither of those imports this module.

Memory (bench/packs.py): the document is built from the database once per process that
needs it (the request, to hash it; the worker, to lay it out) and the request lets its copy
go before an in-process job starts.
"""

from __future__ import annotations

from django.db import transaction

from committees.models import Meeting, Report

from . import tasks
from .documents import PackSource, pack_source, report_source
from .models import RenderJob
from .worker import output_path, render_jobs_requeue_stalled

Kind = RenderJob.Kind
State = RenderJob.State


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
    # Looked up when the job is sent, so a test may stand a queue in for the task.
    transaction.on_commit(lambda: tasks.render_job.delay(job.pk))
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


def render_job_recover(*, job: RenderJob | None) -> RenderJob | None:
    """A job whose worker died (silent for PACK_STALE_AFTER seconds) is queued again when its
    page is read, as the worker's sweep (``tasks.requeue_stalled_render_jobs``) would."""
    if job is None or not job.is_stalled:
        return job
    if render_jobs_requeue_stalled(job_id=job.pk):
        transaction.on_commit(lambda: tasks.render_job.delay(job.pk))
    job.refresh_from_db()
    return job


def cover_letter_save(*, form, authority, updated_by) -> None:
    """Save a council's cover letter from a valid form."""
    letter = form.save(commit=False)
    letter.authority = authority
    letter.updated_by = updated_by if getattr(updated_by, "pk", None) else None
    letter.save()
