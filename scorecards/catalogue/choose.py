"""The page where a council chooses which catalogue indicators it reports."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views.generic import TemplateView

from scrutiny.models import Authority
from scrutiny.permissions import can_choose_indicators
from scrutiny.setup import SetupStep
from scrutiny.setup.services import choose_exactly
from scrutiny.views.forms import error_summary
from scrutiny.views.generic import AuthorityMixin

from ..models import Indicator, ReportedIndicator


def national_indicators() -> list[Indicator]:
    return list(Indicator.objects.filter(is_local=False).order_by("area", "order", "name"))


class CatalogueForm(forms.Form):
    indicators = forms.MultipleChoiceField(
        label="Which national indicators does your council report?",
        help_text=(
            "Each one you choose is on the indicators section of every quarter's return, "
            "ready for its figures. Choosing none is not allowed: a council reports at least one."
        ),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select the national indicators your council reports",
            "invalid_choice": "Select indicators from the list",
        },
    )

    def __init__(self, *args, catalogue: list[Indicator], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].choices = [
            (str(i.pk), f"{i.name} ({i.get_unit_display().lower()})") for i in catalogue
        ]


def choose_indicators(*, authority: Authority, indicator_ids: set[int]) -> None:
    """The council now reports exactly these catalogue indicators; figures are untouched."""
    choose_exactly(ReportedIndicator, authority=authority, field="indicator", ids=indicator_ids)


class CatalogueChooseView(AuthorityMixin, TemplateView):
    """An officer, approver or administrator of the council picks its national indicators."""

    permission = staticmethod(can_choose_indicators)
    template_name = "scorecards/catalogue_choose.html"

    def form(self, data=None) -> CatalogueForm:
        catalogue = national_indicators()
        initial = [
            str(pk)
            for pk in ReportedIndicator.objects.filter(authority=self.authority).values_list(
                "indicator_id", flat=True
            )
        ]
        return CatalogueForm(data, catalogue=catalogue, initial={"indicators": initial})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.form())
        context["errors"] = error_summary(context["form"])
        url = reverse("scorecards:indicator_list", kwargs={"authority": self.authority.slug})
        context["breadcrumbs"] = [(url, "Scorecards")]
        return context

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        ids = {int(pk) for pk in form.cleaned_data["indicators"]}
        choose_indicators(authority=self.authority, indicator_ids=ids)
        messages.success(request, f"Your council now reports {len(ids)} national indicators.")
        return HttpResponseRedirect(request.path)


SETUP_STEPS = (
    SetupStep(
        "indicators",
        "Indicators you report",
        "The national indicators on every quarter's return, from the catalogue",
        "scorecards:catalogue_choose",
        lambda authority: ReportedIndicator.objects.filter(authority=authority).exists(),
        order=40,
    ),
)
