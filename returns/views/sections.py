"""A return's section pages, its changes in plain words, and its spreadsheet."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.views.generic import TemplateView

from scrutiny.formsets import add_another_pressed, with_one_more_row
from scrutiny.permissions import may_edit_returns

from ..changes import return_changes
from ..models import ReturnSection
from ..sections import sections
from ..services import ReturnRefused, section_enter
from ..spreadsheet import MAX_BYTES, workbook_apply, workbook_for
from .base import BelowReturn, detail_url

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SectionView(BelowReturn, TemplateView):
    """One section's figures as a table of boxes, saved all at once or not at all."""

    template_name = "returns/section.html"

    def dispatch(self, request, *args, **kwargs):
        self.entry_class = sections().get(kwargs.get("section", ""))
        if self.entry_class is None:
            raise Http404("No such section.")
        return super().dispatch(request, *args, **kwargs)

    def load(self, data=None):
        self.quarterly_return = self.get_return()
        if self.quarterly_return.pk is None:
            section = ReturnSection(key=self.entry_class.key)
        else:
            section = ReturnSection.objects.get(
                quarterly_return=self.quarterly_return, key=self.entry_class.key
            )
        section.quarterly_return = self.quarterly_return
        return self.entry_class(
            quarterly_return=self.quarterly_return,
            section=section,
            data=data,
            user=self.request.user,
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(entry=self.load()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = context["entry"]
        context["return"] = self.quarterly_return
        context["started"] = self.quarterly_return.pk is not None
        context["editable"] = (
            context["can_edit"]
            and context["started"]
            and self.quarterly_return.is_editable
            and entry.can_edit_any
        )
        context["table"] = entry.table()
        refusal = kwargs.get("refusal")
        context["errors"] = ([("#main-content", refusal)] if refusal else []) + (
            entry.summary if entry.bound and not kwargs.get("adding") else []
        )
        return context

    def post(self, request, *args, **kwargs):
        if not may_edit_returns(request.user, self.authority):
            raise PermissionDenied("You cannot change this council's returns.")
        adding = add_another_pressed(request.POST, "rows")
        data = with_one_more_row(request.POST, "rows") if adding else request.POST
        entry = self.load(data=data)
        if not entry.can_edit_any:
            raise PermissionDenied("None of this section's rows is in your service areas.")
        if "copy-forward" in request.POST and entry.copy_forward:
            return self.copy_forward(entry)
        if adding and entry.addable:
            # GOV.UK "Add another", without JavaScript: the same page with one more blank
            # row and all that was typed; nothing is checked or saved until a save button.
            return self.render_to_response(self.get_context_data(entry=entry, adding=True))
        refusal = ""
        if self.quarterly_return.pk is None:
            refusal = "Start this quarter's return before you enter its figures"
            return self.render_to_response(self.get_context_data(entry=entry, refusal=refusal))
        try:
            if section_enter(entry, saved_by=request.user):
                # The title leads ("Audits completed: marked as completed"), never a bare
                # verb after it: "Audits completed completed" read as a slip.
                done = "marked as completed" if entry.completing else "your changes are saved"
                messages.success(request, f"{entry.title}: {done}")
                return HttpResponseRedirect(detail_url(self.quarterly_return))
        except ReturnRefused as exc:
            refusal = str(exc)
        return self.render_to_response(self.get_context_data(entry=entry, refusal=refusal))

    def copy_forward(self, posted):
        """Last quarter's rows in the boxes, each marked as copied, to check and save: nothing
        is saved yet. A copy over this quarter's figures, or of nothing, is refused."""
        entry = self.load()
        refusal = entry.copy_refusal()
        if refusal:
            posted.problems = refusal
            return self.render_to_response(self.get_context_data(entry=posted))
        copied = self.load(data=entry.copied_data())
        messages.info(
            self.request,
            f"{copied.row_noun.capitalize()}s copied from {copied.copied_from}: check each, "
            "tick that its figures are right this quarter, then save. Nothing is saved yet.",
        )
        return self.render_to_response(self.get_context_data(entry=copied, adding=True))


class ReturnChangesView(BelowReturn, TemplateView):
    """Every change of every figure of a return, newest first, in plain words."""

    template_name = "returns/return_changes.html"

    def get(self, request, *args, **kwargs):
        self.quarterly_return = self.get_return()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["return"] = self.quarterly_return
        started = self.quarterly_return.pk is not None
        changes = return_changes(self.quarterly_return, self.request.user) if started else []
        context["changes"] = changes
        return context


class ReturnSpreadsheetView(BelowReturn, TemplateView):
    """Download the return as a workbook (GET), or upload a filled one (POST), all or nothing."""

    template_name = "returns/return_spreadsheet.html"

    def get(self, request, *args, **kwargs):
        self.quarterly_return = self.get_return()
        if request.GET.get("download") and self.quarterly_return.pk is not None:
            name = f"{self.authority.slug}-{self.quarterly_return.period.slug}-return.xlsx"
            response = HttpResponse(
                workbook_for(self.quarterly_return, request.user), content_type=XLSX
            )
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["return"] = self.quarterly_return
        context["started"] = self.quarterly_return.pk is not None
        context["max_mb"] = MAX_BYTES // (1024 * 1024)
        context.setdefault("problems", [])
        context["errors"] = [("#file", str(p)) for p in context["problems"]]
        return context

    def post(self, request, *args, **kwargs):
        self.quarterly_return = self.get_return()
        if not may_edit_returns(request.user, self.authority) or self.quarterly_return.pk is None:
            raise PermissionDenied("You cannot change this council's returns.")
        problems, applied = workbook_apply(
            quarterly_return=self.quarterly_return,
            upload=request.FILES.get("file"),
            applied_by=request.user,
        )
        if problems:
            return self.render_to_response(self.get_context_data(problems=problems))
        if applied:
            messages.success(request, "Spreadsheet applied: " + "; ".join(applied))
        else:
            messages.success(request, "The spreadsheet changed nothing")
        return HttpResponseRedirect(detail_url(self.quarterly_return))
