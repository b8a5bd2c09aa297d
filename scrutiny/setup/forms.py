"""The set-up forms. Each validates like a return section: every problem next to its field,
and nothing saved unless everything is right."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError

from scrutiny.models import Authority, Region, ServiceArea, Team, User, UserRole

LA_CODE = re.compile(r"^\d{3}$")


class ChosenFromList(forms.ChoiceField):
    """One row chosen from a list read once for the whole page (a ModelChoiceField reads its
    list again for every form of a formset, and for each of ten neighbour boxes)."""

    def __init__(self, *, rows, empty_label="None", **kwargs):
        self.rows = {str(row.pk): row for row in rows}
        choices = [("", empty_label), *((pk, str(row)) for pk, row in self.rows.items())]
        super().__init__(choices=choices, **kwargs)

    def clean(self, value):
        chosen = super().clean(value)
        return self.rows.get(chosen) if chosen else None

    def prepare_value(self, value):
        return str(value.pk) if hasattr(value, "pk") else ("" if value is None else str(value))


def check_la_code(code: str) -> str:
    code = code.strip()
    if code and not LA_CODE.match(code):
        raise ValidationError("Enter the DfE LA code as three digits, like 872")
    return code


class DetailsForm(forms.ModelForm):
    """What the council is, and what the pack's cover letter prints."""

    class Meta:
        model = Authority
        fields = list(Authority.DETAIL_FIELDS)
        labels = {
            "name": "Full name",
            "short_name": "Short name",
            "la_code": "DfE local authority code",
            "director_of_childrens_services": "Director of children's services",
        }
        help_texts = {
            "name": "As it is printed on the agenda, like Wokingham Borough Council",
            "short_name": "As tables and headings use it, like Wokingham",
            "address": "The cover letter of every agenda pack prints it",
        }
        widgets = {"address": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "name": {
                "required": "Enter the council's full name",
                "unique": "Another council already has this name",
            },
            "short_name": {"required": "Enter the council's short name"},
            "region": {"required": "Select the council's region"},
            "email": {"invalid": "Enter an email address like democratic.services@example.gov.uk"},
            "website": {"invalid": "Enter the website address, like https://www.example.gov.uk"},
        }

    def clean_la_code(self) -> str:
        code = check_la_code(self.cleaned_data.get("la_code", ""))
        taken = Authority.objects.filter(la_code=code).exclude(pk=self.instance.pk)
        if code and taken.exists():
            raise ValidationError(f"{taken.get().name} already has the LA code {code}")
        return code


class ServiceAreaForm(forms.ModelForm):
    class Meta:
        model = ServiceArea
        fields = ["name"]
        labels = {"name": "Service area"}
        error_messages = {"name": {"required": "Enter the service area's name"}}


class BaseServiceAreaFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        names: set[str] = set()
        kept_teams: list[str] = []
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if form.cleaned_data.get("DELETE"):
                # A removed row's own errors are not shown, so this is the formset's.
                if form.instance.pk and form.instance.teams.exists():
                    kept_teams.append(
                        f"{form.instance.name} has teams: move them to another service area "
                        "before removing it"
                    )
                continue
            name = (form.cleaned_data.get("name") or "").strip().lower()
            if name in names:
                form.add_error("name", "Each service area needs a different name")
            names.add(name)
        if kept_teams:
            raise ValidationError(kept_teams)


class TeamForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name", "short_name", "service_area", "is_active"]
        labels = {"name": "Team", "is_active": "Still in use"}
        help_texts = {
            "is_active": "A team out of use keeps its figures but is not offered on new returns"
        }
        error_messages = {"name": {"required": "Enter the team's name"}}

    def __init__(self, *args, areas: list[ServiceArea], **kwargs):
        super().__init__(*args, **kwargs)
        # Only this council's own areas (the admin's list mixed every council's), read once.
        self.fields["service_area"] = ChosenFromList(
            rows=areas,
            label="Service area",
            required=False,
            error_messages={"invalid_choice": "Select one of the council's service areas"},
        )


class BaseTeamFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        names: set[str] = set()
        for form in self.forms:
            name = (form.cleaned_data.get("name") or "").strip().lower()
            if not name:
                continue
            if name in names:
                form.add_error("name", "Each team needs a different name")
            names.add(name)


ServiceAreaFormSet = forms.inlineformset_factory(
    Authority,
    ServiceArea,
    form=ServiceAreaForm,
    formset=BaseServiceAreaFormSet,
    extra=1,
    can_delete=True,
)
TeamFormSet = forms.inlineformset_factory(
    Authority, Team, form=TeamForm, formset=BaseTeamFormSet, extra=1, can_delete=False
)

NEIGHBOURS = 10  # the DfE's statistical neighbour lists name ten


