"""The "Committees and their members" step of setting a council up: the committees that hold
its children's services to account, and who sits on each (seats are added on the committee's
member pages, which clerks use afterwards too)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.utils.text import slugify
from django.views.generic import TemplateView

from scrutiny.formatting import free_slug
from scrutiny.models import Authority
from scrutiny.permissions import can_manage_committees
from scrutiny.setup import SetupStep
from scrutiny.setup.views import SetupMixin
from scrutiny.views.forms import error_summary

from .models import Committee, CommitteeMembership

# Addresses under a council's committees/ that are pages, not committees.
RESERVED_SLUGS = frozenset({"new", "setup"})


class CommitteeForm(forms.ModelForm):
    class Meta:
        model = Committee
        fields = ["name", "remit"]
        labels = {"name": "Committee name", "remit": "Remit"}
        help_texts = {
            "name": "As the agenda prints it, like Children's Services Overview and Scrutiny "
            "Committee",
            "remit": "What the committee scrutinises; its public page prints it",
        }
        widgets = {"remit": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"name": {"required": "Enter the committee's name"}}

    def __init__(self, *args, authority: Authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.authority = authority

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not slugify(name):
            raise forms.ValidationError("Enter the committee's name in letters or numbers")
        if Committee.objects.filter(authority=self.authority, name__iexact=name).exists():
            raise forms.ValidationError("Your council already has a committee with this name")
        return name


def committee_slug(authority: Authority, name: str) -> str:
    stem = slugify(name)[:70].strip("-")
    taken = set(
        Committee.objects.filter(authority=authority, slug__startswith=stem).values_list(
            "slug", flat=True
        )
    )
    return free_slug(stem, taken, RESERVED_SLUGS)


@transaction.atomic
def add_committee(form: CommitteeForm) -> Committee:
    committee = form.save(commit=False)
    committee.authority = form.authority
    committee.slug = committee_slug(form.authority, committee.name)
    committee.save()
    return committee


class CommitteesSetupView(SetupMixin, TemplateView):
    template_name = "setup/committees.html"
    title = "Committees and their members"
    permission = staticmethod(can_manage_committees)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CommitteeForm(authority=self.authority))
        context["errors"] = error_summary(context["form"])
        seats = CommitteeMembership.objects.order_by("role", "name")
        context["committees"] = Committee.objects.filter(
            authority=self.authority, is_active=True
        ).prefetch_related(Prefetch("memberships", queryset=seats))
        return context

    def post(self, request, *args, **kwargs):
        form = CommitteeForm(request.POST, authority=self.authority)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        committee = add_committee(form)
        messages.success(request, f"The {committee.name} is added: now add its members.")
        return HttpResponseRedirect(request.path)


def committees_done(authority: Authority) -> bool:
    return CommitteeMembership.objects.filter(
        committee__authority=authority, committee__is_active=True
    ).exists()


SETUP_STEP = SetupStep(
    "committees",
    "Committees and their members",
    "The committees your reports go to, their chair, vice-chair and members",
    "committees:committee_setup",
    committees_done,
    order=60,
)
