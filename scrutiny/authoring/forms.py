"""Forms for writing reports and managing meetings. Every rule a form checks is also what
the service would refuse, so the user hears about it next to the field first."""

from __future__ import annotations

from django import forms

from ..blocks import block_types_with_choices
from ..models import (
    EXEMPT_PARAGRAPHS,
    AgendaItem,
    BackgroundPaper,
    Committee,
    CommitteeMembership,
    FinancialImplication,
    Meeting,
    Recommendation,
    Report,
)

PARAGRAPH_CHOICES = [("", "Choose a paragraph")] + [
    (str(n), label) for n, label in EXEMPT_PARAGRAPHS
]
TEXT_HELP = (
    "Leave a blank line between paragraphs. Start a line with ## for a heading, - for a "
    "bullet or 1. for a numbered point. **Bold** and [link text](https://…) work too."
)


def _exempt_checks(form: forms.Form, *, reason_field: str | None = None) -> None:
    data = form.cleaned_data
    if not data.get("is_exempt"):
        return
    if not data.get("exempt_paragraph"):
        form.add_error(
            "exempt_paragraph", "Choose the paragraph of Schedule 12A it is exempt under"
        )
    if reason_field and not (data.get(reason_field) or "").strip():
        form.add_error(reason_field, "Say why it should be considered in Part 2")


class ReportCoverForm(forms.ModelForm):
    """The cover sheet: the standard block every report opens and closes with."""

    exempt_paragraph = forms.TypedChoiceField(
        label="Paragraph of Schedule 12A",
        choices=PARAGRAPH_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )

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
        _exempt_checks(self, reason_field="part2_reasons")
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
    exempt_paragraph = forms.TypedChoiceField(
        label="Paragraph of Schedule 12A",
        choices=PARAGRAPH_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )

    def clean(self):
        super().clean()
        _exempt_checks(self)
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
    exempt_paragraph = forms.TypedChoiceField(
        label="Paragraph of Schedule 12A",
        choices=PARAGRAPH_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, kind, authority, **kwargs):
        super().__init__(*args, **kwargs)
        choice = self.fields["choice"]
        choice.label = kind.choice_label
        choice.choices = [("", f"Choose a {kind.choice_label.lower()}")] + kind.choices(authority)
        choice.error_messages["required"] = f"Choose a {kind.choice_label.lower()}"
        choice.error_messages["invalid_choice"] = (
            f"Choose a {kind.choice_label.lower()} the council has figures for"
        )

    def clean(self):
        super().clean()
        _exempt_checks(self)
        return self.cleaned_data


class NewVersionForm(forms.Form):
    """What a correction changes, shown on the new version for everyone to read."""

    change_note = forms.CharField(
        label="What does the new version change?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the new version changes"},
    )


# Meetings ----------------------------------------------------------------------------------


class MeetingForm(forms.ModelForm):
    """A meeting of a committee: when and where."""

    class Meta:
        model = Meeting
        fields = ["committee", "date", "start_time", "venue", "status"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "start_time": forms.TimeInput(attrs={"type": "time"}),
        }
        error_messages = {
            "date": {
                "required": "Enter the date of the meeting",
                "invalid": "Enter a real date, like 21/07/2015",
            },
            "committee": {"required": "Choose the committee"},
        }

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.filter(authority=authority)
        self.fields["committee"].empty_label = "Choose a committee"

    def validate_unique(self):
        super().validate_unique()
        committee, date = self.cleaned_data.get("committee"), self.cleaned_data.get("date")
        clash = Meeting.objects.filter(
            committee=committee, date=date, start_time=self.cleaned_data.get("start_time")
        ).exclude(pk=self.instance.pk)
        if committee and date and clash.exists():
            self.add_error("date", "The committee already meets then")


