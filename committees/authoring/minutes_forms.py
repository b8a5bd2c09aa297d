"""The clerk's forms for a meeting's record: attendance with substitutes, a declaration of
interest, and each item's minutes."""

from __future__ import annotations

from django import forms
from django.db.models import Q

from committees.models import (
    AgendaItem,
    Attendance,
    CommitteeMembership,
    Councillor,
    Declaration,
    Meeting,
)

TEXT_LIMIT = 20_000


def members_at(meeting: Meeting) -> list[CommitteeMembership]:
    """The committee's seats (not substitutes') held on the day of the meeting."""
    return list(
        meeting.committee.memberships.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=meeting.date),
            Q(end_date__isnull=True) | Q(end_date__gte=meeting.date),
            councillor__isnull=False,
        )
        .exclude(role=CommitteeMembership.Role.SUBSTITUTE)
        .select_related("councillor")
        .order_by("name")
    )


class AttendanceForm(forms.Form):
    """One question per member (present, apologies or absent) and, for a member away, the
    councillor who substituted for them."""

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.members = [seat.councillor for seat in members_at(meeting)]
        member_ids = {c.pk for c in self.members}
        # Read once: one list serves every member's question, however many members.
        self.substitutes = {
            str(c.pk): c
            for c in Councillor.objects.filter(authority_id=meeting.committee.authority_id)
            .exclude(pk__in=member_ids)
            .order_by("name")
        }
        choices = [("", "No substitute")] + [(k, c.name) for k, c in self.substitutes.items()]
        recorded = {a.councillor_id: a for a in meeting.attendances.all()}
        for councillor in self.members:
            before = recorded.get(councillor.pk)
            self.fields[f"status_{councillor.pk}"] = forms.ChoiceField(
                label=f"Was {councillor.name} at the meeting?",
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect,
                initial=before.status if before else None,
                error_messages={"required": f"Say whether {councillor.name} was at the meeting"},
            )
            self.fields[f"substitute_{councillor.pk}"] = forms.ChoiceField(
                label=f"Substitute for {councillor.name} (if any)",
                choices=choices,
                required=False,
                initial=str(before.substitute_id) if before and before.substitute_id else "",
            )

    def clean(self):
        cleaned = super().clean()
        seen: dict[int, str] = {}
        for councillor in self.members:
            status = cleaned.get(f"status_{councillor.pk}")
            substitute = self.substitutes.get(cleaned.get(f"substitute_{councillor.pk}") or "")
            cleaned[f"substitute_{councillor.pk}"] = substitute
            if substitute is None:
                continue
            name = f"substitute_{councillor.pk}"
            if status == Attendance.Status.PRESENT:
                self.add_error(
                    name, f"{councillor.name} was present, so nobody substituted for them"
                )
            elif substitute.pk in seen:
                self.add_error(
                    name, f"{substitute.name} is already the substitute for {seen[substitute.pk]}"
                )
            else:
                seen[substitute.pk] = councillor.name
        return cleaned

    def rows(self):
        """(councillor, status, substitute) for each member, once the form is valid."""
        return [
            (
                councillor,
                self.cleaned_data[f"status_{councillor.pk}"],
                self.cleaned_data.get(f"substitute_{councillor.pk}"),
            )
            for councillor in self.members
        ]


class DeclarationForm(forms.ModelForm):
    """An interest a councillor declared in one of the meeting's items."""

    class Meta:
        model = Declaration
        fields = ["councillor", "agenda_item", "kind", "description"]
        labels = {
            "councillor": "Councillor",
            "agenda_item": "Agenda item",
            "kind": "Kind of interest",
            "description": "What the interest is",
        }
        widgets = {"kind": forms.RadioSelect}
        error_messages = {
            "councillor": {"required": "Choose the councillor who declared the interest"},
            "agenda_item": {"required": "Choose the item the interest is in"},
            "kind": {"required": "Choose the kind of interest"},
            "description": {"required": "Say what the interest is"},
        }

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["councillor"].queryset = Councillor.objects.filter(
            authority_id=meeting.committee.authority_id
        )
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting).order_by(
            "number"
        )
        self.fields["kind"].choices = Declaration.Kind.choices
        self.fields["description"].max_length = TEXT_LIMIT


MINUTE_FIELDS = {
    "discussion": ("What was discussed", ""),
    "resolved": ("What the committee resolved", ""),
    "recommended": (
        "Recommendations the committee made",
        "One a line. Each goes onto the committee's recommendation tracker when the minutes "
        "are published.",
    ),
}


class MinutesForm(forms.Form):
    """For each agenda item: what was discussed, what was resolved, the recommendations."""

    def __init__(self, *args, items: list[AgendaItem], **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            entry = getattr(item, "minute_entry", None)
            for name, (label, hint) in MINUTE_FIELDS.items():
                self.fields[f"{name}_{item.pk}"] = forms.CharField(
                    label=label,
                    help_text=hint,
                    required=False,
                    max_length=TEXT_LIMIT,
                    strip=False,
                    initial=getattr(entry, name, ""),
                    widget=forms.Textarea(attrs={"rows": 4}),
                    error_messages={
                        "max_length": f"{label} for item {item.number} must be "
                        f"{TEXT_LIMIT:,} characters or fewer"
                    },
                )

    def sections(self):
        """Each item with its bound fields, for the page."""
        return [
            (item, [self[f"{name}_{item.pk}"] for name in MINUTE_FIELDS]) for item in self.items
        ]

    def texts(self) -> dict[int, dict[str, str]]:
        return {
            item.pk: {name: self.cleaned_data[f"{name}_{item.pk}"] for name in MINUTE_FIELDS}
            for item in self.items
        }
