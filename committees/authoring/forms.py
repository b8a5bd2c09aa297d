"""Forms for writing reports (the clerk's are in ``meeting_forms``). Every rule a form
checks is also what the service would refuse, so the user hears about it next to the field
first."""

from __future__ import annotations

from django import forms

from committees.authoring.text import too_long
from committees.models import (
    EXEMPT_PARAGRAPHS,
    BackgroundPaper,
    Committee,
    FinancialImplication,
    Report,
)
from scrutiny.blocks import block_types_with_choices

PARAGRAPH_CHOICES = [("", "Choose a paragraph")] + [
    (str(n), label) for n, label in EXEMPT_PARAGRAPHS
]
TEXT_HELP = (
    "Leave a blank line between paragraphs. Start a line with ## for a heading, - for a "
    "bullet or 1. for a numbered point. **Bold** and [link text](https://…) work too."
)


def exempt_checks(form: forms.Form, *, reason_field: str | None = None) -> None:
    data = form.cleaned_data
    if not data.get("is_exempt"):
        return
    if not data.get("exempt_paragraph"):
        form.add_error(
            "exempt_paragraph", "Choose the paragraph of Schedule 12A it is exempt under"
        )
    if reason_field and not (data.get(reason_field) or "").strip():
        form.add_error(reason_field, "Say why it should be considered in Part 2")


def paragraph_field() -> forms.TypedChoiceField:
    """The paragraph of Schedule 12A that makes an item or report exempt."""
    return forms.TypedChoiceField(
        label="Paragraph of Schedule 12A",
        choices=PARAGRAPH_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )


class ReportCoverForm(forms.ModelForm):
    """The cover sheet: the standard block every report opens and closes with."""

    exempt_paragraph = paragraph_field()

    class Meta:
        model = Report
        fields = [
            "title",
            "committee",
            "kind",
            "ward",
            "director",
            "outcome_benefits",
            "recommendation",
            "summary",
            "financial_context",
            "other_financial_information",
            "cross_council_implications",
            "is_exempt",
            "exempt_paragraph",
            "part2_reasons",
            "contact_name",
            "contact_service",
            "contact_telephone",
            "contact_email",
            "report_date",
        ]
        labels = {
            "committee": "For consideration by",
            "is_exempt": "The whole report is exempt (Part 2)",
            "report_date": "Date of the report",
        }
        widgets = {
            "outcome_benefits": forms.Textarea(attrs={"rows": 3}),
            "recommendation": forms.Textarea(attrs={"rows": 4}),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "financial_context": forms.Textarea(attrs={"rows": 3}),
            "other_financial_information": forms.Textarea(attrs={"rows": 2}),
            "cross_council_implications": forms.Textarea(attrs={"rows": 2}),
            "part2_reasons": forms.Textarea(attrs={"rows": 2}),
            "report_date": forms.DateInput(attrs={"type": "date"}),
        }
        error_messages = {"title": {"required": "Enter the report's title"}}

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.filter(
            authority=authority, is_active=True
        )
        self.fields["committee"].empty_label = "Choose a committee"
        self.fields["contact_email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.gov.uk"
        )

    def clean(self):
        super().clean()
        exempt_checks(self, reason_field="part2_reasons")
        return self.cleaned_data


class FinancialRowForm(forms.ModelForm):
    """One year of the financial implications table."""

    funding_sufficient = forms.NullBooleanField(
        label="Is there sufficient funding?",
        required=False,
        widget=forms.Select(choices=[("unknown", "Not stated"), ("true", "Yes"), ("false", "No")]),
    )

    class Meta:
        model = FinancialImplication
        fields = ["cost", "funding_sufficient", "shortfall", "revenue_or_capital"]
        labels = {"cost": "Cost or (saving), £", "shortfall": "Shortfall, if not"}

    def clean(self):
        super().clean()
        if self.cleaned_data.get("funding_sufficient") is False and not self.cleaned_data.get(
            "shortfall"
        ):
            self.add_error("shortfall", "Quantify the shortfall when funding is not sufficient")
        return self.cleaned_data


FinancialRowFormSet = forms.modelformset_factory(
    FinancialImplication, form=FinancialRowForm, extra=0, can_delete=False
)


BackgroundPaperFormSet = forms.inlineformset_factory(
    Report,
    BackgroundPaper,
    fields=["title", "location"],
    extra=1,
    can_delete=True,
    labels={"title": "Background paper", "location": "Where it can be viewed"},
)


class NarrativeSectionForm(forms.Form):
    """A section of text: a heading and what the author types."""

    heading = forms.CharField(max_length=300, error_messages={"required": "Enter a heading"})
    text = forms.CharField(
        label="Text",
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=TEXT_HELP,
        error_messages={"required": "Enter the section's text"},
    )
    is_exempt = forms.BooleanField(
        label="This section is an exempt appendix (Part 2)", required=False
    )
    exempt_paragraph = paragraph_field()

    def clean_text(self):
        text = self.cleaned_data["text"]
        if message := too_long(text):
            raise forms.ValidationError(message)
        return text

    def clean(self):
        super().clean()
        exempt_checks(self)
        return self.cleaned_data


class BlockTypeForm(forms.Form):
    """Step 1 of adding a data block: which kind."""

    block = forms.ChoiceField(
        label="What should the block show?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the data block should show"},
    )

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].choices = [
            (kind.key, kind.label) for kind in block_types_with_choices(authority)
        ]


class BlockSectionForm(forms.Form):
    """Step 2: the block's heading and which figures (a period, a date, an indicator...)."""

    heading = forms.CharField(max_length=300, error_messages={"required": "Enter a heading"})
    choice = forms.ChoiceField()
    is_exempt = forms.BooleanField(
        label="This block is an exempt appendix (Part 2)", required=False
    )
    exempt_paragraph = paragraph_field()

    def __init__(self, *args, kind, authority, **kwargs):
        super().__init__(*args, **kwargs)
        choice = self.fields["choice"]
        choice.label = kind.choice_label
        choice.choices = [("", kind.choose)] + kind.choices(authority)
        choice.error_messages["required"] = kind.choose
        choice.error_messages["invalid_choice"] = f"{kind.choose} the council has figures for"

    def clean(self):
        super().clean()
        exempt_checks(self)
        return self.cleaned_data


class NewVersionForm(forms.Form):
    """What a correction changes, shown on the new version for everyone to read."""

    change_note = forms.CharField(
        label="What does the new version change?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the new version changes"},
    )


# Meetings ----------------------------------------------------------------------------------