class ComparatorsForm(forms.Form):
    """The council's statistical neighbours, closest first, from the councils the product
    knows (those using it, and those loaded as comparators from published statistics)."""

    start_year = forms.IntegerField(
        label="Financial year the list applies from",
        help_text="For 2024 to 2025, enter 2024",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Enter the financial year the list applies from",
            "invalid": "Enter the year as four digits, like 2024",
            "min_value": "Enter a year from 2000",
            "max_value": "Enter a year before 2100",
        },
    )
    source = forms.CharField(
        label="Where the list comes from",
        required=False,
        max_length=200,
        help_text="For example, the DfE's statistical neighbour benchmarking tool",
    )

    def __init__(self, *args, authority: Authority, **kwargs):
        super().__init__(*args, **kwargs)
        others = list(Authority.objects.exclude(pk=authority.pk).order_by("name"))
        for rank in range(1, NEIGHBOURS + 1):
            self.fields[f"neighbour_{rank}"] = ChosenFromList(
                rows=others,
                required=False,
                label=f"Neighbour {rank}",
                error_messages={"invalid_choice": "Select a council from the list"},
            )

    def neighbours(self) -> list[Authority]:
        return [
            self.cleaned_data[f"neighbour_{rank}"]
            for rank in range(1, NEIGHBOURS + 1)
            if self.cleaned_data.get(f"neighbour_{rank}")
        ]

    def clean(self):
        cleaned = super().clean()
        seen: set[int] = set()
        for rank in range(1, NEIGHBOURS + 1):
            council = cleaned.get(f"neighbour_{rank}")
            if council is None:
                continue
            if council.pk in seen:
                self.add_error(f"neighbour_{rank}", f"{council.name} is already on the list")
            seen.add(council.pk)
        if not seen and not self.errors:
            self.add_error("neighbour_1", "Select at least one statistical neighbour")
        return cleaned


BIGGEST_ID = 2**63 - 1


class ChosenRows(forms.ModelMultipleChoiceField):
    """Rows ticked from a list: an id no database could hold is refused like any other id
    that is not on the list (SQLite cannot even look it up)."""

    def _check_values(self, value):
        for each in value:
            text = str(each).strip()
            if not text.isdigit() or int(text) > BIGGEST_ID:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super()._check_values(value)


class InviteForm(forms.Form):
    """A person to invite, and the role they will hold in this council."""

    first_name = forms.CharField(
        max_length=150, error_messages={"required": "Enter the person's first name"}
    )
    last_name = forms.CharField(
        max_length=150, error_messages={"required": "Enter the person's last name"}
    )
    email = forms.EmailField(
        label="Email address",
        help_text="The invitation goes here, with a link to set their password",
        error_messages={
            "required": "Enter the person's email address",
            "invalid": "Enter an email address like name@example.gov.uk",
        },
    )
    job_title = forms.CharField(max_length=120, required=False)
    role = forms.ChoiceField(
        label="Their role in this council",
        choices=UserRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the person's role"},
    )
    service_areas = ChosenRows(
        label="Officers only: limit their entry to these service areas",
        help_text="Leave all unticked for an officer who enters for the whole council",
        queryset=ServiceArea.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select service areas from the list"},
    )

    def __init__(self, *args, authority: Authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.authority = authority
        self.fields["service_areas"].queryset = ServiceArea.objects.filter(authority=authority)

    def existing_user(self) -> User | None:
        email = self.cleaned_data.get("email", "")
        return User.objects.filter(email__iexact=email).first() if email else None

    def clean(self):
        cleaned = super().clean()
        role, areas = cleaned.get("role"), cleaned.get("service_areas")
        if areas and role != UserRole.OFFICER:
            self.add_error("service_areas", "Only an officer's entry can be limited to areas")
        user = self.existing_user()
        if user and role and user.council_roles.filter(authority=self.authority, role=role):
            self.add_error("role", f"{user} is already {UserRole(role).label.lower()} here")
        return cleaned


class NewCouncilForm(forms.Form):
    """A council starting to use the product, and the person who will set it up."""

    name = forms.CharField(
        label="Council's full name",
        max_length=120,
        help_text="Like Reading Borough Council",
        error_messages={"required": "Enter the council's full name"},
    )
    short_name = forms.CharField(
        max_length=60, help_text="Like Reading", error_messages={"required": "Enter a short name"}
    )
    la_code = forms.CharField(
        label="DfE local authority code",
        max_length=3,
        required=False,
        help_text="Three digits. A council already loaded as a comparator is found by it",
    )
    region = forms.ChoiceField(
        choices=[("", "Select a region"), *Region.choices],
        error_messages={"required": "Select the council's region"},
    )
    admin_first_name = forms.CharField(
        label="Council administrator's first name",
        max_length=150,
        error_messages={"required": "Enter the council administrator's first name"},
    )
    admin_last_name = forms.CharField(
        label="Council administrator's last name",
        max_length=150,
        error_messages={"required": "Enter the council administrator's last name"},
    )
    admin_email = forms.EmailField(
        label="Council administrator's email address",
        help_text="They are sent an invitation to set the council up",
        error_messages={
            "required": "Enter the council administrator's email address",
            "invalid": "Enter an email address like name@example.gov.uk",
        },
    )

    def clean_la_code(self) -> str:
        return check_la_code(self.cleaned_data.get("la_code", ""))

    def clean(self):
        cleaned = super().clean()
        code, name = cleaned.get("la_code"), cleaned.get("name")
        known = Authority.objects.filter(la_code=code).first() if code else None
        if known and known.is_active:
            self.add_error("la_code", f"{known.name} already uses the service")
        named = Authority.objects.filter(name__iexact=name or "").exclude(
            pk=getattr(known, "pk", None)
        )
        if name and named.exists():
            self.add_error("name", "A council of this name is already known: enter its LA code")
        return cleaned
