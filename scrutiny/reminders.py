"""The daily reminder: each person is sent one email of their work list (what is due, what
is overdue, what awaits them), or nothing when it is empty. The list is ``work_for``'s, the
same as on their dashboard."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from scrutiny.models import User
from scrutiny.worklist import CouncilWork, work_for


def people_to_remind() -> QuerySet[User]:
    """Everyone active, with an email address, who holds a role in an active council."""
    return (
        User.objects.filter(is_active=True, council_roles__authority__is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def reminder_subject(work: list[CouncilWork]) -> str:
    items = [item for council in work for item in council.items]
    overdue = sum(item.overdue for item in items)
    things = f"{len(items)} thing{'s' if len(items) != 1 else ''} to do"
    return f"Your work: {things}" + (f", {overdue} overdue" if overdue else "")


def reminder_for(user: User, today: dt.date | None = None) -> EmailMessage | None:
    """The person's reminder email, or None when there is nothing for them to do."""
    today = today or timezone.localdate()
    work = work_for(user, today)
    if not work:
        return None
    body = render_to_string(
        "scrutiny/work_reminder_email.txt",
        {
            "user": user,
            "work": work,
            "today": today,
            "site_url": settings.SITE_URL,
            "dashboard": settings.SITE_URL + reverse("dashboard"),
            "SITE_NAME": settings.SITE_NAME,
        },
    )
    return EmailMessage(reminder_subject(work), body, to=[user.email])


def send_work_reminders(today: dt.date | None = None) -> int:
    """Send everyone their reminder, over one connection; how many were sent."""
    messages = [m for m in (reminder_for(u, today) for u in people_to_remind()) if m]
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
