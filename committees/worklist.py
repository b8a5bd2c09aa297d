"""What committee business gives a person to do, for their work list (``scrutiny.worklist``):
approvers, the reports submitted for their approval (never their own); clerks, the meetings
whose agenda is not yet published and whose deadline (five clear working days before the
meeting, ``scrutiny.working_days``) is near or has passed."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from committees.models import Meeting, Report
from scrutiny.models import Authority, UserRole
from scrutiny.permissions import can_approve_report, can_manage_meetings, holds_role
from scrutiny.working_days import latest_publication_date
from scrutiny.worklist import WorkItem, submitted_note

# A meeting's papers join the list this many days before their publication deadline.
DEADLINE_NEAR_DAYS = 10
# The deadline falls at least a week before the meeting: look no further ahead than this.
MEETINGS_AHEAD_DAYS = DEADLINE_NEAR_DAYS + 21


def committee_work(user, councils: dict[int, Authority], today: dt.date) -> list[WorkItem]:
    return _reports_to_approve(user, councils) + _papers_to_publish(user, councils, today)


def _reports_to_approve(user, councils) -> list[WorkItem]:
    # Only councils where they approve are read; can_approve_report decides each report.
    ids = [a for a in councils if holds_role(user, a, {UserRole.APPROVER})]
    if not ids:
        return []
    submitted = Report.objects.filter(
        authority_id__in=ids, status=Report.Status.SUBMITTED
    ).select_related("submitted_by")
    items = []
    for report in submitted.order_by("submitted_at", "pk"):
        report.authority = councils[report.authority_id]
        if not can_approve_report(user, report):  # approvers; never their own
            continue
        items.append(
            WorkItem(
                report.authority_id,
                UserRole.APPROVER,
                f"Approve “{report.title}”",
                report.get_absolute_url(),
                note=submitted_note(report.submitted_by, report.submitted_at),
            )
        )
    return items


def _papers_to_publish(user, councils, today) -> list[WorkItem]:
    ids = [a for a, authority in councils.items() if can_manage_meetings(user, authority)]
    if not ids:
        return []
    meetings = Meeting.objects.filter(
        committee__authority_id__in=ids,
        status=Meeting.Status.SCHEDULED,
        agenda_published_at__isnull=True,
        date__gte=today,
        date__lte=today + dt.timedelta(days=MEETINGS_AHEAD_DAYS),
    ).select_related("committee")
    items = []
    for meeting in meetings.order_by("date", "start_time", "pk"):
        deadline = latest_publication_date(meeting.date)
        if deadline > today + dt.timedelta(days=DEADLINE_NEAR_DAYS):
            continue
        authority = councils[meeting.committee.authority_id]
        url = reverse(
            "committees:meeting_detail", kwargs={"authority": authority.slug, "pk": meeting.pk}
        )
        items.append(
            WorkItem(
                authority.pk,
                UserRole.CLERK,
                f"Publish the agenda for {meeting.committee.name}, {meeting.date:%-d %B %Y}",
                url,
                due=deadline,
                overdue=deadline < today,
            )
        )
    return items
