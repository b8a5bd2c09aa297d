"""Clerks' pages: meetings, their agendas (standing, report, supplementary and urgent items),
publishing an agenda, and committee members."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from committees.authoring.meeting_forms import (
    AgendaItemForm,
    AgendaPublishForm,
    CommitteeRecommendationForm,
    MeetingForm,
    MembershipForm,
)
from committees.models import AgendaItem, Committee, CommitteeMembership, Meeting, Recommendation
from committees.services import meetings as service
from committees.views.authoring import FormPage
from committees.views.committees import MeetingDetailView
from scrutiny.permissions import can_manage_committees, can_manage_meetings
from scrutiny.views.forms import error_summary


class ClerkMixin:
    """Only the council's clerks (and administrators) reach these pages."""

    permission = staticmethod(can_manage_meetings)

    def require_clerk(self) -> None:
        if not can_manage_meetings(self.request.user, self.authority):
            raise PermissionDenied("Only the council's clerks manage meetings.")

    def committees_crumb(self):
        return (
            reverse("committees:committee_list", kwargs={"authority": self.authority.slug}),
            "Committees",
        )

    def get_meeting(self) -> Meeting:
        self.require_clerk()
        return get_object_or_404(
            Meeting.objects.select_related("committee__authority"),
            committee__authority=self.authority,
            pk=self.kwargs["pk"],
        )


class MeetingCreateView(ClerkMixin, FormPage):
    """Arrange a meeting of one of the council's committees."""

    title = "Arrange a meeting"
    submit_label = "Save the meeting"

    def get(self, request, *args, **kwargs):
        self.require_clerk()
        initial = {}
        if request.GET.get("committee"):
            initial["committee"] = Committee.objects.filter(
                authority=self.authority, slug=request.GET["committee"]
            ).first()
        form = MeetingForm(initial=initial, authority=self.authority)
        return self.render_to_response(
            self.get_context_data(form=form, breadcrumbs=[self.committees_crumb()])
        )

    def post(self, request, *args, **kwargs):
        self.require_clerk()
        form = MeetingForm(request.POST, authority=self.authority)
        if not form.is_valid():
            return self.invalid(form=form, breadcrumbs=[self.committees_crumb()])
        meeting = service.meeting_save(meeting=form.save(commit=False), saved_by=request.user)
        messages.success(request, "Meeting arranged. Now add its agenda.")
        return HttpResponseRedirect(meeting.get_absolute_url())


