"""Writing a report in the browser: cover sheet, sections and data blocks, and its journey
from draft to publication. Views fetch, call a service, and render; services decide."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from committees.authoring.forms import (
    BackgroundPaperFormSet,
    FinancialRowFormSet,
    NewVersionForm,
    ReportCoverForm,
)
from committees.models import FinancialImplication, Report
from committees.services import reports as service
from scrutiny.blocks import BLOCK_TYPES, choice_texts
from scrutiny.permissions import (
    can_approve_report,
    can_correct_report,
    can_edit_report,
    can_handle_reports,
    can_publish_report,
    can_write_reports,
)
from scrutiny.views.forms import error_summary
from scrutiny.views.generic import AuthorityMixin


def manage_url(report: Report) -> str:
    return reverse(
        "committees:report_manage", kwargs={"authority": report.authority.slug, "pk": report.pk}
    )


class FormPage(AuthorityMixin, TemplateView):
    """A page of one or more forms with the error summary, caption and a back link."""

    template_name = "scrutiny/authoring/form_page.html"
    title = ""
    submit_label = "Save and continue"

    def forms(self) -> list:
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("title", self.title)
        context.setdefault("submit_label", self.submit_label)
        context["errors"] = kwargs.get("errors", [])
        return context

    def invalid(self, **context):
        context["errors"] = error_summary(*self.forms_in(context))
        return self.render_to_response(self.get_context_data(**context))

    @staticmethod
    def forms_in(context) -> list:
        return [context.get(n) for n in ("form", "financial", "papers")]


class ReportMixin:
    """Loads the council's report from the URL for staff who handle reports."""

    permission = staticmethod(can_handle_reports)

    def get_report(self) -> Report:
        if not can_handle_reports(self.request.user, self.authority):
            raise PermissionDenied("Only the council's officers, approvers and clerks can do this.")
        return get_object_or_404(
            Report.objects.select_related("authority", "committee", "supersedes"),
            authority=self.authority,
            pk=self.kwargs["pk"],
        )

    def editable_report(self) -> Report:
        report = self.get_report()
        if not can_edit_report(self.request.user, report):
            raise PermissionDenied("Only a draft report can change, by its council's writers.")
        return report

    def crumbs(self, report: Report | None = None) -> list[tuple[str, str]]:
        crumbs = [
            (
                reverse("committees:report_list", kwargs={"authority": self.authority.slug}),
                "Reports",
            )
        ]
        if report is not None:
            crumbs.append((manage_url(report), report.title))
        return crumbs


class ReportCreateView(ReportMixin, FormPage):
    """Start a report: the cover sheet first."""

    permission = staticmethod(can_write_reports)

    title = "Write a report"

    def check(self):
        if not can_write_reports(self.request.user, self.authority):
            raise PermissionDenied("Only the council's officers and approvers write reports.")

    def get(self, request, *args, **kwargs):
        self.check()
        form = ReportCoverForm(authority=self.authority)
        return self.render_to_response(self.get_context_data(form=form, breadcrumbs=self.crumbs()))

    def post(self, request, *args, **kwargs):
        self.check()
        form = ReportCoverForm(request.POST, authority=self.authority)
        if not form.is_valid():
            return self.invalid(form=form, breadcrumbs=self.crumbs())
        data = dict(form.cleaned_data)
        report = service.report_create(
            authority=self.authority,
            committee=data.pop("committee"),
            title=data.pop("title"),
            created_by=request.user,
            **data,
        )
        messages.success(request, "Report started. Now add its sections.")
        return HttpResponseRedirect(manage_url(report))


class ReportCoverView(ReportMixin, FormPage):
    """The cover sheet, the financial implications table and the background papers."""

    permission = staticmethod(can_write_reports)

    template_name = "scrutiny/authoring/cover_page.html"
    title = "Cover sheet"

    def forms_for(self, report, data=None):
        rows = FinancialImplication.objects.filter(report=report).order_by("year")
        return {
            "form": ReportCoverForm(data, instance=report, authority=self.authority),
            "financial": FinancialRowFormSet(data, queryset=rows, prefix="financial"),
            "papers": BackgroundPaperFormSet(data, instance=report, prefix="papers"),
        }

    def get(self, request, *args, **kwargs):
        report = self.editable_report()
        return self.render_to_response(
            self.get_context_data(
                report=report, breadcrumbs=self.crumbs(report), **self.forms_for(report)
            )
        )

    def post(self, request, *args, **kwargs):
        report = self.editable_report()
        forms = self.forms_for(report, request.POST)
        context = {"report": report, "breadcrumbs": self.crumbs(report), **forms}
        if not all(f.is_valid() for f in forms.values()):
            return self.invalid(**context)
        try:
            service.report_cover_save(
                report=report, forms=list(forms.values()), edited_by=request.user
            )
        except service.ReportRefused as refused:
            raise PermissionDenied(str(refused)) from None
        messages.success(request, "Cover sheet saved.")
        return HttpResponseRedirect(manage_url(report))


