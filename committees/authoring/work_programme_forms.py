"""The clerk's form for a committee's work programme item."""

from __future__ import annotations

import datetime as dt

from django import forms

from committees.authoring.page_ranges import without_typed_pages
from committees.models import Committee, Meeting
from committees.models.work_programme import WorkProgrammeItem


class WorkProgrammeItemForm(forms.ModelForm):
    """Title, lead officer, purpose, and the meeting it is planned for or else its month."""

    month = forms.IntegerField(
        label="Month", required=False, min_value=1, max_value=12, widget=forms.TextInput()
    )
    year = forms.IntegerField(
        label="Year", required=False, min_value=2000, max_value=2100, widget=forms.TextInput()
    )

    class Meta:
        model = WorkProgrammeItem
        fields = ["title", "lead_officer", "purpose", "meeting"]
        labels = {
            "title": "Title",
            "lead_officer": "Lead officer",
            "purpose": "Purpose",
            "meeting": "Planned meeting",
        }
        help_texts = {
            "lead_officer": "The officer who will bring the item, for example 'Director of "
            "Children's Services'.",
            "purpose": "Why the committee will consider it. The public reads this.",
            "meeting": "Or leave it and give the month below, when the meeting is not yet "
            "arranged.",
        }
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "title": {"required": "Enter the item's title"},
            "lead_officer": {"required": "Enter the lead officer"},
            "purpose": {"required": "Enter the item's purpose"},
        }

    def __init__(self, *args, committee: Committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.committee = committee
        self.fields["meeting"].queryset = Meeting.objects.filter(committee=committee).exclude(
            status=Meeting.Status.CANCELLED
        )
        self.fields["meeting"].empty_label = "No meeting yet (give the month)"
        self.fields["meeting"].label_from_instance = lambda m: f"{m.date:%-d %B %Y}"
        self.fields["month"].error_messages = {
            "invalid": "Enter the month as a number from 1 to 12",
            "min_value": "Enter the month as a number from 1 to 12",
            "max_value": "Enter the month as a number from 1 to 12",
        }
        self.fields["year"].error_messages = {
            "invalid": "Enter the year as four digits, like 2026",
            "min_value": "Enter the year as four digits, like 2026",
            "max_value": "Enter the year as four digits, like 2026",
        }
        month = self.instance.planned_month
        if month and not self.is_bound:
            self.initial |= {"month": month.month, "year": month.year}

    def clean_purpose(self):
        return without_typed_pages(self.cleaned_data.get("purpose", ""))

    def clean(self):
        data = super().clean()
        month, year = data.get("month"), data.get("year")
        if self.errors.get("month") or self.errors.get("year"):
            return data
        if data.get("meeting") is None:
            if month is None and year is None:
                self.add_error("meeting", "Choose the meeting, or give the month and year")
            elif month is None:
                self.add_error("month", "Enter the month")
            elif year is None:
                self.add_error("year", "Enter the year")
        elif (month is None) != (year is None):
            self.add_error("month" if month is None else "year", "Give both month and year")
        self.instance.planned_month = dt.date(year, month, 1) if month and year else None
        return data
