"""The published agenda, emailed to each member and substitute of the committee.

The email is built as the public reads the agenda (``agenda_for`` an anonymous reader): an
exempt item appears only by its public title, and the link is to the public pack. Nothing
Part 2 is attached or quoted, whoever the member is: they read those papers signed in.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse

from committees.models import CommitteeMembership, Meeting
from committees.selectors import agenda_for, current_memberships


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    role: str


def member_address(membership: CommitteeMembership) -> str:
    """Where a seat's holder is written to: the councillor's own address, else their sign-in's."""
    councillor = membership.councillor
    for address in (
        councillor.email if councillor else "",
        councillor.user.email if councillor and councillor.user else "",
        membership.user.email if membership.user else "",
    ):
        if address:
            return address
    return ""


def agenda_recipients(meeting: Meeting) -> list[Recipient]:
    """Everyone who sits on the committee today (members, co-opted members and substitutes)
    with an address, once each, in the committee's order."""
    recipients: dict[str, Recipient] = {}
    for membership in current_memberships(meeting.committee):
        address = member_address(membership)
        if address and address.lower() not in recipients:
            recipients[address.lower()] = Recipient(
                membership.name, address, membership.get_role_display()
            )
    return list(recipients.values())


def site_url(path: str) -> str:
    return settings.PACK_SITE_URL.rstrip("/") + path


def agenda_email(meeting: Meeting, recipient: Recipient) -> EmailMessage:
    """The message one member receives: the agenda as published and the public pack's link."""
    slug = meeting.committee.authority.slug
    context = {
        "meeting": meeting,
        "recipient": recipient,
        "agenda": agenda_for(AnonymousUser(), meeting),
        "meeting_url": site_url(meeting.get_absolute_url()),
        "pack_url": site_url(
            reverse(
                "packs:meeting_pack",
                kwargs={"authority": slug, "pk": meeting.pk, "kind": "public"},
            )
        ),
    }
    subject = f"Agenda published: {meeting.committee.name}, {meeting.date:%-d %B %Y}"
    body = render_to_string("committees/email/agenda_published.txt", context)
    return EmailMessage(subject, body, to=[recipient.email])


def send_agenda(meeting_pk: int) -> int:
    """Email the published agenda to the committee; the number of messages sent."""
    meeting = Meeting.objects.select_related("committee__authority").get(pk=meeting_pk)
    messages = [agenda_email(meeting, r) for r in agenda_recipients(meeting)]
    if not messages:
        return 0
    return get_connection().send_messages(messages)
