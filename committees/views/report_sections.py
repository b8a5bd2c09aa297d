"""A report's sections in the browser: text, the choice of a data block and its figures,
and moving or removing one. Views fetch, call a service, and render; services decide."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from committees.authoring.forms import BlockSectionForm, BlockTypeForm, NarrativeSectionForm
from committees.models import ReportSection
from committees.services import report_sections as sections_service
from committees.services import reports as service
from committees.views.authoring import FormPage, ReportMixin, manage_url
from scrutiny.blocks import BLOCK_TYPES, BlockChoiceError
from scrutiny.permissions import can_write_reports
from scrutiny.views.generic import AuthorityMixin


class NarrativeSectionView(ReportMixin, FormPage):
    """Add or change a section of text."""

    permission = staticmethod(can_write_reports)

    title = "Section of text"

    def section(self, report):
        if "section" not in self.kwargs:
            return None
        return get_object_or_404(
            ReportSection,
            report=report,
            pk=self.kwargs["section"],
            kind=ReportSection.Kind.NARRATIVE,
        )

    def get(self, request, *args, **kwargs):
        report = self.editable_report()
        section = self.section(report)
        initial = {}
        if section is not None:
            initial = {
                "heading": section.heading,
                "text": section.text,
                "is_exempt": section.is_exempt,
                "exempt_paragraph": section.exempt_paragraph,
            }
        form = NarrativeSectionForm(initial=initial)
        return self.render_to_response(
            self.get_context_data(form=form, report=report, breadcrumbs=self.crumbs(report))
        )

    def post(self, request, *args, **kwargs):
        report = self.editable_report()
        section = self.section(report)
        form = NarrativeSectionForm(request.POST)
        if not form.is_valid():
            return self.invalid(form=form, report=report, breadcrumbs=self.crumbs(report))
        try:
            if section is None:
                sections_service.section_add(
                    report=report, added_by=request.user, **form.cleaned_data
                )
            else:
                sections_service.section_update(
                    section=section, updated_by=request.user, **form.cleaned_data
                )
        except service.ReportRefused as refused:
            form.add_error(None, str(refused))
            return self.invalid(form=form, report=report, breadcrumbs=self.crumbs(report))
        messages.success(request, "Section saved.")
        return HttpResponseRedirect(manage_url(report))


class BlockTypeView(ReportMixin, FormPage):
    """Adding a data block, step 1: what it shows."""

    permission = staticmethod(can_write_reports)

    title = "Add a data block"
    submit_label = "Continue"

    def get(self, request, *args, **kwargs):
        report = self.editable_report()
        form = BlockTypeForm(authority=self.authority)
        return self.render_to_response(
            self.get_context_data(form=form, report=report, breadcrumbs=self.crumbs(report))
        )

    def post(self, request, *args, **kwargs):
        report = self.editable_report()
        form = BlockTypeForm(request.POST, authority=self.authority)
        if not form.is_valid():
            return self.invalid(form=form, report=report, breadcrumbs=self.crumbs(report))
        return HttpResponseRedirect(
            reverse(
                "committees:report_block_add",
                kwargs={
                    "authority": self.authority.slug,
                    "pk": report.pk,
                    "block": form.cleaned_data["block"],
                },
            )
        )


class BlockSectionView(ReportMixin, FormPage):
    """Adding (step 2) or changing a data block: its heading and which figures it shows."""

    permission = staticmethod(can_write_reports)

    template_name = "scrutiny/authoring/block_page.html"

    def setup_block(self, report):
        self.section = None
        if "section" in self.kwargs:
            self.section = get_object_or_404(
                ReportSection,
                report=report,
                pk=self.kwargs["section"],
                kind=ReportSection.Kind.DATA,
            )
            key = self.section.block_type
        else:
            key = self.kwargs["block"]
        self.kind = BLOCK_TYPES.get(key)
        if self.kind is None:
            raise Http404("No such kind of data block.")

    def context(self, report, form, **extra):
        return {
            "form": form,
            "report": report,
            "kind": self.kind,
            "title": self.kind.label,
            "breadcrumbs": self.crumbs(report),
            **extra,
        }

    def get(self, request, *args, **kwargs):
        report = self.editable_report()
        self.setup_block(report)
        initial = {"heading": self.kind.label}
        if self.section is not None:
            initial = {
                "heading": self.section.heading,
                "choice": self.section.block_params.get("choice", ""),
                "is_exempt": self.section.is_exempt,
                "exempt_paragraph": self.section.exempt_paragraph,
            }
        form = BlockSectionForm(initial=initial, kind=self.kind, authority=self.authority)
        return self.render_to_response(self.get_context_data(**self.context(report, form)))

    def post(self, request, *args, **kwargs):
        report = self.editable_report()
        self.setup_block(report)
        form = BlockSectionForm(request.POST, kind=self.kind, authority=self.authority)
        if not form.is_valid():
            return self.invalid(**self.context(report, form))
        data = form.cleaned_data
        try:
            if self.section is None:
                sections_service.section_add(
                    report=report, added_by=request.user, block=self.kind.key, **data
                )
            else:
                sections_service.section_update(
                    section=self.section, updated_by=request.user, **data
                )
        except (service.ReportRefused, BlockChoiceError) as refused:
            form.add_error(None, str(refused))
            return self.invalid(**self.context(report, form))
        messages.success(request, f"{self.kind.label} saved.")
        return HttpResponseRedirect(manage_url(report))


class SectionActionView(ReportMixin, AuthorityMixin, TemplateView):
    """Move a section up or down, or remove it (after a confirmation page)."""

    permission = staticmethod(can_write_reports)

    template_name = "scrutiny/authoring/section_delete.html"

    def get_section(self):
        report = self.editable_report()
        return get_object_or_404(ReportSection, report=report, pk=self.kwargs["section"])

    def get(self, request, *args, **kwargs):
        section = self.get_section()
        if kwargs["action"] != "delete":
            raise Http404("Move a section with the buttons on the report's page.")
        return self.render_to_response(
            self.get_context_data(
                section=section, report=section.report, breadcrumbs=self.crumbs(section.report)
            )
        )

    def post(self, request, *args, **kwargs):
        section = self.get_section()
        report = section.report
        action = kwargs["action"]
        if action == "delete":
            sections_service.section_delete(section=section, deleted_by=request.user)
            messages.success(request, f"Section “{section.heading}” removed.")
        elif action in {"up", "down"}:
            sections_service.section_move(section=section, moved_by=request.user, up=action == "up")
        else:
            raise Http404("No such action.")
        return HttpResponseRedirect(manage_url(report))
