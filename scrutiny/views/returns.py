"""Quarterly returns: the council's quarters, a return's task list, and its section pages.

Views only read, call a service and render: who may start, save, submit, approve, lock or
reopen is decided by ``scrutiny.services.returns`` on every POST, and its refusal is shown
to the user as it is worded there.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from ..models import Period, QuarterlyReturn, ReturnSection, Role, financial_year_of
from ..returns.changes import return_changes
from ..returns.sections import may_edit, return_open, sections
from ..returns.spreadsheet import MAX_BYTES, workbook_apply, workbook_for
from ..services.returns import (
    ReturnRefused,
    ensure_editable,
    return_approve,
    return_lock,
    return_reopen,
    return_submit,
    section_save,
)
from .generic import AuthorityMixin

QUARTER_SLUG = re.compile(r"^(\d{4})-(\d{2})-q([1-4])$")
Status = QuarterlyReturn.Status
STATUS_TAGS = {
    Status.DRAFT: "govuk-tag--blue",
    Status.SUBMITTED: "govuk-tag--yellow",
    Status.APPROVED: "govuk-tag--green",
    Status.LOCKED: "govuk-tag--grey",
}
SECTION_TAGS = {
    ReturnSection.Status.NOT_STARTED: "govuk-tag--blue",
    ReturnSection.Status.IN_PROGRESS: "govuk-tag--light-blue",
    ReturnSection.Status.COMPLETED: "",
    ReturnSection.Status.CANNOT_START: "govuk-tag--grey",
}


def parse_quarter(slug: str) -> tuple[int, int]:
    """(start year, quarter) from a slug like 2014-15-q4; 404 for anything else."""
    match = QUARTER_SLUG.match(slug or "")
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        raise Http404("No such quarter.")
    return int(match[1]), int(match[3])


def unsaved_quarter(start_year: int, number: int) -> Period:
    start, end = Period.bounds(Period.Kind.QUARTER, start_year, number)
    return Period(
        kind=Period.Kind.QUARTER, start_year=start_year, number=number, start=start, end=end
    )


class InReturns:
    """Breadcrumbs back to the council's returns."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        url = reverse("return_list", kwargs={"authority": self.authority.slug})
        context["breadcrumbs"] = [(url, "Quarterly returns"), *self.more_breadcrumbs()]
        context["can_edit"] = may_edit(self.request.user, self.authority)
        return context

    def more_breadcrumbs(self) -> list[tuple[str, str]]:
        return []


class ReturnListView(AuthorityMixin, TemplateView):
    """This financial year's quarters and every quarter with a return, with its status."""

    template_name = "returns/return_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        returns = {
            (r.period.start_year, r.period.number): r
            for r in QuarterlyReturn.objects.filter(authority=self.authority).select_related(
                "period"
            )
        }
        year = financial_year_of(timezone.localdate())
        wanted = {(year, n) for n in range(1, 5)} | set(returns)
        rows = []
        for start_year, number in sorted(wanted, reverse=True):
            found = returns.get((start_year, number))
            period = found.period if found else unsaved_quarter(start_year, number)
            rows.append(
                {
                    "period": period,
                    "return": found,
                    "tag": STATUS_TAGS.get(found.status, "") if found else "govuk-tag--blue",
                }
            )
        context["rows"] = rows
        context["can_edit"] = may_edit(self.request.user, self.authority)
        return context

    def post(self, request, *args, **kwargs):
        if not may_edit(request.user, self.authority):
            raise PermissionDenied("You cannot start a return for this council.")
        start_year, number = parse_quarter(request.POST.get("period", ""))
        try:
            quarterly_return = return_open(
                authority=self.authority,
                period=Period.quarter(start_year, number),
                started_by=request.user,
            )
        except ReturnRefused as refusal:
            messages.error(request, str(refusal))
            return HttpResponseRedirect(request.path)
        return HttpResponseRedirect(detail_url(quarterly_return))


def detail_url(quarterly_return: QuarterlyReturn) -> str:
    return reverse(
        "return_detail",
        kwargs={
            "authority": quarterly_return.authority.slug,
            "period": quarterly_return.period.slug,
        },
    )


class ReturnMixin(InReturns, AuthorityMixin):
    """Finds the council's return for the quarter in the URL (404 if it has none)."""

    def dispatch(self, request, *args, **kwargs):
        start_year, number = parse_quarter(kwargs.get("period", ""))
        self.lookup = {"start_year": start_year, "number": number}
        return super().dispatch(request, *args, **kwargs)

    def get_return(self) -> QuarterlyReturn:
        """The quarter's return, or an unsaved draft to show what it will hold before it starts."""
        quarterly_return = (
            QuarterlyReturn.objects.select_related("period", "submitted_by", "approved_by")
            .filter(
                authority=self.authority,
                period__kind=Period.Kind.QUARTER,
                period__start_year=self.lookup["start_year"],
                period__number=self.lookup["number"],
            )
            .first()
        )
        if quarterly_return is None:
            period = unsaved_quarter(self.lookup["start_year"], self.lookup["number"])
            quarterly_return = QuarterlyReturn(period=period, status=Status.DRAFT)
        quarterly_return.authority = self.authority
        return quarterly_return


