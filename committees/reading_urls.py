"""Reading the published record under /<council>/: search, feeds and the meetings calendar.
Included by committees/urls.py, in the committees namespace."""

from django.urls import path
from django.views.decorators.http import require_safe

from .feeds import CommitteeFeed
from .views import reading

urlpatterns = [
    path("search/", reading.SearchView.as_view(), name="report_search"),
    path("meetings.ics", reading.MeetingCalendarView.as_view(), name="meeting_calendar"),
    path(
        "committees/<slug:slug>/meetings.ics",
        reading.MeetingCalendarView.as_view(),
        name="committee_calendar",
    ),
    path("committees/<slug:slug>/feed/", require_safe(CommitteeFeed()), name="committee_feed"),
]
