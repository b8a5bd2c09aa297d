"""The clerk's forms: meetings, agenda items, committee members and the recommendations a
committee makes."""

from __future__ import annotations

from django import forms

from committees.authoring.forms import exempt_checks, paragraph_field
from committees.authoring.page_ranges import without_typed_pages
from committees.models import (
    AgendaItem,
    Committee,
    CommitteeMembership,
    Meeting,
    Recommendation,
    Report,
)
from scrutiny.models import User, UserRole


class MeetingForm(forms.ModelForm):
    """A meeting of a committee: when and where. Once its agenda is published, cancelling
    or moving it publishes a notice, with the reason the clerk gives."""

    notice_reason = forms.CharField(
        label="If you cancel or move the meeting, say why (optional)",
        help_text="The public reads it in the notice on the meeting page, the committee's feed "
        "and the calendar.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = Meeting
        fields = ["committee", "date", "start_time", "venue", "status"]
        # A date (time) input reads and shows only ISO values: the locale's 21/07/2015 would
        # show a meeting being changed as blank, and saving it would be refused.
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
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
        if not self.instance.is_published:
            del self.fields["notice_reason"]

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

    exempt_paragraph = paragraph_field()

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
        help_texts = {
            "description": "Do not type page numbers: the pack prints each item's pages itself.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "urgent_reason": forms.Textarea(attrs={"rows": 2}),
            "supplementary_reason": forms.Textarea(attrs={"rows": 2}),
            "exempt_reason": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "title": "The public reads it, unless the item is exempt.",
            "wards": "The public reads it.",
            "description": "The public reads it, unless the item is exempt.",
            "urgent_reason": "The public reads it on the agenda.",
            "supplementary_reason": "The public reads it on the agenda.",
            "exempt_reason": "Only those who may read Part 2 see it: it is not on the public "
            "agenda or in the public pack.",
            "public_title": "What the public reads instead of the title of an exempt item. "
            "Leave blank to show it only as an exempt item.",
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
        self.fields["exempt_paragraph"].help_text = "The public reads it."
        self.late = meeting.is_published and not self.instance.pk
        if not self.late:
            del self.fields["supplementary_reason"]

    def clean_description(self):
        return without_typed_pages(self.cleaned_data.get("description", ""))

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
        exempt_checks(self, reason_field="exempt_reason")
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
        self.fields["user"].queryset = (
            User.objects.filter(
                council_roles__authority=authority, council_roles__role=UserRole.MEMBER
            )
            .distinct()
            .order_by("last_name", "username")
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


class AgendaPublishForm(forms.Form):
    """Publishing the agenda: late (inside five clear working days), with the reason why."""

    late_reason = forms.CharField(
        label="Why the agenda is published late",
        help_text="The public reads this on the meeting page and in the agenda pack.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, lateness: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.lateness = lateness
        if not lateness:
            del self.fields["late_reason"]

    def clean(self):
        super().clean()
        if self.lateness and not (self.cleaned_data.get("late_reason") or "").strip():
            self.add_error("late_reason", f"{self.lateness} Say why the agenda is late")
        return self.cleaned_data
