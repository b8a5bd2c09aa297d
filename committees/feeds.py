"""A committee's Atom feed and the meetings calendars (iCalendar).

Feed readers and calendar services fetch these once and share the result with everyone
who subscribes, so they are always built as the public sees the record, whoever asks:
published agendas, exempt items by their public title only, no exempt report at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html_join
from icalendar import Calendar, Event

from committees.models import AgendaItem, Committee, Meeting, MeetingNotice, Report
from committees.selectors.committees import AgendaEntry, agendas_for, meetings_visible_to
from scrutiny.models import Authority
from scrutiny.permissions import reports_visible_to

LONDON = ZoneInfo("Europe/London")
FEED_LIMIT = 50


def public_reader() -> AnonymousUser:
    """The reader every shared document is built for, whoever requested it."""
    return AnonymousUser()


def public_meetings(authority: Authority, committee: Committee | None = None):
    """Meetings whose agenda is open to public inspection, soonest first."""
    meetings = meetings_visible_to(public_reader(), authority)
    if committee is not None:
        meetings = meetings.filter(committee=committee)
    return meetings.order_by("date", "start_time", "pk")


def public_committee_reports(committee: Committee):
    """Published open reports to the committee or on its agendas."""
    on_agenda = AgendaItem.objects.filter(meeting__committee=committee).values("report_id")
    return (
        reports_visible_to(public_reader(), Report.objects.with_replacement())
        .filter(Q(committee=committee) | Q(pk__in=on_agenda))
        .select_related("authority")
    )


def agenda_titles(agenda: list[AgendaEntry]) -> list[str]:
    """'1. Apologies for absence', ...: the numbered titles as the reader may see them."""
    return [f"{entry.number}. {entry.title}" for entry in agenda]


# Atom ------------------------------------------------------------------------------------


@dataclass
class FeedEntry:
    """One entry of a committee's feed: a published report or a published agenda."""

    title: str
    link: str
    summary: str
    published: dt.datetime


class CommitteeFeed(Feed):
    """A committee's published reports and agendas, newest first (Atom)."""

    feed_type = Atom1Feed

    def get_object(self, request, authority: str, slug: str) -> Committee:
        return get_object_or_404(
            Committee.objects.select_related("authority"),
            authority__slug=authority,
            authority__is_active=True,
            slug=slug,
        )

    def title(self, committee: Committee) -> str:
        return f"{committee.name} – {committee.authority.name}"

    def subtitle(self, committee: Committee) -> str:
        return "Published reports and meeting agendas."

    def link(self, committee: Committee) -> str:
        return committee.get_absolute_url()

    def feed_url(self, committee: Committee) -> str:
        return reverse(
            "committees:committee_feed",
            kwargs={"authority": committee.authority.slug, "slug": committee.slug},
        )

    def items(self, committee: Committee) -> list[FeedEntry]:
        reports = public_committee_reports(committee).order_by("-published_at")[:FEED_LIMIT]
        entries = [
            FeedEntry(
                f"{r.title} ({r.replaced_label})" if r.replaced_label else r.title,
                r.get_absolute_url(),
                escape(r.summary),
                r.published_at,
            )
            for r in reports
        ]
        meetings = list(
            public_meetings(committee.authority, committee).order_by("-agenda_published_at")[
                :FEED_LIMIT
            ]
        )
        agendas = agendas_for(public_reader(), meetings)
        for meeting in meetings:
            items = format_html_join(
                "", "<li>{}</li>", ((t,) for t in agenda_titles(agendas[meeting.pk]))
            )
            entries.append(
                FeedEntry(
                    f"Agenda: {committee.name}, {meeting.date:%-d %B %Y}",
                    meeting.get_absolute_url(),
                    f"<ol>{items}</ol>" if items else "No agenda items yet.",
                    meeting.agenda_published_at,
                )
            )
        notices = MeetingNotice.objects.filter(
            meeting__in=public_meetings(committee.authority, committee)
        ).select_related("meeting")
        for notice in notices.order_by("-published_at")[:FEED_LIMIT]:
            entries.append(
                FeedEntry(
                    f"{notice.get_kind_display()}: {committee.name}, "
                    f"{notice.meeting.date:%-d %B %Y}",
                    notice.meeting.get_absolute_url(),
                    escape(notice.text),
                    notice.published_at,
                )
            )
        entries.sort(key=lambda e: e.published, reverse=True)
        return entries[:FEED_LIMIT]

    def item_title(self, entry: FeedEntry) -> str:
        return entry.title

    def item_description(self, entry: FeedEntry) -> str:
        return entry.summary

    def item_link(self, entry: FeedEntry) -> str:
        return entry.link

    def item_pubdate(self, entry: FeedEntry) -> dt.datetime:
        return entry.published


# iCalendar -------------------------------------------------------------------------------


def meeting_uid(meeting: Meeting) -> str:
    """The same for a meeting in every calendar and every fetch, so updates replace it."""
    return f"meeting-{meeting.pk}@{meeting.committee.authority.slug}.scrutiny"


def meetings_calendar(name: str, meetings: list[Meeting], absolute_url) -> bytes:
    """An iCalendar of the meetings with Europe/London times, venue and agenda titles.

    ``absolute_url`` turns a path into a full URL for the calendar's links.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Children's services scrutiny//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    agendas = agendas_for(public_reader(), meetings)
    for meeting in meetings:
        event = Event()
        event.add("uid", meeting_uid(meeting))
        event.add("dtstamp", meeting.agenda_published_at)
        if meeting.start_time:
            event.add("dtstart", dt.datetime.combine(meeting.date, meeting.start_time, LONDON))
        else:
            event.add("dtstart", meeting.date)
        event.add("summary", meeting.committee.name)
        if meeting.venue:
            event.add("location", meeting.venue)
        event.add("url", absolute_url(meeting.get_absolute_url()))
        titles = agenda_titles(agendas[meeting.pk])
        description = "Agenda:\n" + "\n".join(titles) if titles else "No agenda items yet."
        # Newest first, as the meeting page lists them (prefetch "notices" to read them once).
        notices = [n.text for n in meeting.notices.all()]
        event.add("description", "\n\n".join([*notices, description]))
        event.add(
            "status",
            "CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED",
        )
        # Each published change raises it, so a calendar replaces its copy of the event.
        event.add("sequence", meeting.calendar_sequence)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
