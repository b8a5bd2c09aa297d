"""The page beside the catalogue choice where a council says which breakdowns it reports for
each of its indicators (age band for children looked after, say)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views.generic import TemplateView

from scrutiny.models import Authority
from scrutiny.permissions import can_choose_indicators
from scrutiny.views.forms import error_summary
from scrutiny.views.generic import AuthorityMixin

from ..derived.codes import is_derived
from ..models import Indicator
from .models import Breakdown, ReportedBreakdown


def reportable_indicators(authority: Authority) -> list[Indicator]:
    """The indicators the council enters: the catalogue ones it reports and its own."""
    return [
        indicator
        for indicator in Indicator.objects.filter(
            Q(owner=authority) | Q(reporters__authority=authority)
        )
        .distinct()
        .order_by("area", "order", "name")
        if not is_derived(indicator.code)
    ]


class BreakdownChoiceForm(forms.Form):
    """A group of checkboxes per indicator, one box per breakdown."""

    def __init__(self, *args, indicators: list[Indicator], breakdowns: list[Breakdown], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(b.pk), b.name) for b in breakdowns]
        for indicator in indicators:
            self.fields[f"indicator-{indicator.pk}"] = forms.MultipleChoiceField(
                label=indicator.name,
                required=False,
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": "Select breakdowns from the list"},
            )

    def chosen(self) -> set[tuple[int, int]]:
        return {
            (int(name.split("-", 1)[1]), int(pk))
            for name, pks in self.cleaned_data.items()
            for pk in pks
        }


@transaction.atomic
def choose_breakdowns(*, authority: Authority, chosen: set[tuple[int, int]]) -> None:
    """The council now reports exactly these (indicator, breakdown) pairs; figures are kept."""
    current = ReportedBreakdown.objects.filter(authority=authority)
    for row in current:
        if (row.indicator_id, row.breakdown_id) not in chosen:
            row.delete()
    ReportedBreakdown.objects.bulk_create(
        [ReportedBreakdown(authority=authority, indicator_id=i, breakdown_id=b) for i, b in chosen],
        ignore_conflicts=True,
    )


class BreakdownChooseView(AuthorityMixin, TemplateView):
    """An officer, approver or administrator of the council picks the breakdowns it reports."""

    permission = staticmethod(can_choose_indicators)
    template_name = "scorecards/breakdowns_choose.html"

    def form(self, data=None) -> BreakdownChoiceForm:
        indicators = reportable_indicators(self.authority)
        initial: dict[str, list[str]] = {}
        for row in ReportedBreakdown.objects.filter(authority=self.authority):
            initial.setdefault(f"indicator-{row.indicator_id}", []).append(str(row.breakdown_id))
        return BreakdownChoiceForm(
            data,
            indicators=indicators,
            breakdowns=list(Breakdown.objects.all()),
            initial=initial,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.form())
        context["errors"] = error_summary(context["form"])
        slug = self.authority.slug
        context["breadcrumbs"] = [
            (reverse("scorecards:indicator_list", kwargs={"authority": slug}), "Scorecards"),
            (reverse("scorecards:catalogue_choose", kwargs={"authority": slug}), "Indicators"),
        ]
        return context

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        chosen = form.chosen()
        choose_breakdowns(authority=self.authority, chosen=chosen)
        messages.success(request, f"Your council now reports {len(chosen)} breakdowns.")
        return HttpResponseRedirect(request.path)
