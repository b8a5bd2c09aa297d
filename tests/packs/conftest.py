"""A small meeting whose pack spans a few pages: two open reports and one Part 2 item."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.utils import timezone
from pypdf import PdfReader

from tests.factories.scrutiny import (
    AgendaItemFactory,
    CommitteeFactory,
    CommitteeMembershipFactory,
    MeetingFactory,
    ReportFactory,
    ReportSectionFactory,
    UserFactory,
)

CANARY = "CANARY-PART2-7f3a9c"
HEADER = "Children's Services Overview and Scrutiny Committee – 21 July 2015"
BLANK = "This page is intentionally left blank"


def long_text(paragraphs: int) -> str:
    sentence = "The service kept caseloads low and reviewed every plan within the quarter. "
    return "".join(f"<p>{sentence * 8}</p>" for _ in range(paragraphs))


@pytest.fixture
def committee(authority):
    authority.address = "Civic Offices\nShute End\nWokingham\nRG40 1BN"
    authority.telephone = "0118 974 6091"
    authority.email = "democratic.services@wokingham.gov.uk"
    authority.chief_executive = "Andy Couldrick"
    authority.save()
    return CommitteeFactory(
        authority=authority,
        name="Children's Services Overview and Scrutiny Committee",
        slug="childrens-services",
    )


@pytest.fixture
def meeting(committee):
    """Item 1 runs to three pages or so, item 2 (Part 2) carries the canary, item 3 is short."""
    meeting = MeetingFactory(
        committee=committee, agenda_published_at=timezone.now(), venue="Civic Offices"
    )
    meeting.date = meeting.date.replace(year=2015, month=7, day=21)
    meeting.save()
    long_report = ReportFactory(
        authority=committee.authority, committee=committee, title="Annual review", published=True
    )
    ReportSectionFactory(report=long_report, order=1, heading="Findings", body=long_text(12))
    secret = ReportFactory(
        authority=committee.authority,
        committee=committee,
        title=f"Placement of child {CANARY}",
        summary=f"Details of {CANARY}.",
        published=True,
        is_exempt=True,
        exempt_paragraph=1,
    )
    short = ReportFactory(
        authority=committee.authority, committee=committee, title="Short update", published=True
    )
    AgendaItemFactory(meeting=meeting, number=1, title="Annual review", report=long_report)
    AgendaItemFactory(
        meeting=meeting,
        number=2,
        title=f"Placement of child {CANARY}",
        public_title="A placement decision",
        report=secret,
        is_exempt=True,
        exempt_paragraph=1,
        exempt_reason="It concerns a particular child.",
    )
    AgendaItemFactory(meeting=meeting, number=3, title="Short update", report=short)
    AgendaItemFactory(
        meeting=meeting,
        number=4,
        title="Late report",
        report=ReportFactory(
            authority=committee.authority, committee=committee, title="Late", published=True
        ),
        is_supplementary=True,
        supplementary_reason="Not ready when the agenda was published.",
    )
    return meeting


@pytest.fixture
def clerk(authority):
    return UserFactory(username="clerk-w", role="clerk", authorities=[authority])


@pytest.fixture
def seated_member(authority, meeting):
    user = UserFactory(username="member-on", role="member", authorities=[authority])
    CommitteeMembershipFactory(committee=meeting.committee, user=user)
    return user


@pytest.fixture
def unseated_member(authority):
    return UserFactory(username="member-off", role="member", authorities=[authority])


class Pdf:
    """A produced PDF read back with pypdf: page texts and named destinations."""

    def __init__(self, data: bytes):
        self.reader = PdfReader(BytesIO(data))
        self.texts = [page.extract_text() or "" for page in self.reader.pages]
        self.text = "\n".join(self.texts)

    def page_of(self, name: str) -> int:
        """1-based page a named destination (an anchor in the HTML) points at."""
        destination = self.reader.named_destinations[name]
        return self.reader.get_destination_page_number(destination) + 1

    def agenda_ranges(self) -> dict[int, tuple[int, int]]:
        """The ranges the agenda prints, read from the agenda's text."""
        front = "\n".join(self.texts[:3])
        ranges = {}
        for row in re.split(r"(?m)^(?=\d{1,3}\.\s)", front):
            number = re.match(r"(\d{1,3})\.\s", row)
            pages = re.search(r"\(Pages (\d+) - (\d+)\)", row)
            if number and pages:
                ranges[int(number[1])] = (int(pages[1]), int(pages[2]))
        return ranges


@pytest.fixture
def read_pdf():
    return Pdf
