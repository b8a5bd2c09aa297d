"""The meeting page and its agenda: who may open it, what each item says, what it costs."""

import pytest
from django.urls import reverse

from tests.factories.scrutiny import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingFactory,
    ReportFactory,
)

URGENT = "the Chairman has agreed to include as an Urgent Item"


@pytest.mark.parametrize(
    ("reader", "status"),
    [("anonymous", 200), ("stranger", 200), ("officer", 200), ("member", 200)],
)
def test_who_may_open_a_published_agenda(request, client, meeting, reader, status):
    if reader != "anonymous":
        client.force_login(request.getfixturevalue(reader))
    assert client.get(meeting.get_absolute_url()).status_code == status


@pytest.mark.parametrize(
    ("reader", "status"),
    [("anonymous", 404), ("stranger", 404), ("officer", 200), ("member", 200)],
)
def test_who_may_open_an_unpublished_agenda(request, client, committee, reader, status):
    draft = MeetingFactory(committee=committee, agenda_published_at=None)
    if reader != "anonymous":
        client.force_login(request.getfixturevalue(reader))
    assert client.get(draft.get_absolute_url()).status_code == status


def test_another_councils_meeting_is_404(officer_client, authority, other_authority):
    theirs = MeetingFactory(committee=CommitteeFactory(authority=other_authority))
    url = reverse(
        "committees:meeting_detail", kwargs={"authority": authority.slug, "pk": theirs.pk}
    )
    assert officer_client.get(url).status_code == 404


def test_it_shows_date_time_venue_and_status(client, meeting):
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert "Tuesday 21 July 2015" in body
    assert "7:00 p.m." in body
    assert "David Hicks 1 – Civic Offices" in body
    assert '<strong class="govuk-tag govuk-tag--blue">Scheduled</strong>' in body


def test_it_marks_an_urgent_item_with_the_recorded_reason(client, authority, committee, meeting):
    report = ReportFactory(
        authority=authority,
        committee=committee,
        published=True,
        title="Children's Social Care Annual Review",
    )
    AgendaItemFactory(
        meeting=meeting,
        number=18,
        title="Delivering Effective Safeguarding Services For Children",
        report=report,
        is_urgent=True,
        urgent_reason=URGENT,
        wards="None specific",
    )
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert "18.</span> Delivering Effective Safeguarding Services For Children" in body
    assert "Urgent item" in body
    assert URGENT in body
    assert f'href="{report.get_absolute_url()}"' in body


def test_it_marks_a_supplementary_item_with_its_reason(client, meeting):
    AgendaItemFactory(
        meeting=meeting, is_supplementary=True, supplementary_reason="Report received late."
    )
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert "Supplementary item" in body
    assert "Report received late." in body


def test_it_does_not_link_a_report_the_reader_may_not_open(client, authority, committee, meeting):
    draft = ReportFactory(authority=authority, committee=committee, title="Draft annual review")
    AgendaItemFactory(meeting=meeting, title="Annual review", report=draft)
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert draft.get_absolute_url() not in body
    assert "Draft annual review" not in body
    assert "Not yet published" in body


def test_it_lists_items_in_number_order(client, meeting):
    AgendaItemFactory(meeting=meeting, number=3, title="Third item")
    AgendaItemFactory(meeting=meeting, number=1, title="First item")
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert body.index("First item") < body.index("Third item")


def test_its_query_count_does_not_grow_with_items(
    member_client, authority, committee, meeting, django_assert_num_queries
):
    def add_items(n):
        for _ in range(n):
            report = ReportFactory(authority=authority, committee=committee, published=True)
            AgendaItemFactory(meeting=meeting, report=report)
            AgendaItemFactory(meeting=meeting, report=report, is_exempt=True, exempt_paragraph=1)

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    add_items(1)
    # The page's own cost is pinned in tests/query_counts.json; here, that it is flat.
    with CaptureQueriesContext(connection) as first:
        assert member_client.get(meeting.get_absolute_url()).status_code == 200
    add_items(9)
    with django_assert_num_queries(len(first.captured_queries)):
        assert member_client.get(meeting.get_absolute_url()).status_code == 200
