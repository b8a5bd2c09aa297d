"""Agenda packs and report PDFs: a page per document with its build, progress and download.

Each document's page answers three ways: the page itself, ``?format=json`` for the
progress script, and ``?format=pdf`` for the file. Every answer, the file included,
checks the reader's permission first; the file is never served from MEDIA_ROOT directly.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from committees.selectors import meeting_for, report_for
from scrutiny.permissions import can_manage_meetings
from scrutiny.views.generic import AuthorityMixin

from . import access, services
from .documents import cover_letter_for
from .forms import CoverLetterForm
from .models import RenderJob
from .selectors import job_status, latest_file, latest_job_and_file, page_url

Kind = RenderJob.Kind


class DocumentView(AuthorityMixin, View):
    """The shared answer for one document: page, progress as JSON, or the PDF."""

    template_name = "packs/document.html"

    def target(self) -> dict:
        raise NotImplementedError

    def may_download(self, target) -> bool:
        raise NotImplementedError

    def may_build(self, target) -> bool:
        raise NotImplementedError

    def request_build(self, target):
        raise NotImplementedError

    def setup_document(self):
        self.kind, target = self.target()
        if not self.may_download(target):
            raise PermissionDenied("You may not see everything this document holds.")
        self.url = page_url(self.kind, **target)
        return target

    def get(self, request, *args, **kwargs):
        target = self.setup_document()
        wanted = request.GET.get("format")
        if wanted == "pdf":
            return self.download(latest_file(self.kind, **target))
        job, done = latest_job_and_file(self.kind, **target)
        job = services.render_job_recover(job=job)
        if wanted == "json":
            response = JsonResponse(job_status(job, done, self.url))
            response["Cache-Control"] = "no-store"
            return response
        context = {
            "authority": self.authority,
            "kind": self.kind,
            "kind_label": Kind(self.kind).label,
            "job": job,
            "done": done,
            "status": job_status(job, done, self.url),
            "url": self.url,
            "may_build": self.may_build(target),
            "breadcrumbs": self.breadcrumbs(target),
            **target,
        }
        return render(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        target = self.setup_document()
        if not self.may_build(target):
            raise PermissionDenied("You may not build this document.")
        with transaction.atomic():
            # Two clerks asking at once must queue one job: hold the meeting's (or report's)
            # row while the request looks for a job already queued. This belongs inside
            # services._request, which another change is rewriting just now.
            for row in target.values():
                list(type(row).objects.select_for_update().filter(pk=row.pk).values("pk"))
            job = self.request_build(target)
        if job.state == RenderJob.State.DONE:
            messages.success(request, f"The {Kind(self.kind).label.lower()} is ready.")
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = ""
        return HttpResponseRedirect(back or self.url)

    def download(self, done: RenderJob | None):
        if done is None:
            raise Http404("This document has not been built yet.")
        path = Path(settings.MEDIA_ROOT) / done.output
        try:
            handle = path.open("rb")
        except FileNotFoundError:
            raise Http404("This document has not been built yet.") from None
        response = FileResponse(
            handle, as_attachment=True, filename=done.filename, content_type="application/pdf"
        )
        # A pack can hold Part 2 material: no shared cache may keep it.
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class MeetingPackView(DocumentView):
    """A meeting's public or supplementary agenda pack: public once the meeting is."""

    public = True
    kinds = {Kind.PUBLIC_PACK, Kind.SUPPLEMENTARY_PACK}

    def target(self):
        kind = self.kwargs.get("kind", Kind.CONFIDENTIAL_PACK)
        if kind not in self.kinds:
            raise Http404("No such pack.")
        return kind, {"meeting": meeting_for(self.request.user, self.authority, self.kwargs["pk"])}

    def may_download(self, target) -> bool:
        return access.may_download_pack(self.request.user, target["meeting"], self.kind)

    def may_build(self, target) -> bool:
        return access.may_build_pack(self.request.user, target["meeting"], self.kind)

    def request_build(self, target):
        return services.pack_request(
            meeting=target["meeting"], kind=self.kind, requested_by=self.request.user
        )

    def breadcrumbs(self, target):
        meeting = target["meeting"]
        return [
            (
                reverse("committees:committee_list", kwargs={"authority": self.authority.slug}),
                "Committees",
            ),
            (meeting.committee.get_absolute_url(), meeting.committee.name),
            (meeting.get_absolute_url(), f"{meeting.date:%-d %B %Y}"),
        ]


class ConfidentialPackView(MeetingPackView):
    """The confidential pack, Part 2 included: only for readers who may see all of it."""

    public = False
    kinds = {Kind.CONFIDENTIAL_PACK}


class ReportPdfView(DocumentView):
    """A published report's own PDF."""

    public = True

    def target(self):
        report = report_for(self.request.user, self.authority, self.kwargs["pk"])
        if not report.is_published:
            raise Http404("A report has its own PDF once it is published.")
        return Kind.REPORT_PDF, {"report": report}

    def may_download(self, target) -> bool:
        return access.may_download_report(self.request.user, target["report"])

    def may_build(self, target) -> bool:
        return access.may_build_report(self.request.user, target["report"])

    def request_build(self, target):
        return services.report_pdf_request(report=target["report"], requested_by=self.request.user)

    def breadcrumbs(self, target):
        report = target["report"]
        return [
            (
                reverse("committees:report_list", kwargs={"authority": self.authority.slug}),
                "Reports",
            ),
            (report.get_absolute_url(), report.title),
        ]


class CoverLetterView(AuthorityMixin, View):
    """The council's cover letter for agenda packs: clerks edit it, its staff read it."""

    template_name = "packs/cover_letter.html"

    def get(self, request, *args, **kwargs):
        letter = cover_letter_for(self.authority)
        return self.show(CoverLetterForm(instance=letter))

    def post(self, request, *args, **kwargs):
        if not can_manage_meetings(request.user, self.authority):
            raise PermissionDenied("Only the council's clerks change its cover letter.")
        form = CoverLetterForm(request.POST, instance=cover_letter_for(self.authority))
        if not form.is_valid():
            return self.show(form)
        services.cover_letter_save(form=form, authority=self.authority, updated_by=request.user)
        messages.success(request, "The cover letter has been saved.")
        return HttpResponseRedirect(request.path)

    def show(self, form):
        context = {
            "authority": self.authority,
            "form": form,
            "may_edit": can_manage_meetings(self.request.user, self.authority),
            "breadcrumbs": [
                (
                    reverse("committees:committee_list", kwargs={"authority": self.authority.slug}),
                    "Committees",
                )
            ],
        }
        return render(self.request, self.template_name, context)
