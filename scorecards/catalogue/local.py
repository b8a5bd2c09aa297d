"""A council's own indicators: the measures it reports beside the national catalogue, with the
same definition, unit, polarity and coverage a national one has."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import slugify
from django.views.generic import TemplateView

from scrutiny.formatting import free_slug
from scrutiny.models import Authority
from scrutiny.permissions import can_choose_indicators
from scrutiny.views.forms import error_summary
from scrutiny.views.generic import AuthorityMixin

from ..models import RESERVED_CODES, Indicator


class LocalIndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "definition",
            "area",
            "unit",
            "polarity",
            "coverage",
            "decimals",
            "source",
        ]
        labels = {
            "name": "Name",
            "definition": "What it measures",
            "area": "Part of the service",
            "unit": "Unit",
            "polarity": "Which way is better",
            "coverage": "The time each figure covers",
            "decimals": "Decimal places to print",
            "source": "Where the figures come from",
        }
        help_texts = {
            "name": "As the scorecard prints it, like Children seen within 5 working days",
            "definition": "The definition a councillor reads on the indicator's page",
            "source": "For example, the case management system's monthly report",
        }
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 3}),
            "area": forms.RadioSelect,
            "unit": forms.RadioSelect,
            "polarity": forms.RadioSelect,
            "coverage": forms.RadioSelect,
            "decimals": forms.NumberInput(attrs={"class": "govuk-input--width-2"}),
        }
        error_messages = {
            "name": {"required": "Enter the indicator's name"},
            "definition": {"required": "Enter what the indicator measures"},
            "area": {"required": "Select the part of the service it measures"},
            "unit": {"required": "Select the indicator's unit"},
            "polarity": {"required": "Select which way is better"},
            "decimals": {
                "required": "Enter how many decimal places to print, from 0 to 4",
                "invalid": "Enter how many decimal places to print as a whole number, like 1",
                "max_value": "Enter how many decimal places to print, from 0 to 4",
            },
        }

    def __init__(self, *args, authority: Authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.authority = authority
        self.fields["decimals"].max_value = 4
        self.fields["decimals"].widget.attrs["max"] = 4
        self.fields["coverage"].required = True
        for name, choices in (
            ("area", Indicator.Area.choices),
            ("unit", Indicator.Unit.choices),
            ("polarity", Indicator.Polarity.choices),
            ("coverage", Indicator.Coverage.choices),
        ):
            self.fields[name].choices = choices  # no blank "---------" radio
        self.fields["coverage"].error_messages["required"] = "Select the time each figure covers"

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        taken = Indicator.objects.filter(owner=self.authority, name__iexact=name).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise forms.ValidationError("Your council already has an indicator with this name")
        return name

    def clean_decimals(self):
        decimals = self.cleaned_data["decimals"]
        if decimals is not None and not 0 <= decimals <= 4:
            raise forms.ValidationError("Enter how many decimal places to print, from 0 to 4")
        return decimals


def local_code(authority: Authority, name: str) -> str:
    """A new local indicator's address: the council's slug and the name, never one taken."""
    stem = slugify(f"{authority.slug}-{name}")[:54].strip("-") or authority.slug
    taken = set(Indicator.objects.filter(code__startswith=stem).values_list("code", flat=True))
    return free_slug(stem, taken, RESERVED_CODES)


@transaction.atomic
def save_local_indicator(form: LocalIndicatorForm) -> Indicator:
    indicator = form.save(commit=False)
    indicator.is_local = True
    indicator.owner = form.authority
    if not indicator.code:
        indicator.code = local_code(form.authority, indicator.name)
    indicator.save()
    return indicator


class LocalIndicatorsView(AuthorityMixin, TemplateView):
    """The council's own indicators, and the form to add one (or, with ``?change=<code>``,
    to change one)."""

    permission = staticmethod(can_choose_indicators)
    template_name = "scorecards/local_indicators.html"

    def instance(self) -> Indicator | None:
        code = self.request.GET.get("change")
        if not code:
            return None
        return get_object_or_404(Indicator, code=code, owner=self.authority)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        editing = self.instance()
        context.setdefault("form", LocalIndicatorForm(instance=editing, authority=self.authority))
        context["editing"] = editing
        context["errors"] = error_summary(context["form"])
        context["indicators"] = Indicator.objects.filter(owner=self.authority).order_by(
            "area", "order", "name"
        )
        context["breadcrumbs"] = [
            (
                reverse("scorecards:catalogue_choose", kwargs={"authority": self.authority.slug}),
                "National indicators",
            )
        ]
        return context

    def post(self, request, *args, **kwargs):
        editing = self.instance()
        form = LocalIndicatorForm(request.POST, instance=editing, authority=self.authority)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        indicator = save_local_indicator(form)
        verb = "changed" if editing else "added: it is on every quarter's return from now on"
        messages.success(request, f"{indicator.name} is {verb}.")
        return HttpResponseRedirect(
            reverse("scorecards:local_indicators", kwargs={"authority": self.authority.slug})
        )
