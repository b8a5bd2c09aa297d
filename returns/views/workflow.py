"""Quarterly returns: the council's quarters, and a return's task list and workflow.

Views only read, call a service and render: who may start, save, submit, approve, lock or
reopen is decided by ``scrutiny.permissions`` (asked again by ``returns.services`` on every
POST), and a refusal is shown to the user as it is worded there.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.views.generic import TemplateView

from scrutiny.models import Period
from scrutiny.permissions import may_edit_returns, return_actions
from scrutiny.views.generic import AuthorityMixin

from ..forms import YearForm
from ..sections import sections
from ..selectors import council_quarters, council_returns, offered_years, parse_quarter
from ..services import ReturnRefused, return_act, return_open
from .base import SECTION_TAGS, STATUS_TAGS, ReturnMixin, detail_url


class ReturnListView(AuthorityMixin, TemplateView):
    """This financial year's quarters and every quarter with a return, with its status."""

    template_name = "returns/return_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        returns = council_returns(self.authority)
        form = YearForm(self.request.GET or None, years=offered_years(returns))
        year = int(form.cleaned_data["year"]) if form.is_valid() else None
        context["can_edit"] = may_edit_returns(self.request.user, self.authority)
        context["year_form"] = form
        context["errors"] = [("#id_year", e) for e in form.errors.get("year", [])]
        context["rows"] = [
            {
                "period": period,
                "return": found,
                "tag": STATUS_TAGS.get(found.status, "") if found else "govuk-tag--blue",
            }
            for period, found in council_quarters(returns, year)
        ]
        return context

    def post(self, request, *args, **kwargs):
        if not may_edit_returns(request.user, self.authority):
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


class ReturnDetailView(ReturnMixin, TemplateView):
    """A return as a GOV.UK task list, its workflow buttons and its history."""

    template_name = "returns/return_detail.html"

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
        context["allowed"] = return_actions(self.request.user, quarterly_return)
        context.setdefault("errors", [])
        return context

    def post(self, request, *args, **kwargs):
        self.quarterly_return = quarterly_return = self.get_return()
        if not may_edit_returns(request.user, self.authority):
            raise PermissionDenied("You cannot change this council's returns.")
        action = request.POST.get("action", "")
        reason = request.POST.get("reason", "")
        try:
            done = return_act(
                quarterly_return=quarterly_return, action=action, actor=request.user, reason=reason
            )
        except ReturnRefused as refusal:
            at_reason = action == "reopen" and quarterly_return.pk is not None
            return self.refuse(
                str(refusal), anchor="#reason" if at_reason else "#actions", reason=reason
            )
        messages.success(request, done)
        return HttpResponseRedirect(request.path)

    def refuse(self, message: str, *, anchor: str, reason: str = ""):
        if self.quarterly_return.pk is not None:
            self.quarterly_return.refresh_from_db()
        context = self.get_context_data(
            errors=[(anchor, message)],
            reason=reason,
            reason_error=message if anchor == "#reason" else "",
        )
        return self.render_to_response(context)
