"""Reads for the pack pages: the latest job for a document and the file to download."""

from __future__ import annotations

from django.urls import reverse

from committees.models import Meeting, Report

from .models import RenderJob

Kind = RenderJob.Kind
PACK_KINDS = [Kind.PUBLIC_PACK, Kind.SUPPLEMENTARY_PACK, Kind.CONFIDENTIAL_PACK]


def latest_job(kind: str, *, meeting: Meeting | None = None, report: Report | None = None):
    """The newest job for the document, whatever its state."""
    return RenderJob.objects.filter(kind=kind, meeting=meeting, report=report).first()


def latest_file(kind: str, *, meeting: Meeting | None = None, report: Report | None = None):
    """The newest finished job for the document (its file is what a download serves)."""
    return RenderJob.objects.filter(
        kind=kind, meeting=meeting, report=report, state=RenderJob.State.DONE
    ).first()


def latest_job_and_file(
    kind: str, *, meeting: Meeting | None = None, report: Report | None = None
) -> tuple[RenderJob | None, RenderJob | None]:
    """The newest job and the newest finished one. The newest job, when it has finished, is
    also the newest finished one, and with no job there is no file: only a job under way or
    failed needs a second read."""
    job = latest_job(kind, meeting=meeting, report=report)
    if job is None or job.state == RenderJob.State.DONE:
        return job, job
    return job, latest_file(kind, meeting=meeting, report=report)


def page_url(kind: str, *, meeting: Meeting | None = None, report: Report | None = None) -> str:
    if report is not None:
        return reverse(
            "packs:report_pdf", kwargs={"authority": report.authority.slug, "pk": report.pk}
        )
    slug = meeting.committee.authority.slug
    if kind == Kind.CONFIDENTIAL_PACK:
        return reverse(
            "packs:meeting_confidential_pack", kwargs={"authority": slug, "pk": meeting.pk}
        )
    return reverse("packs:meeting_pack", kwargs={"authority": slug, "pk": meeting.pk, "kind": kind})


def job_status(job: RenderJob | None, done: RenderJob | None, url: str) -> dict:
    """What the progress script polls for: state, pages, percentage, error, download."""
    if job is None:
        return {"state": "none", "label": "Not built yet", "percent": 0}
    return {
        "state": "failed" if job.is_stalled else job.state,
        "label": (
            "Stopped"
            if job.is_stalled
            else "Restarted"
            if job.was_restarted
            else job.get_state_display()
        ),
        "pages_done": job.pages_done,
        "pages_total": job.pages_total,
        "percent": job.percent,
        "error": job.error,
        "restarted": job.was_restarted,
        "download": f"{url}?format=pdf" if done else "",
    }
