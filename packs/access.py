"""Who may build and download which PDF, composed only from ``scrutiny.permissions``.

A pack is one file for many readers, so a reader may download it only if they may see
everything in it: the confidential pack needs the Part 2 right for every exempt item and
appendix it holds, and every report in it must be one the reader may open.
"""

from __future__ import annotations

from committees.models import AgendaItem, Meeting, Report
from scrutiny.permissions import (
    can_manage_meetings,
    can_see_exempt_item,
    can_see_exempt_sections,
    can_view_data,
    reports_visible_to,
)

from .models import RenderJob

Kind = RenderJob.Kind


def may_see_part2_of(user, meeting: Meeting) -> bool:
    """May the reader see the Part 2 items of this meeting's committee?

    The permission depends only on the reader and the item's committee, and every item of
    a meeting is its committee's, so one question, of an exempt item as it would be, answers
    for them all (and does not change when the clerk adds the first).
    """
    return can_see_exempt_item(user, AgendaItem(meeting=meeting, is_exempt=True))


def may_download_pack(user, meeting: Meeting, kind: str) -> bool:
    """The public packs are public once the meeting is (the caller found the meeting with
    ``meeting_for``); the confidential pack needs everything in it to be the reader's."""
    if kind != Kind.CONFIDENTIAL_PACK:
        return True
    if not can_view_data(user, meeting.committee.authority) or not may_see_part2_of(user, meeting):
        return False
    reports = Report.objects.filter(agenda_items__meeting=meeting).distinct()
    if reports.exclude(pk__in=reports_visible_to(user, reports).values("pk")).exists():
        return False
    with_appendices = reports.filter(sections__is_exempt=True).distinct()
    return all(can_see_exempt_sections(user, report) for report in with_appendices)


def may_build_pack(user, meeting: Meeting, kind: str) -> bool:
    """Clerks (and administrators) build their council's packs."""
    return can_manage_meetings(user, meeting.committee.authority) and may_download_pack(
        user, meeting, kind
    )


def report_is_public(report: Report) -> bool:
    """Is the report one the public may open (so its PDF is laid out as the public reads it)?"""
    return reports_visible_to(None, Report.objects.filter(pk=report.pk)).exists()


def may_download_report(user, report: Report) -> bool:
    """A report's PDF goes to those who may open the report (the caller found it with
    ``report_for``); a Part 2 report's PDF, laid out in full, to those who may see it all."""
    if report.status != Report.Status.PUBLISHED:
        return False
    if report_is_public(report):
        return True
    return can_view_data(user, report.authority) and can_see_exempt_sections(user, report)


def may_build_report(user, report: Report) -> bool:
    """Any signed-in reader of the council who may download it asks for it to be made."""
    return can_view_data(user, report.authority) and may_download_report(user, report)