class AgendaItemForm(forms.ModelForm):
    """An agenda item: a standing item, or one that carries a report."""

    exempt_paragraph = forms.TypedChoiceField(
        label="Paragraph of Schedule 12A",
        choices=PARAGRAPH_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )

    class Meta:
        model = AgendaItem
        fields = [
            "number",
            "kind",
            "title",
            "wards",
            "description",
            "report",
            "is_urgent",
            "urgent_reason",
            "supplementary_reason",
            "is_exempt",
            "exempt_paragraph",
            "exempt_reason",
            "public_title",
        ]
        labels = {
            "is_urgent": "Taken as an urgent item, with the chair's agreement",
            "urgent_reason": "Why it is urgent (recorded in the minutes)",
            "supplementary_reason": "Why it is added after the agenda was published",
            "is_exempt": "Part 2: exempt information",
            "exempt_reason": "Why the public interest in keeping it exempt outweighs disclosure",
            "public_title": "Title the public sees",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "urgent_reason": forms.Textarea(attrs={"rows": 2}),
            "supplementary_reason": forms.Textarea(attrs={"rows": 2}),
            "exempt_reason": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {"title": {"required": "Enter the item's title"}}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        reports = Report.objects.filter(authority=meeting.committee.authority).exclude(
            status=Report.Status.WITHDRAWN
        )
        self.fields["report"].queryset = reports.order_by("-pk")
        self.fields["report"].empty_label = "No report (a standing item)"
        self.fields["number"].required = False
        self.fields["number"].help_text = "Leave blank to add it at the end."
        self.late = meeting.is_published and not self.instance.pk
        if not self.late:
            del self.fields["supplementary_reason"]

    def clean_number(self):
        number = self.cleaned_data.get("number")
        if number is None:
            return None
        clash = AgendaItem.objects.filter(meeting=self.meeting, number=number).exclude(
            pk=self.instance.pk
        )
        if clash.exists():
            raise forms.ValidationError(f"Item {number} is already on the agenda")
        return number

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("is_urgent") and not (data.get("urgent_reason") or "").strip():
            self.add_error("urgent_reason", "Record why the chair agreed to take it as urgent")
        late_without_reason = not (data.get("supplementary_reason") or "").strip()
        if self.late and not data.get("is_urgent") and late_without_reason:
            self.add_error(
                "supplementary_reason", "The agenda is published: say why this item is added late"
            )
        _exempt_checks(self, reason_field="exempt_reason")
        return data


class MembershipForm(forms.ModelForm):
    """A councillor's seat on a committee."""

    class Meta:
        model = CommitteeMembership
        fields = ["name", "user", "role", "start_date", "end_date"]
        labels = {"name": "Name as printed", "user": "Their sign-in, if they have one"}
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
        }
        error_messages = {"name": {"required": "Enter the member's name, like Cllr Prue Bray"}}

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = authority.users.filter(role="member").order_by(
            "last_name", "username"
        )
        self.fields["user"].required = False

    def clean(self):
        super().clean()
        start, end = self.cleaned_data.get("start_date"), self.cleaned_data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end date must be on or after the start date")
        return self.cleaned_data


class CommitteeRecommendationForm(forms.ModelForm):
    """A recommendation the committee made at a meeting, to be tracked to completion."""

    class Meta:
        model = Recommendation
        fields = ["text", "rationale", "owner", "due_date"]
        labels = {
            "text": "Recommendation",
            "rationale": "Why the committee made it",
            "owner": "Who owns it",
            "due_date": "When it is due",
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "rationale": forms.Textarea(attrs={"rows": 2}),
            "due_date": forms.DateInput(attrs={"type": "date"}),
        }
        error_messages = {
            "text": {"required": "Enter the recommendation"},
            "due_date": {"invalid": "Enter a real date, like 31/03/2027"},
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["owner"].required = True
        self.fields["owner"].error_messages["required"] = "Say who owns the recommendation"

    def clean_due_date(self):
        due = self.cleaned_data.get("due_date")
        if due and due < self.meeting.date:
            raise forms.ValidationError("The due date must be on or after the meeting")
        return due
