"""Reading the published record: search, meetings calendars and the member's dashboard."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import TemplateView

from committees.feeds import meetings_calendar, public_meetings
from committees.models import Committee
from committees.selectors.dashboard import dashboard_for
from committees.selectors.search import clean_query, search_hits, search_reports
from scrutiny.views.generic import AuthorityMixin
from scrutiny.worklist import work_for

RESULTS_PER_PAGE = 20


class SearchView(AuthorityMixin, TemplateView):
    """Search the council's reports the reader may open; the public sees published ones."""

    public = True
    template_name = "scrutiny/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        asked = "q" in self.request.GET
        query = clean_query(self.request.GET.get("q"))
        context.update(query=query, asked=asked, error="")
        if asked and not query:
            context["error"] = "Enter words to search for"
        if query:
            paginator = Paginator(
                search_reports(self.request.user, self.authority, query), RESULTS_PER_PAGE
            )
            page = paginator.get_page(self.request.GET.get("page"))
            context.update(page=page, hits=search_hits(page.object_list, query))
        return context


class MeetingCalendarView(AuthorityMixin, View):
    """The council's (or one committee's) meetings with a published agenda, as iCalendar.

    Calendar services fetch it once for every subscriber, so it is always the public's view.
    """

    public = True

    def get(self, request, *args, **kwargs):
        committee = None
        if "slug" in kwargs:
            committee = get_object_or_404(Committee, authority=self.authority, slug=kwargs["slug"])
        meetings = list(public_meetings(self.authority, committee).prefetch_related("notices"))
        name = committee.name if committee else f"{self.authority.name} committee meetings"
        body = meetings_calendar(name, meetings, request.build_absolute_uri)
        return HttpResponse(body, content_type="text/calendar; charset=utf-8")


class DashboardView(LoginRequiredMixin, TemplateView):
    """A signed-in person's own page: their work first ("Your work", by council and role),
    then their next meetings with their papers, and recent reports."""

    public = False
    template_name = "scrutiny/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["work"] = work_for(self.request.user)
        context["dashboard"] = dashboard_for(self.request.user)
        return context
