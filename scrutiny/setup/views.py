"""The "Set up your council" pages, for the council's administrators (and the product's)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from scrutiny.formsets import add_another_pressed, with_one_more_row
from scrutiny.models import CouncilRole, NeighbourSet
from scrutiny.permissions import can_administer_council, is_admin
from scrutiny.views.forms import error_summary
from scrutiny.views.generic import AuthorityMixin

from . import setup_steps
from .forms import (
    NEIGHBOURS,
    ComparatorsForm,
    DetailsForm,
    InviteForm,
    NewCouncilForm,
    ServiceAreaFormSet,
    TeamFormSet,
)
from .services import CannotRemove, invite, remove_role, save_neighbours, start_council


def task_list_url(authority) -> str:
    return reverse("setup:task_list", kwargs={"authority": authority.slug})


class SetupMixin(AuthorityMixin):
    permission = staticmethod(can_administer_council)
    title = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.title
        context["breadcrumbs"] = [(task_list_url(self.authority), "Set up your council")]
        return context

    def done(self, message: str):
        messages.success(self.request, message)
        return HttpResponseRedirect(task_list_url(self.authority))


class TaskListView(SetupMixin, TemplateView):
    template_name = "setup/task_list.html"
    title = "Set up your council"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = []
        tasks = [
            (step, reverse(step.url_name, kwargs={"authority": self.authority.slug}))
            for step in setup_steps()
        ]
        context["tasks"] = [(step, url, step.done(self.authority)) for step, url in tasks]
        context["completed"] = sum(done for *_, done in context["tasks"])
        return context


class DetailsView(SetupMixin, TemplateView):
    template_name = "setup/form.html"
    title = "Council details"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", DetailsForm(instance=self.authority))
        context["forms"] = [context["form"]]
        context["errors"] = error_summary(context["form"])
        return context

    def post(self, request, *args, **kwargs):
        form = DetailsForm(request.POST, instance=self.authority)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        form.save()
        return self.done("The council's details are saved.")


class TeamsView(SetupMixin, TemplateView):
    template_name = "setup/teams.html"
    title = "Service areas and teams"

    def formsets(self, data=None):
        areas = ServiceAreaFormSet(data, instance=self.authority, prefix="areas")
        teams = TeamFormSet(
            data,
            instance=self.authority,
            prefix="teams",
            form_kwargs={"areas": list(self.authority.service_areas.all())},
        )
        return areas, teams

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "areas" not in context:
            context["areas"], context["teams"] = self.formsets()
        bound = context["areas"].is_bound
        context["errors"] = error_summary(context["areas"], context["teams"]) if bound else []
        return context

    def post(self, request, *args, **kwargs):
        for prefix in ("areas", "teams"):
            if add_another_pressed(request.POST, prefix):
                areas, teams = self.formsets(with_one_more_row(request.POST, prefix))
                return self.render_to_response(self.get_context_data(areas=areas, teams=teams))
        areas, teams = self.formsets(request.POST)
        if not (areas.is_valid() and teams.is_valid()):
            return self.render_to_response(self.get_context_data(areas=areas, teams=teams))
        with transaction.atomic():
            areas.save()
            teams.save()
        return self.done("The service areas and teams are saved.")


class ComparatorsView(SetupMixin, TemplateView):
    template_name = "setup/form.html"
    title = "Statistical neighbours"
    intro = (
        "Choose the councils your figures are compared with, closest first, as the DfE's "
        "statistical neighbour list gives them. A new list from a later year leaves earlier "
        "years' lists, so earlier figures keep their comparators."
    )

    def form(self, data=None) -> ComparatorsForm:
        latest = (
            NeighbourSet.objects.filter(authority=self.authority)
            .prefetch_related("members__neighbour")
            .first()
        )
        initial = {}
        if latest:
            initial = {"start_year": latest.start_year, "source": latest.source}
            for member in latest.members.all()[:NEIGHBOURS]:
                initial[f"neighbour_{member.rank}"] = member.neighbour
        return ComparatorsForm(data, authority=self.authority, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.form())
        context["forms"] = [context["form"]]
        context["intro"] = self.intro
        context["errors"] = error_summary(context["form"])
        return context

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        save_neighbours(
            authority=self.authority,
            start_year=form.cleaned_data["start_year"],
            source=form.cleaned_data["source"],
            neighbours=form.neighbours(),
        )
        return self.done("The statistical neighbours are saved.")


class PeopleView(SetupMixin, TemplateView):
    template_name = "setup/people.html"
    title = "People and their roles"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", InviteForm(authority=self.authority))
        context.setdefault("errors", error_summary(context["form"]))
        context["roles"] = (
            CouncilRole.objects.filter(authority=self.authority)
            .select_related("user")
            .order_by("user__last_name", "user__first_name", "role")
        )
        return context

    def post(self, request, *args, **kwargs):
        if "remove" in request.POST:
            return self.remove(request.POST["remove"])
        form = InviteForm(request.POST, authority=self.authority)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        user = invite(
            authority=self.authority,
            invited_by=request.user,
            base_url=request.build_absolute_uri("/"),
            **form.cleaned_data,
        )
        messages.success(request, f"{user} is invited by email to {user.email}.")
        return HttpResponseRedirect(request.path)

    def remove(self, pk: str):
        if not pk.isdigit():
            raise PermissionDenied("Choose a role of this council to remove.")
        council_role = get_object_or_404(CouncilRole, pk=int(pk), authority=self.authority)
        try:
            remove_role(council_role=council_role)
        except CannotRemove as refusal:
            context = self.get_context_data(errors=[("#people", str(refusal))])
            return self.render_to_response(context)
        messages.success(
            self.request,
            f"{council_role.user} is no longer {council_role.get_role_display().lower()} here.",
        )
        return HttpResponseRedirect(self.request.path)


class NewCouncilView(LoginRequiredMixin, TemplateView):
    """The product's administrator starts a council and invites its administrator."""

    template_name = "setup/form.html"
    public = False
    site_permission = staticmethod(is_admin)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.site_permission(request.user):
            raise PermissionDenied("Only the service's administrator adds councils.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", NewCouncilForm())
        context["forms"] = [context["form"]]
        context["title"] = "Add a council"
        context["intro"] = (
            "A council starts using the service. Its council administrator is emailed a link "
            "to set their password, then sets the council up."
        )
        context["submit"] = "Add the council and invite its administrator"
        context["errors"] = error_summary(context["form"])
        return context

    def post(self, request, *args, **kwargs):
        form = NewCouncilForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        authority = start_council(
            cleaned=form.cleaned_data,
            started_by=request.user,
            base_url=request.build_absolute_uri("/"),
        )
        messages.success(
            request,
            f"{authority.name} is added and {form.cleaned_data['admin_email']} is invited.",
        )
        return HttpResponseRedirect(task_list_url(authority))
