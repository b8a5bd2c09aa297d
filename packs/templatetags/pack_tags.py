"""The agenda pack panel on a meeting's page and the PDF panel on a report's page."""

from django import template

from scrutiny.permissions import can_manage_meetings

from .. import access
from ..models import RenderJob
from ..selectors import job_status, latest_job_and_file, page_url

register = template.Library()
Kind = RenderJob.Kind


def _entry(kind, user, target, may_build: bool) -> dict:
    job, done = latest_job_and_file(kind, **target)
    url = page_url(kind, **target)
    return {
        "kind": kind,
        "kind_label": Kind(kind).label,
        "job": job,
        "done": done,
        "status": job_status(job, done, url),
        "url": url,
        "may_build": may_build,
    }


@register.inclusion_tag("packs/_meeting_panel.html", takes_context=True)
def pack_panel(context, meeting):
    """The packs this reader may build or download, each with its state and progress."""
    user = context["request"].user
    kinds = [Kind.PUBLIC_PACK]
    if meeting.items.filter(is_supplementary=True).exists():
        kinds.append(Kind.SUPPLEMENTARY_PACK)
    if access.may_download_pack(user, meeting, Kind.CONFIDENTIAL_PACK):
        kinds.append(Kind.CONFIDENTIAL_PACK)
    packs = []
    for kind in kinds:
        may_build = access.may_build_pack(user, meeting, kind)
        entry = _entry(kind, user, {"meeting": meeting}, may_build)
        if may_build or entry["done"]:
            packs.append(entry)
    authority = meeting.committee.authority
    return {
        "packs": packs,
        "authority": authority,
        "may_edit_letter": can_manage_meetings(user, authority),
        "next": meeting.get_absolute_url(),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("packs/_report_panel.html", takes_context=True)
def report_pdf_panel(context, report):
    """The report's own PDF, for readers who may download it once it is published."""
    user = context["request"].user
    if not report.is_published or not access.may_download_report(user, report):
        return {"pdf": None}
    may_build = access.may_build_report(user, report)
    entry = _entry(Kind.REPORT_PDF, user, {"report": report}, may_build)
    return {
        "pdf": entry if may_build or entry["done"] else None,
        "next": report.get_absolute_url(),
        "csrf_token": context.get("csrf_token"),
    }