class ReportManageView(ReportMixin, AuthorityMixin, TemplateView):
    """A report's sections and where it is on its way to publication, with what to do next."""

    template_name = "scrutiny/authoring/report_manage.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.get_report()
        user = self.request.user
        sections = list(report.sections.order_by("order"))
        texts = choice_texts(self.authority, sections)
        for section in sections:
            kind = BLOCK_TYPES.get(section.block_type)
            section.block_label = kind.label if kind else ""
            section.choice_text = texts.get(section.pk, "")
        item, refusal = service.publication_check(report, timezone.localdate())
        context.update(
            report=report,
            sections=sections,
            can_edit=can_edit_report(user, report),
            can_approve=can_approve_report(user, report),
            can_publish=can_publish_report(user, report),
            can_correct=can_correct_report(user, report) and not report.superseded_by.exists(),
            can_return=report.status in {Report.Status.SUBMITTED, Report.Status.APPROVED}
            and (can_write_reports(user, self.authority) or can_approve_report(user, report)),
            missing=service.report_missing(report) if report.status == "draft" else [],
            agenda_item=item,
            publication_refusal=refusal,
            breadcrumbs=self.crumbs(),
            errors=kwargs.get("errors", []),
        )
        return context


class ReportActionView(ReportManageView):
    """Submit, approve, send back or publish: one button each, refused in words on the
    report's page if not now."""

    ACTIONS = {
        "submit": (service.report_submit, "submitted_by", "Sent for approval."),
        "approve": (service.report_approve, "approved_by", "Approved: a clerk can publish it."),
        "return": (service.report_return_to_draft, "returned_by", "Back to draft."),
        "publish": (service.report_publish, "published_by", "Published, figures frozen."),
    }

    def get(self, request, *args, **kwargs):
        raise Http404("Use the buttons on the report's page.")

    def post(self, request, *args, **kwargs):
        report = self.get_report()
        try:
            function, actor, done = self.ACTIONS[kwargs["action"]]
        except KeyError:
            raise Http404("No such action.") from None
        try:
            function(report=report, **{actor: request.user})
        except service.ReportRefused as refused:
            context = self.get_context_data(errors=[("#actions", str(refused))])
            return self.render_to_response(context)
        messages.success(request, done)
        if kwargs["action"] == "publish":
            return HttpResponseRedirect(report.get_absolute_url())
        return HttpResponseRedirect(manage_url(report))


class NewVersionView(ReportMixin, FormPage):
    """Correct a published report: start version N+1, saying what it changes."""

    permission = staticmethod(can_write_reports)

    title = "Correct this report"
    submit_label = "Start the new version"

    def check(self):
        report = self.get_report()
        if not can_correct_report(self.request.user, report):
            raise PermissionDenied("Only a published report can be corrected, by its writers.")
        return report

    def get(self, request, *args, **kwargs):
        report = self.check()
        return self.render_to_response(
            self.get_context_data(
                form=NewVersionForm(), report=report, breadcrumbs=self.crumbs(report)
            )
        )

    def post(self, request, *args, **kwargs):
        report = self.check()
        form = NewVersionForm(request.POST)
        context = {"form": form, "report": report, "breadcrumbs": self.crumbs(report)}
        if not form.is_valid():
            return self.invalid(**context)
        try:
            copy = service.report_new_version(
                report=report, started_by=request.user, change_note=form.cleaned_data["change_note"]
            )
        except service.ReportRefused as refused:
            form.add_error("change_note", str(refused))
            return self.invalid(**context)
        messages.success(request, f"Version {copy.version} started as a draft.")
        return HttpResponseRedirect(manage_url(copy))
