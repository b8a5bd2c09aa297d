"""The set-up page where a council sets its targets for a financial year: for every indicator
it reports, the target, how far on the wrong side is still Amber (the tolerance) and, for a
close-to-target indicator, how far either side is Green (the band)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.views.generic import TemplateView

from returns.rules import read_number
from scrutiny.models import Authority, Period
from scrutiny.models.periods import financial_year_of
from scrutiny.setup import SetupStep
from scrutiny.setup.views import SetupMixin
from scrutiny.views.forms import error_summary

from ..models import Indicator, Target
from ..selectors.indicators import reported_indicators

# Figures as large as any indicator's, with as many places as the database keeps.
TARGET_CEILING = 10**7
TARGET_PLACES = 4
YEARS_BACK = 3


class FigureField(forms.CharField):
    """A target, tolerance or band typed as a person writes it, read by the returns' one
    number rule (``22,5`` is refused, never read as 225)."""

    def __init__(self, *, what: str, **kwargs):
        self.what = what
        super().__init__(required=False, **kwargs)

    def clean(self, value) -> Decimal | None:
        text = super().clean(value)
        number, problems = read_number(
            text,
            row="",
            column="",
            what=self.what,
            whole=False,
            ceiling=TARGET_CEILING,
            places=TARGET_PLACES,
        )
        if problems:
            raise ValidationError(problems[0].message)
        return number


def _text(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


class TargetForm(forms.Form):
    def __init__(self, *args, indicator: Indicator, target: Target | None, **kwargs):
        self.indicator = indicator
        self.target = target
        if target is not None:
            kwargs["initial"] = {
                "value": _text(target.value),
                "tolerance": _text(target.tolerance),
                "band": _text(target.band),
            }
        super().__init__(*args, prefix=indicator.code, **kwargs)
        name = indicator.name
        self.fields["value"] = FigureField(
            what=f"The target for {name}",
            label="Target",
            widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        )
        self.fields["tolerance"] = FigureField(
            what=f"The tolerance for {name}",
            label="Tolerance",
            help_text="How far on the wrong side of the target is still Amber, not Red",
            widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        )
        if indicator.polarity == Indicator.Polarity.CLOSE:
            self.fields["band"] = FigureField(
                what=f"The band for {name}",
                label="Band",
                help_text="How far either side of the target is still Green",
                widget=forms.TextInput(
                    attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}
                ),
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("value") is None and not self.errors:
            for name in ("tolerance", "band"):
                if cleaned.get(name) is not None:
                    self.add_error(
                        name,
                        f"Enter a target for {self.indicator.name}, or leave its "
                        f"{self.fields[name].label.lower()} blank",
                    )
        return cleaned


def financial_years(today: dt.date | None = None) -> list[int]:
    """This financial year and the next (targets are set ahead), then the last few."""
    this_year = financial_year_of(today or dt.date.today())
    return list(range(this_year + 1, this_year - YEARS_BACK - 1, -1))


@transaction.atomic
def save_targets(*, authority: Authority, start_year: int, forms_: list[TargetForm]) -> int:
    """Every form's target for the year is stored as typed; a target left blank is removed
    (the council has none for that indicator this year). Returns how many targets are set."""
    year = Period.year(start_year)
    kept = 0
    for form in forms_:
        value = form.cleaned_data["value"]
        if value is None:
            if form.target is not None:
                form.target.delete()
            continue
        Target.objects.update_or_create(
            indicator=form.indicator,
            authority=authority,
            period=year,
            defaults={
                "value": value,
                "tolerance": form.cleaned_data["tolerance"] or 0,
                "band": form.cleaned_data.get("band") or 0,
            },
        )
        kept += 1
    return kept


class TargetsView(SetupMixin, TemplateView):
    template_name = "setup/targets.html"
    title = "Targets"

    def year(self) -> int:
        years = financial_years()
        raw = self.request.GET.get("year", "")
        return int(raw) if raw.isdigit() and int(raw) in years else years[1]

    def target_forms(self, data=None) -> tuple[Period, list[TargetForm]]:
        # Nothing is written before the targets are saved: a year not yet known is made then.
        year = self.year()
        start, end = Period.bounds(Period.Kind.YEAR, year, None)
        found = Period.objects.filter(kind=Period.Kind.YEAR, start=start).first()
        period = found or Period(kind=Period.Kind.YEAR, start_year=year, start=start, end=end)
        indicators = reported_indicators(self.authority)
        targets = {}
        if period.pk:
            targets = {
                t.indicator_id: t
                for t in Target.objects.filter(authority=self.authority, period=period)
            }
        return period, [
            TargetForm(data, indicator=indicator, target=targets.get(indicator.pk))
            for indicator in indicators
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "target_forms" not in context:
            context["period"], context["target_forms"] = self.target_forms()
        context["years"] = [(year, f"{year}/{(year + 1) % 100:02d}") for year in financial_years()]
        context["year"] = context["period"].start_year
        context["errors"] = [e for form in context["target_forms"] for e in error_summary(form)]
        context["catalogue_url"] = reverse(
            "scorecards:catalogue_choose", kwargs={"authority": self.authority.slug}
        )
        return context

    def post(self, request, *args, **kwargs):
        period, target_forms = self.target_forms(request.POST)
        # A list, not a generator: every form is checked, so every problem shows at once.
        if not all([form.is_valid() for form in target_forms]):  # noqa: C419
            return self.render_to_response(
                self.get_context_data(period=period, target_forms=target_forms)
            )
        kept = save_targets(
            authority=self.authority, start_year=period.start_year, forms_=target_forms
        )
        return self.done(f"{kept} targets for {period.label} are saved.")


SETUP_STEP = SetupStep(
    "targets",
    "Targets",
    "Each indicator's target for the year, and how far off it is still Amber",
    "scorecards:targets",
    lambda authority: Target.objects.filter(authority=authority).exists(),
    order=50,
)
