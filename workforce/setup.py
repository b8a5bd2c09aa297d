"""The "Roles and job titles" step of setting a council up: which staff groups its workforce
return counts (the national ones, and job titles of its own)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.views.generic import TemplateView

from scrutiny.models import Authority
from scrutiny.setup import SetupStep
from scrutiny.setup.services import choose_exactly
from scrutiny.setup.views import SetupMixin
from scrutiny.views.forms import error_summary

from .models import ReportedRole, Role
from .roles import offered_roles, return_roles


class ChooseRolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label="Which staff groups does your workforce return count?",
        help_text="Each one you choose is a row of the staffing and the starters and leavers "
        "sections of every quarter's return.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select the staff groups your workforce return counts",
            "invalid_choice": "Select staff groups from the list",
        },
    )

    def __init__(self, *args, offered: list[Role], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = [
            (str(role.pk), f"{role.name}{'' if role.owner_id is None else ' (your own)'}")
            for role in offered
        ]


class JobTitleForm(forms.Form):
    name = forms.CharField(
        label="Job title",
        max_length=120,
        help_text="As your return counts it, like Advanced practitioner",
        error_messages={"max_length": "Enter a job title of 120 characters or fewer"},
    )
    is_qualified_social_work = forms.BooleanField(
        label="A qualified social work post", required=False
    )
    is_case_holding = forms.BooleanField(label="Holds cases", required=False)

    def __init__(self, *args, authority: Authority, offered: list[Role], **kwargs):
        super().__init__(*args, prefix="title", **kwargs)
        self.authority = authority
        self.offered = {role.name.lower() for role in offered}

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Enter the job title")
        if name.lower() in self.offered:
            raise forms.ValidationError(f"{name} is already on the list: select it above")
        return name


def choose_roles(*, authority: Authority, role_ids: set[int]) -> None:
    choose_exactly(ReportedRole, authority=authority, field="role", ids=role_ids)


@transaction.atomic
def add_job_title(form: JobTitleForm) -> Role:
    """The council's own job title (another council's title of the same name is the same
    staff group, counted by each council for itself), chosen for its return at once. A
    council adding its first title keeps counting the staff groups it counted until now."""
    authority = form.authority
    if not ReportedRole.objects.filter(authority=authority).exists():
        choose_roles(authority=authority, role_ids={r.pk for r in return_roles(authority)})
    data = form.cleaned_data
    role = Role.objects.filter(name__iexact=data["name"]).first()
    if role is None:
        last = Role.objects.order_by("-order").values_list("order", flat=True).first() or 0
        role = Role.objects.create(
            name=data["name"],
            owner=authority,
            is_qualified_social_work=data["is_qualified_social_work"],
            is_case_holding=data["is_case_holding"],
            order=last + 1,
        )
    ReportedRole.objects.get_or_create(authority=authority, role=role)
    return role


class RolesSetupView(SetupMixin, TemplateView):
    template_name = "setup/roles.html"
    title = "Roles and job titles"

    def forms(self, data=None, adding=False):
        offered = offered_roles(self.authority)
        chosen = [str(role.pk) for role in return_roles(self.authority)]
        choose = ChooseRolesForm(
            None if adding else data, offered=offered, initial={"roles": chosen}
        )
        title = JobTitleForm(data if adding else None, authority=self.authority, offered=offered)
        return choose, title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "choose" not in context:
            context["choose"], context["title_form"] = self.forms()
        context["errors"] = error_summary(context["choose"], context["title_form"])
        return context

    def post(self, request, *args, **kwargs):
        adding = "add-title" in request.POST
        choose, title = self.forms(request.POST, adding=adding)
        form = title if adding else choose
        if not form.is_valid():
            context = self.get_context_data(choose=choose, title_form=title)
            return self.render_to_response(context)
        if adding:
            role = add_job_title(title)
            messages.success(request, f"{role.name} is added to your workforce return.")
            return HttpResponseRedirect(request.path)
        ids = {int(pk) for pk in choose.cleaned_data["roles"]}
        choose_roles(authority=self.authority, role_ids=ids)
        return self.done(f"Your workforce return counts {len(ids)} staff groups.")


SETUP_STEP = SetupStep(
    "roles",
    "Roles and job titles",
    "The staff groups your workforce return counts, national and your own",
    "workforce:roles_setup",
    lambda authority: ReportedRole.objects.filter(authority=authority).exists(),
    order=25,
)
