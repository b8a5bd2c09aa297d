"""When the council's returns are due: its rule, and any quarter's own date (a set-up step,
for the council's administrators)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.views.generic import TemplateView

from scrutiny.setup import SetupStep
from scrutiny.setup.views import SetupMixin
from scrutiny.views.forms import error_summary

from ..due_dates import (
    DEFAULT_DAYS_AFTER_QUARTER,
    MAX_DAYS_AFTER_QUARTER,
    ReturnSchedule,
    default_due,
    due_dates,
    next_quarter,
    quarter_end,
    quarter_in_hand,
    save_due_dates,
)
from ..selectors import unsaved_quarter

# The quarters offered: the one being entered now and the year after it.
QUARTERS_SHOWN = 5


def _field(quarter) -> str:
    return "due_{}_q{}".format(*quarter)


class DueDatesForm(forms.Form):
    days_after_quarter = forms.IntegerField(
        label="How many days after a quarter ends is its return due?",
        help_text=f"For example, {DEFAULT_DAYS_AFTER_QUARTER}",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "required": "Enter how many days after a quarter ends its return is due",
            "invalid": "Enter the number of days as a whole number, like 30",
        },
    )

    def __init__(self, *args, quarters, rule: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.quarters = quarters
        for quarter in quarters:
            label = unsaved_quarter(*quarter).long_label
            self.fields[_field(quarter)] = forms.DateField(
                label=f"{label}: due date",
                required=False,
                help_text=(
                    "Leave empty to follow the rule (by the rule saved now: "
                    f"{default_due(quarter, rule):%-d %B %Y})"
                ),
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                error_messages={"invalid": f"Enter the due date for {label} as a real date"},
            )

    def clean_days_after_quarter(self):
        days = self.cleaned_data["days_after_quarter"]
        if not 1 <= days <= MAX_DAYS_AFTER_QUARTER:
            raise forms.ValidationError(
                f"The number of days must be between 1 and {MAX_DAYS_AFTER_QUARTER}"
            )
        return days

    def clean(self):
        cleaned = super().clean()
        for quarter in self.quarters:
            due = cleaned.get(_field(quarter))
            if due is not None and due <= quarter_end(quarter):
                ends = quarter_end(quarter)
                self.add_error(
                    _field(quarter),
                    f"The due date for {unsaved_quarter(*quarter).label} must be after the "
                    f"quarter ends on {ends:%-d %B %Y}",
                )
        return cleaned

    def overrides(self) -> dict:
        return {quarter: self.cleaned_data.get(_field(quarter)) for quarter in self.quarters}


class DueDatesView(SetupMixin, TemplateView):
    template_name = "setup/form.html"
    title = "When returns are due"

    def form(self, data=None) -> DueDatesForm:
        today = timezone.localdate()
        quarters = [quarter_in_hand(today)]
        while len(quarters) < QUARTERS_SHOWN:
            quarters.append(next_quarter(quarters[-1]))
        dues = due_dates([self.authority.pk])
        own = {q: due for (_, q), due in dues.overrides.items()}
        quarters = sorted(set(quarters) | {q for q in own if q >= quarters[0]})
        initial = {"days_after_quarter": dues.rule(self.authority.pk)}
        initial |= {_field(q): due for q, due in own.items()}
        rule = dues.rule(self.authority.pk)
        return DueDatesForm(data, initial=initial, quarters=quarters, rule=rule)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.form())
        context["forms"] = [context["form"]]
        context["errors"] = error_summary(context["form"])
        context["intro"] = (
            "Officers see a quarter's return on their work list as overdue, and in their "
            "daily reminder email, once its due date has passed. A quarter can have its own "
            "date, for example when a bank holiday or an election moves it."
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        save_due_dates(self.authority, form.cleaned_data["days_after_quarter"], form.overrides())
        return self.done("The due dates of your returns are saved.")


SETUP_STEPS = (
    SetupStep(
        "return-due-dates",
        "When returns are due",
        "How many days after a quarter ends its return is due, and any quarter's own date",
        "returns:due_dates",
        lambda authority: ReturnSchedule.objects.filter(authority=authority).exists(),
        order=45,
    ),
)
