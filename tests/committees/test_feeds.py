"""A committee's Atom feed: published reports and agendas, as the public sees them."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories.scrutiny import (
    AgendaItemFactory,
    MeetingFactory,
    ReportFactory,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def feed_url(committee):
    return reverse(
        "committees:committee_feed",
        kwargs={"authority": committee.authority.slug, "slug": committee.slug},
    )


def entries(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [
        (
            e.findtext(f"{ATOM}title"),
            e.find(f"{ATOM}link").get("href"),
            e.findtext(f"{ATOM}summary"),
        )
        for e in root.iter(f"{ATOM}entry")
    ]


def test_it_lists_published_reports_and_agendas_newest_first(client, committee, meeting):
    report = ReportFactory(
        authority=committee.authority,
        committee=committee,
        title="Annual review",
        summary="Successes & challenges.",
        published=True,
        published_at=meeting.agenda_published_at + dt.timedelta(days=1),
    )
    AgendaItemFactory(meeting=meeting, number=1, title="Apologies for absence")
    ReportFactory(authority=committee.authority, committee=committee, title="Draft plan")
    MeetingFactory(committee=committee, date=dt.date(2016, 1, 1))  # agenda not published

    found = entries(client.get(feed_url(committee)))

    assert [title for title, _, _ in found] == [
        "Annual review",
        "Agenda: Children's Services Overview and Scrutiny Committee, 21 July 2015",
    ]
    assert found[0][1] == f"http://testserver{report.get_absolute_url()}"
    assert found[0][2] == "Successes &amp; challenges."  # HTML summary, escaped once
    assert found[1][1] == f"http://testserver{meeting.get_absolute_url()}"
    assert "1. Apologies for absence" in found[1][2]


def test_exempt_items_show_their_public_title_and_exempt_reports_are_absent(
    client, committee, meeting, member
):
    exempt = ReportFactory(
        authority=committee.authority,
        committee=committee,
        title="Placement of child A",
        published=True,
    )
    AgendaItemFactory(
        meeting=meeting,
        number=3,
        title="Placement of child A",
        public_title="An individual child's placement",
        description="Child A's history.",
        report=exempt,
        is_exempt=True,
        exempt_paragraph=1,
    )
    ReportFactory(
        authority=committee.authority,
        committee=committee,
        title="Secret review",
        published=True,
        is_exempt=True,
        exempt_paragraph=2,
    )
    # Who asks makes no difference: a member who may read Part 2 gets the public feed.
    client.force_login(member)
    response = client.get(feed_url(committee))

    body = response.content.decode()
    assert "An individual child" in body
    assert "child A" not in body and "Child A" not in body
    assert "Secret review" not in body


def test_the_committee_page_links_to_its_feed(client, committee):
    html = client.get(committee.get_absolute_url()).content.decode()
    url = feed_url(committee)
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert html.count(f'href="{url}"') == 2  # in the head and as a visible link


def test_an_unknown_committee_has_no_feed(client, authority):
    url = reverse("committees:committee_feed", kwargs={"authority": authority.slug, "slug": "nope"})
    assert client.get(url).status_code == 404


def test_the_feed_costs_the_same_however_many_meetings(
    client, committee, django_assert_num_queries
):
    def add_meeting(n):
        m = MeetingFactory(committee=committee, agenda_published_at=timezone.now())
        for i in range(1, n + 1):
            report = ReportFactory(
                authority=committee.authority, committee=committee, published=True
            )
            AgendaItemFactory(meeting=m, number=i, report=report)

    add_meeting(1)
    with CaptureQueriesContext(connection) as one:
        client.get(feed_url(committee))
    for _ in range(4):
        add_meeting(3)
    with django_assert_num_queries(len(one)):
        client.get(feed_url(committee))