class MeetingChangeView(ClerkMixin, FormPage):
    """Change a meeting's date, time, venue or status."""

    title = "Change the meeting"
    submit_label = "Save the meeting"

    def get(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = MeetingForm(instance=meeting, authority=self.authority)
        return self.render_to_response(
            self.get_context_data(form=form, breadcrumbs=[self.committees_crumb()])
        )

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = MeetingForm(request.POST, instance=meeting, authority=self.authority)
        if not form.is_valid():
            return self.invalid(form=form, breadcrumbs=[self.committees_crumb()])
        service.meeting_save(
            meeting=form.save(commit=False),
            saved_by=request.user,
            notice_reason=form.cleaned_data.get("notice_reason", ""),
        )
        messages.success(request, "Meeting saved.")
        return HttpResponseRedirect(meeting.get_absolute_url())


class AgendaItemView(ClerkMixin, FormPage):
    """Add an item to a meeting's agenda, or change one."""

    submit_label = "Save the item"

    def item(self, meeting) -> AgendaItem | None:
        if "item" not in self.kwargs:
            return None
        return get_object_or_404(AgendaItem, meeting=meeting, pk=self.kwargs["item"])

    def context(self, meeting, form):
        late = " (the agenda is published: this is a supplementary item)" if form.late else ""
        return {
            "form": form,
            "title": f"Agenda item for {meeting}{late}",
            "breadcrumbs": [self.committees_crumb(), (meeting.get_absolute_url(), str(meeting))],
        }

    def get(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = AgendaItemForm(instance=self.item(meeting), meeting=meeting)
        return self.render_to_response(self.get_context_data(**self.context(meeting, form)))

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        item = self.item(meeting) or AgendaItem(meeting=meeting)
        form = AgendaItemForm(request.POST, instance=item, meeting=meeting)
        if not form.is_valid():
            return self.invalid(**self.context(meeting, form))
        try:
            service.agenda_item_save(item=form.save(commit=False), saved_by=request.user)
        except service.MeetingRefused as refused:
            form.add_error(None, str(refused))
            return self.invalid(**self.context(meeting, form))
        messages.success(request, "Agenda item saved.")
        return HttpResponseRedirect(meeting.get_absolute_url())


class AgendaPublishView(ClerkMixin, MeetingDetailView):
    """Open the agenda to public inspection (a POST from the meeting page; a GET is 405).
    Refused, late without a reason, on the meeting page with the message by the field."""

    http_method_names = ["post", "options"]

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = AgendaPublishForm(request.POST, lateness=service.agenda_lateness(meeting))
        if form.is_valid():
            try:
                service.agenda_publish(
                    meeting=meeting,
                    published_by=request.user,
                    late_reason=form.cleaned_data.get("late_reason", ""),
                )
            except service.MeetingRefused as refused:
                form.add_error("late_reason" if form.lateness else None, str(refused))
            else:
                messages.success(request, "Agenda published and emailed to the committee.")
                return HttpResponseRedirect(meeting.get_absolute_url())
        self.object = meeting
        context = self.get_context_data(
            object=meeting, publish_form=form, errors=error_summary(form)
        )
        return self.render_to_response(context)


class MembershipView(ClerkMixin, FormPage):
    """Add a member to a committee, or change (or end) their seat."""

    title = "Committee member"
    submit_label = "Save the member"
    permission = staticmethod(can_manage_committees)

    def require_clerk(self) -> None:
        if not can_manage_committees(self.request.user, self.authority):
            raise PermissionDenied("Only the council's clerks and administrators seat members.")

    def setup_objects(self):
        self.require_clerk()
        self.committee = get_object_or_404(
            Committee, authority=self.authority, slug=self.kwargs["slug"]
        )
        self.membership = CommitteeMembership(committee=self.committee)
        if "member" in self.kwargs:
            self.membership = get_object_or_404(
                CommitteeMembership, committee=self.committee, pk=self.kwargs["member"]
            )

    def context(self, form):
        return {
            "form": form,
            "title": f"Member of the {self.committee.name}",
            "breadcrumbs": [
                self.committees_crumb(),
                (self.committee.get_absolute_url(), self.committee.name),
            ],
        }

    def get(self, request, *args, **kwargs):
        self.setup_objects()
        form = MembershipForm(instance=self.membership, authority=self.authority)
        return self.render_to_response(self.get_context_data(**self.context(form)))

    def post(self, request, *args, **kwargs):
        self.setup_objects()
        form = MembershipForm(request.POST, instance=self.membership, authority=self.authority)
        if not form.is_valid():
            return self.invalid(**self.context(form))
        try:
            service.membership_save(membership=form.save(commit=False), saved_by=request.user)
        except service.MeetingRefused as refused:
            form.add_error("user", str(refused))
            return self.invalid(**self.context(form))
        messages.success(request, "Member saved.")
        return HttpResponseRedirect(self.committee.get_absolute_url())


class CommitteeRecommendationView(ClerkMixin, FormPage):
    """Record a recommendation the committee made at a meeting."""

    submit_label = "Record the recommendation"

    def context(self, meeting, form):
        return {
            "form": form,
            "title": f"Recommendation made at {meeting}",
            "breadcrumbs": [self.committees_crumb(), (meeting.get_absolute_url(), str(meeting))],
        }

    def get(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = CommitteeRecommendationForm(meeting=meeting)
        return self.render_to_response(self.get_context_data(**self.context(meeting, form)))

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = CommitteeRecommendationForm(request.POST, instance=Recommendation(), meeting=meeting)
        if not form.is_valid():
            return self.invalid(**self.context(meeting, form))
        service.recommendation_record(
            meeting=meeting, recommendation=form.save(commit=False), recorded_by=request.user
        )
        messages.success(request, "Recommendation recorded: its owner reports on it each quarter.")
        return HttpResponseRedirect(
            reverse(
                "committees:committee_recommendations",
                kwargs={"authority": self.authority.slug, "slug": meeting.committee.slug},
            )
        )
