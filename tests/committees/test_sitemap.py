"""sitemap.xml: public pages only, whoever asks."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories.scrutiny import AgendaItemFactory, MeetingFactory, ReportFactory

pytestmark = pytest.mark.django_db
LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def locations(response) -> set[str]:
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {loc.text.removeprefix("http://testserver") for loc in root.iter(LOC)}


def test_it_lists_councils_committees_published_meetings_and_open_reports(
    client, authority, committee, meeting
):
    report = ReportFactory(authority=authority, committee=committee, published=True)
    unpublished = MeetingFactory(committee=committee, date=dt.date(2016, 1, 1))

    urls = locations(client.get(reverse("sitemap")))

    assert {
        authority.get_absolute_url(),
        committee.get_absolute_url(),
        meeting.get_absolute_url(),
        report.get_absolute_url(),
    } <= urls
    assert unpublished.get_absolute_url() not in urls


def test_drafts_and_part_2_are_left_out_even_for_an_officer(
    officer_client, authority, committee, meeting
):
    draft = ReportFactory(authority=authority, committee=committee)
    exempt = ReportFactory(
        authority=authority, committee=committee, published=True, is_exempt=True, exempt_paragraph=1
    )
    under_item = ReportFactory(authority=authority, committee=committee, published=True)
    AgendaItemFactory(meeting=meeting, report=under_item, is_exempt=True, exempt_paragraph=1)
    unpublished = MeetingFactory(committee=committee, date=dt.date(2016, 1, 1))

    urls = locations(officer_client.get(reverse("sitemap")))

    for hidden in (draft, exempt, under_item, unpublished):
        assert hidden.get_absolute_url() not in urls
    assert meeting.get_absolute_url() in urls


def test_every_url_in_it_opens_for_the_public(client, authority, committee, meeting):
    ReportFactory(authority=authority, committee=committee, published=True)
    for url in locations(client.get(reverse("sitemap"))):
        assert client.get(url).status_code == 200, url


def test_it_costs_the_same_however_many_pages(
    client, authority, committee, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            MeetingFactory(committee=committee, agenda_published_at=timezone.now())
            ReportFactory(authority=authority, committee=committee, published=True)

    add(1)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("sitemap"))
    add(8)
    with django_assert_num_queries(len(one)):
        client.get(reverse("sitemap"))
