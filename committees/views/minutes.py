"""A meeting's record: the clerk's attendance, declarations and minutes pages, and the
minutes as anyone may read them (page and PDF), Part 2 items only for their readers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from committees.authoring.minutes_forms import AttendanceForm, DeclarationForm, MinutesForm
from committees.models import Declaration, Meeting, Minutes
from committees.selectors.committees import meeting_for
from committees.selectors.minutes import meeting_record, readable_minutes
from committees.services import minutes as service
from committees.views.authoring import FormPage
from scrutiny.permissions import can_write_minutes
from scrutiny.views.generic import AuthorityMixin


def _crumbs(meeting: Meeting) -> list[tuple[str, str]]:
    return [
        (meeting.committee.get_absolute_url(), meeting.committee.name),
        (meeting.get_absolute_url(), str(meeting)),
    ]


class MinutesClerkMixin:
    """Only the council's clerks (and administrators) record a meeting."""

    permission = staticmethod(can_write_minutes)

    def get_meeting(self) -> Meeting:
        if not can_write_minutes(self.request.user, self.authority):
            raise PermissionDenied("Only the council's clerks record its meetings.")
        return get_object_or_404(
            Meeting.objects.select_related("committee__authority"),
            committee__authority=self.authority,
            pk=self.kwargs["pk"],
        )


class AttendanceView(MinutesClerkMixin, FormPage):
    """Who was at the meeting, who sent apologies, who was absent, and who substituted."""

    submit_label = "Save attendance"

    def context(self, meeting, form):
        return {
            "form": form,
            "title": f"Attendance at {meeting}",
            "breadcrumbs": _crumbs(meeting),
        }

    def get(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = AttendanceForm(meeting=meeting)
        return self.render_to_response(self.get_context_data(**self.context(meeting, form)))

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = AttendanceForm(request.POST, meeting=meeting)
        if not form.is_valid():
            return self.invalid(**self.context(meeting, form))
        rows = [service.AttendanceRow(c, status, sub) for c, status, sub in form.rows()]
        service.attendance_save(meeting=meeting, rows=rows, saved_by=request.user)
        messages.success(request, "Attendance saved.")
        return HttpResponseRedirect(meeting.get_absolute_url())


class DeclarationView(MinutesClerkMixin, FormPage):
    """Record an interest a councillor declared in one of the meeting's items."""

    submit_label = "Record the declaration"

    def context(self, meeting, form):
        return {
            "form": form,
            "title": f"Declaration of interest at {meeting}",
            "breadcrumbs": _crumbs(meeting),
        }

    def get(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = DeclarationForm(meeting=meeting)
        return self.render_to_response(self.get_context_data(**self.context(meeting, form)))

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = DeclarationForm(request.POST, instance=Declaration(meeting=meeting), meeting=meeting)
        if not form.is_valid():
            return self.invalid(**self.context(meeting, form))
        service.declaration_add(declaration=form.save(commit=False), saved_by=request.user)
        messages.success(request, "Declaration recorded.")
        return HttpResponseRedirect(meeting.get_absolute_url())


class MinutesEditView(MinutesClerkMixin, FormPage):
    """Write each item's minutes: what was discussed, resolved and recommended."""

    template_name = "committees/minutes/minutes_form.html"
    submit_label = "Save the minutes"

    def context(self, meeting, form):
        return {
            "form": form,
            "meeting": meeting,
            "title": f"Minutes of {meeting}",
            "breadcrumbs": _crumbs(meeting),
        }

    def get(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = MinutesForm(items=service.items_for_minutes(meeting))
        return self.render_to_response(self.get_context_data(**self.context(meeting, form)))

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = MinutesForm(request.POST, items=service.items_for_minutes(meeting))
        if not form.is_valid():
            return self.invalid(**self.context(meeting, form))
        try:
            service.minutes_save(meeting=meeting, texts=form.texts(), saved_by=request.user)
        except service.MinutesRefused as refused:
            form.add_error(None, str(refused))
            return self.invalid(**self.context(meeting, form))
        messages.success(request, "Minutes saved.")
        return HttpResponseRedirect(meeting.get_absolute_url())


class MinutesPublishView(MinutesClerkMixin, AuthorityMixin, View):
    """Publish the draft minutes (a POST from the meeting page)."""

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        minutes = Minutes.objects.filter(meeting=meeting).first()
        try:
            if minutes is None:
                raise service.MinutesRefused("Write the minutes before publishing them.")
            service.minutes_publish(minutes=minutes, published_by=request.user)
        except service.MinutesRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, "Draft minutes published: the public can now read them.")
        return HttpResponseRedirect(meeting.get_absolute_url())


class MinutesConfirmView(MinutesClerkMixin, AuthorityMixin, View):
    """At this meeting, confirm the previous meeting's minutes as a correct record."""

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        previous = service.previous_meeting(meeting)
        minutes = getattr(previous, "minutes", None) if previous else None
        try:
            if minutes is None:
                raise service.MinutesRefused("The previous meeting has no minutes to confirm.")
            service.minutes_confirm(minutes=minutes, at_meeting=meeting, confirmed_by=request.user)
        except service.MinutesRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, f"Minutes of {previous} confirmed as a correct record.")
        return HttpResponseRedirect(meeting.get_absolute_url())


def record_for(view) -> dict:
    """The meeting and its record as the reader may see them, or 404 when the minutes are
    not theirs to read."""
    meeting = meeting_for(view.request.user, view.authority, view.kwargs["pk"])
    minutes = readable_minutes(view.request.user, meeting)
    if minutes is None:
        raise Http404("No minutes published for this meeting.")
    return {"meeting": meeting, "record": meeting_record(view.request.user, meeting, minutes)}


class MinutesDetailView(AuthorityMixin, TemplateView):
    """The minutes of a meeting: attendance, declarations and each item's minutes."""

    public = True
    template_name = "committees/minutes/minutes_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(record_for(self))
        context["breadcrumbs"] = _crumbs(context["meeting"])
        return context


def minutes_url(meeting: Meeting, name: str = "minutes_detail") -> str:
    return reverse(
        f"committees:{name}",
        kwargs={"authority": meeting.committee.authority.slug, "pk": meeting.pk},
    )
