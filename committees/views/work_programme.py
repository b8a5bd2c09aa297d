"""A committee's work programme: the public page, and the clerk's items and one-step agenda
items."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView

from committees.authoring.work_programme_forms import WorkProgrammeItemForm
from committees.models import Committee
from committees.models.work_programme import WorkProgrammeItem
from committees.services.meetings import MeetingRefused
from committees.services.work_programme import agenda_item_from, work_programme_item_save
from committees.views.authoring import FormPage
from committees.views.clerking import ClerkMixin
from scrutiny.permissions import can_manage_meetings
from scrutiny.views.generic import AuthorityMixin


def work_programme_url(committee: Committee) -> str:
    return reverse(
        "committees:work_programme",
        kwargs={"authority": committee.authority.slug, "slug": committee.slug},
    )


class WorkProgrammeView(AuthorityMixin, DetailView):
    """The committee's forward plan: what it will consider, when, who leads and why."""

    public = True
    template_name = "committees/work_programme.html"
    context_object_name = "committee"

    def get_queryset(self):
        return Committee.objects.filter(authority=self.authority).select_related("authority")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee = context["committee"]
        items = committee.work_programme.select_related(
            "meeting__committee__authority", "agenda_item__meeting__committee__authority"
        )
        context["items"] = sorted(items, key=lambda item: (item.planned_for, item.pk))
        context["can_manage"] = can_manage_meetings(self.request.user, self.authority)
        context["breadcrumbs"] = [
            (
                reverse("committees:committee_list", kwargs={"authority": self.authority.slug}),
                "Committees",
            ),
            (committee.get_absolute_url(), committee.name),
        ]
        return context


class WorkProgrammeItemView(ClerkMixin, FormPage):
    """Add an item to a committee's work programme, or change one."""

    submit_label = "Save the item"

    def setup_objects(self):
        self.require_clerk()
        self.committee = get_object_or_404(
            Committee.objects.select_related("authority"),
            authority=self.authority,
            slug=self.kwargs["slug"],
        )
        self.item = WorkProgrammeItem(committee=self.committee)
        if "entry" in self.kwargs:
            self.item = get_object_or_404(
                WorkProgrammeItem, committee=self.committee, pk=self.kwargs["entry"]
            )

    def context(self, form):
        return {
            "form": form,
            "title": f"Work programme item for the {self.committee.name}",
            "breadcrumbs": [
                self.committees_crumb(),
                (self.committee.get_absolute_url(), self.committee.name),
                (work_programme_url(self.committee), "Work programme"),
            ],
        }

    def get(self, request, *args, **kwargs):
        self.setup_objects()
        form = WorkProgrammeItemForm(instance=self.item, committee=self.committee)
        return self.render_to_response(self.get_context_data(**self.context(form)))

    def post(self, request, *args, **kwargs):
        self.setup_objects()
        form = WorkProgrammeItemForm(request.POST, instance=self.item, committee=self.committee)
        if not form.is_valid():
            return self.invalid(**self.context(form))
        try:
            work_programme_item_save(item=form.save(commit=False), saved_by=request.user)
        except MeetingRefused as refused:
            form.add_error(None, str(refused))
            return self.invalid(**self.context(form))
        messages.success(request, "Work programme item saved.")
        return HttpResponseRedirect(work_programme_url(self.committee))


class WorkProgrammeToAgendaView(ClerkMixin, AuthorityMixin, View):
    """Put a work programme item on its meeting's agenda (a POST; a GET is 405)."""

    def post(self, request, *args, **kwargs):
        self.require_clerk()
        item = get_object_or_404(
            WorkProgrammeItem.objects.select_related("committee__authority", "meeting"),
            committee__authority=self.authority,
            committee__slug=self.kwargs["slug"],
            pk=self.kwargs["entry"],
        )
        try:
            agenda_item = agenda_item_from(item=item, added_by=request.user)
        except MeetingRefused as refused:
            messages.error(request, str(refused))
            return HttpResponseRedirect(work_programme_url(item.committee))
        messages.success(
            request, f"'{item.title}' is item {agenda_item.number} on the agenda. Add its report."
        )
        return HttpResponseRedirect(agenda_item.meeting.get_absolute_url())