class ReturnDetailView(ReturnMixin, TemplateView):
    """A return as a GOV.UK task list, its workflow buttons and its history."""

    template_name = "returns/return_detail.html"
    actions = {"submit", "approve", "lock", "reopen"}

    def get(self, request, *args, **kwargs):
        self.quarterly_return = self.get_return()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quarterly_return = self.quarterly_return
        started = quarterly_return.pk is not None
        by_key = {s.key: s for s in quarterly_return.sections.all()} if started else {}
        context["return"] = quarterly_return
        context["status_tag"] = STATUS_TAGS.get(quarterly_return.status, "")
        context["tasks"] = [
            {
                "entry": entry,
                "section": by_key.get(entry.key),
                "tag": SECTION_TAGS.get(by_key[entry.key].status, "")
                if entry.key in by_key
                else "",
            }
            for entry in sections().values()
        ]
        context["started"] = started
        context["events"] = quarterly_return.events.select_related("actor") if started else []
        context["allowed"] = self.allowed_actions(quarterly_return)
        context.setdefault("errors", [])
        return context

    def allowed_actions(self, quarterly_return: QuarterlyReturn) -> set[str]:
        user = self.request.user
        if not may_edit(user, self.authority) or quarterly_return.pk is None:
            return set()
        approver = user.role == Role.APPROVER or user.is_admin
        status = quarterly_return.status
        allowed = set()
        if status == Status.DRAFT and (user.role == Role.OFFICER or user.is_admin):
            allowed.add("submit")
        if approver and status == Status.SUBMITTED and quarterly_return.submitted_by_id != user.pk:
            allowed.add("approve")
        if approver and status == Status.APPROVED:
            allowed.add("lock")
        if approver and status != Status.DRAFT:
            allowed.add("reopen")
        return allowed

    def post(self, request, *args, **kwargs):
        self.quarterly_return = quarterly_return = self.get_return()
        if not may_edit(request.user, self.authority):
            raise PermissionDenied("You cannot change this council's returns.")
        action = request.POST.get("action", "")
        if quarterly_return.pk is None:
            return self.refuse("Start this quarter's return first", anchor="#actions")
        if action not in self.actions:
            return self.refuse("Choose what to do with the return", anchor="#actions")
        try:
            if action == "submit":
                return_submit(quarterly_return=quarterly_return, submitted_by=request.user)
                done = "Return submitted for approval"
            elif action == "approve":
                return_approve(quarterly_return=quarterly_return, approved_by=request.user)
                done = "Return approved"
            elif action == "lock":
                return_lock(quarterly_return=quarterly_return, locked_by=request.user)
                done = "Return locked"
            else:
                return_reopen(
                    quarterly_return=quarterly_return,
                    reopened_by=request.user,
                    reason=request.POST.get("reason", ""),
                )
                done = "Return reopened for correction"
        except ReturnRefused as refusal:
            anchor = "#reason" if action == "reopen" else "#actions"
            return self.refuse(str(refusal), anchor=anchor, reason=request.POST.get("reason", ""))
        messages.success(request, done)
        return HttpResponseRedirect(request.path)

    def refuse(self, message: str, *, anchor: str, reason: str = ""):
        self.quarterly_return.refresh_from_db()
        context = self.get_context_data(
            errors=[(anchor, message)],
            reason=reason,
            reason_error=message if anchor == "#reason" else "",
        )
        return self.render_to_response(context)


class SectionView(ReturnMixin, TemplateView):
    """One section's figures as a table of boxes, saved all at once or not at all."""

    template_name = "returns/section.html"

    def dispatch(self, request, *args, **kwargs):
        self.entry_class = sections().get(kwargs.get("section", ""))
        if self.entry_class is None:
            raise Http404("No such section.")
        return super().dispatch(request, *args, **kwargs)

    def more_breadcrumbs(self):
        return [(detail_url(self.quarterly_return), f"{self.quarterly_return.period} return")]

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
            entry.summary if entry.bound else []
        )
        return context

    def post(self, request, *args, **kwargs):
        if not may_edit(request.user, self.authority):
            raise PermissionDenied("You cannot change this council's returns.")
        entry = self.load(data=request.POST)
        if not entry.can_edit_any:
            raise PermissionDenied("None of this section's rows is in your service areas.")
        refusal = ""
        if self.quarterly_return.pk is None:
            refusal = "Start this quarter's return before you enter its figures"
            return self.render_to_response(self.get_context_data(entry=entry, refusal=refusal))
        try:
            ensure_editable(authority=self.authority, period=self.quarterly_return.period)
            if entry.is_valid():
                with transaction.atomic():
                    entry.store()
                    section_save(
                        section=entry.section,
                        saved_by=request.user,
                        expected_version=entry.expected_version,
                        status=entry.status,
                        commentary=entry.commentary,
                    )
                # The title leads ("Audits completed: marked as completed"), never a bare
                # verb after it: "Audits completed completed" read as a slip.
                done = "marked as completed" if entry.completing else "your changes are saved"
                messages.success(request, f"{entry.title}: {done}")
                return HttpResponseRedirect(detail_url(self.quarterly_return))
        except ReturnRefused as exc:
            refusal = str(exc)
        return self.render_to_response(self.get_context_data(entry=entry, refusal=refusal))


class ReturnChangesView(ReturnMixin, TemplateView):
    """Every change of every figure of a return, newest first, in plain words."""

    template_name = "returns/return_changes.html"

    def more_breadcrumbs(self):
        return [(detail_url(self.quarterly_return), f"{self.quarterly_return.period} return")]

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


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ReturnSpreadsheetView(ReturnMixin, TemplateView):
    """Download the return as a workbook (GET), or upload a filled one (POST), all or nothing."""

    template_name = "returns/return_spreadsheet.html"

    def more_breadcrumbs(self):
        return [(detail_url(self.quarterly_return), f"{self.quarterly_return.period} return")]

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
        if not may_edit(request.user, self.authority) or self.quarterly_return.pk is None:
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
