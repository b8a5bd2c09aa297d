"""A committee's work programme: public, kept by its clerks (GOV.UK form, error summary,
nothing saved half-way), and put on a meeting's agenda in one step."""

import datetime as dt

import pytest
from django.urls import reverse

from committees.models import AgendaItem, Meeting, WorkProgrammeItem
from tests.factories.scrutiny import CommitteeFactory, UserFactory

pytestmark = pytest.mark.django_db


def url(name, committee, **kwargs):
    kwargs = {"authority": committee.authority.slug, "slug": committee.slug, **kwargs}
    return reverse(f"committees:{name}", kwargs=kwargs)


@pytest.fixture
def clerk(authority):
    return UserFactory(username="clerk-wp", role="clerk", authorities=[authority])


@pytest.fixture
def autumn(committee):
    return Meeting.objects.create(committee=committee, date=dt.date(2026, 11, 17))


def planned(committee, n=1, **values):
    return [
        WorkProgrammeItem.objects.create(
            committee=committee,
            lead_officer="Head of Children's Social Care",
            purpose="To review progress towards permanent staff.",
            **(
                {"title": f"Recruitment and retention {i}", "planned_month": dt.date(2027, 1, 1)}
                | values
            ),
        )
        for i in range(1, n + 1)
    ]


def test_the_public_reads_the_forward_plan_without_the_clerks_buttons(client, committee, autumn):
    planned(committee)
    planned(committee, meeting=autumn, planned_month=None, title="Early help")
    body = client.get(url("work_programme", committee)).content.decode()
    assert "Recruitment and retention 1" in body
    assert "Head of Children&#x27;s Social Care" in body
    assert "To review progress towards permanent staff." in body
    assert "January 2027 (meeting not yet arranged)" in body
    assert "Meeting of 17 November 2026" in body
    assert "Add an item" not in body and "Add to the agenda" not in body
    # Reached from the committee's page.
    page = client.get(committee.get_absolute_url()).content.decode()
    assert url("work_programme", committee) in page


@pytest.mark.parametrize("rows", [1, 10])
def test_the_page_costs_the_same_for_one_item_or_ten(
    client, committee, autumn, rows, django_assert_num_queries
):
    planned(committee, rows)
    planned(committee, rows, meeting=autumn, planned_month=None)
    with django_assert_num_queries(5):
        assert client.get(url("work_programme", committee)).status_code == 200


def test_a_clerk_adds_an_item_and_mistakes_come_back_with_every_error(
    client, authority, committee, clerk
):
    client.force_login(clerk)
    response = client.post(
        url("work_programme_item_add", committee),
        {"title": "", "lead_officer": "", "purpose": "", "month": "13", "year": "2027"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in body
    assert 'href="#id_title">Enter the item&#x27;s title</a>' in body
    assert 'href="#id_lead_officer">Enter the lead officer</a>' in body
    assert 'href="#id_purpose">Enter the item&#x27;s purpose</a>' in body
    assert 'href="#id_month">Enter the month as a number from 1 to 12</a>' in body
    assert not WorkProgrammeItem.objects.exists()

    response = client.post(
        url("work_programme_item_add", committee),
        {"title": "Early help", "lead_officer": "Director", "purpose": "To monitor it."},
    )
    assert 'href="#id_meeting">Choose the meeting, or give the month and year</a>' in (
        response.content.decode()
    )
    assert not WorkProgrammeItem.objects.exists()

    data = {"title": "Early help", "lead_officer": "Director", "purpose": "To monitor it."}
    response = client.post(
        url("work_programme_item_add", committee), data | {"month": "3", "year": "2027"}
    )
    assert response.status_code == 302
    item = WorkProgrammeItem.objects.get()
    assert (item.planned_month, item.meeting) == (dt.date(2027, 3, 1), None)

    # Changed: now planned for a meeting of the committee.
    autumn = Meeting.objects.create(committee=committee, date=dt.date(2026, 11, 17))
    client.post(
        url("work_programme_item_change", committee, entry=item.pk), data | {"meeting": autumn.pk}
    )
    item.refresh_from_db()
    assert (item.meeting, item.planned_month) == (autumn, None)


def test_another_committees_meeting_cannot_be_chosen(client, authority, committee, clerk):
    other = CommitteeFactory(authority=authority, name="Adults", slug="adults")
    elsewhere = Meeting.objects.create(committee=other, date=dt.date(2026, 11, 17))
    client.force_login(clerk)
    data = {"title": "Early help", "lead_officer": "Director", "purpose": "To monitor it."}
    response = client.post(
        url("work_programme_item_add", committee), data | {"meeting": elsewhere.pk}
    )
    assert 'href="#id_meeting">' in response.content.decode()
    assert not WorkProgrammeItem.objects.exists()


def test_a_clerk_puts_an_item_on_its_meetings_agenda_in_one_step(client, committee, clerk, autumn):
    AgendaItem.objects.create(meeting=autumn, number=1, title="Apologies", kind="apologies")
    [item] = planned(committee, meeting=autumn, planned_month=None)
    client.force_login(clerk)
    page = client.get(url("work_programme", committee)).content.decode()
    assert "Add to the agenda" in page
    response = client.post(url("work_programme_to_agenda", committee, entry=item.pk))
    assert response.status_code == 302 and response.url == autumn.get_absolute_url()
    agenda_item = autumn.items.get(number=2)
    assert (agenda_item.title, agenda_item.description) == (item.title, item.purpose)
    assert agenda_item.kind == AgendaItem.Kind.REPORT and not agenda_item.is_supplementary
    item.refresh_from_db()
    assert item.agenda_item == agenda_item
    assert (
        "Item 2 on the agenda for" in client.get(url("work_programme", committee)).content.decode()
    )

    # Once only.
    response = client.post(url("work_programme_to_agenda", committee, entry=item.pk), follow=True)
    assert "is already on an agenda" in response.content.decode()
    assert autumn.items.count() == 2


def test_an_item_without_a_meeting_or_for_a_published_agenda_is_refused(
    client, committee, clerk, autumn
):
    [month_only] = planned(committee)
    autumn.agenda_published_at = dt.datetime(2026, 11, 5, 9, tzinfo=dt.UTC)
    autumn.save()
    [published] = planned(committee, meeting=autumn, planned_month=None, title="Late")
    client.force_login(clerk)
    response = client.post(
        url("work_programme_to_agenda", committee, entry=month_only.pk), follow=True
    )
    assert "Choose the meeting" in response.content.decode()
    response = client.post(
        url("work_programme_to_agenda", committee, entry=published.pk), follow=True
    )
    assert "is published: add" in response.content.decode()
    assert not AgendaItem.objects.exists()


@pytest.mark.parametrize("role", ["member", "officer", "approver"])
def test_only_clerks_keep_the_work_programme(client, authority, committee, autumn, role):
    [item] = planned(committee, meeting=autumn, planned_month=None)
    client.force_login(UserFactory(username=f"wp-{role}", role=role, authorities=[authority]))
    assert client.get(url("work_programme_item_add", committee)).status_code == 403
    data = {"title": "x", "lead_officer": "y", "purpose": "z", "month": "1", "year": "2027"}
    assert client.post(url("work_programme_item_add", committee), data).status_code == 403
    assert client.post(url("work_programme_to_agenda", committee, entry=item.pk)).status_code == 403
    assert WorkProgrammeItem.objects.count() == 1 and not AgendaItem.objects.exists()
