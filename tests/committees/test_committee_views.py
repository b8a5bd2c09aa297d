"""Committee list and committee pages: public, scoped to the council, cheap to draw."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.factories.scrutiny import (
    CommitteeFactory,
    CommitteeMembershipFactory,
    MeetingFactory,
)


def list_url(authority):
    return reverse("committees:committee_list", kwargs={"authority": authority.slug})


def test_the_public_may_read_the_committee_list(client, authority, committee):
    response = client.get(list_url(authority))
    assert response.status_code == 200
    assert escape(committee.name) in response.content.decode()


def test_a_user_of_another_council_may_read_it_too(stranger_client, authority, committee):
    assert stranger_client.get(list_url(authority)).status_code == 200


def test_it_lists_only_this_councils_committees(client, authority, other_authority):
    CommitteeFactory(authority=authority, name="Wokingham Scrutiny")
    CommitteeFactory(authority=other_authority, name="Slough Scrutiny")
    body = client.get(list_url(authority)).content.decode()
    assert "Wokingham Scrutiny" in body
    assert "Slough Scrutiny" not in body


def test_an_unknown_council_is_404(client, db):
    assert client.get("/nowhere/committees/").status_code == 404


def test_committee_list_costs_the_same_for_1_and_10_rows(
    client, authority, django_assert_num_queries
):
    CommitteeFactory(authority=authority)
    # savepoint and release (atomic requests), council, count for the filter and the
    # paginator, committees
    with django_assert_num_queries(5):
        assert client.get(list_url(authority)).status_code == 200
    CommitteeFactory.create_batch(9, authority=authority)
    with django_assert_num_queries(5):
        assert client.get(list_url(authority)).status_code == 200


def test_committee_page_shows_remit_members_and_roles(client, committee):
    CommitteeMembershipFactory(committee=committee, name="Cllr Prue Bray", role="chair")
    CommitteeMembershipFactory(
        committee=committee, name="Cllr Gone Before", end_date=dt.date(2014, 5, 1)
    )
    response = client.get(committee.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Scrutinises children&#x27;s social care and early help." in body
    assert "Cllr Prue Bray" in body
    assert "Chairman" in body
    assert "Cllr Gone Before" not in body


def test_committee_page_splits_upcoming_and_past_meetings(client, committee):
    now = timezone.now()
    today = timezone.localdate()
    MeetingFactory(committee=committee, date=today + dt.timedelta(days=30), agenda_published_at=now)
    MeetingFactory(committee=committee, date=dt.date(2015, 7, 21), agenda_published_at=now)
    response = client.get(committee.get_absolute_url())
    upcoming = list(response.context["upcoming"].data)
    past = list(response.context["past"].data)
    assert [m.date for m in upcoming] == [today + dt.timedelta(days=30)]
    assert [m.date for m in past] == [dt.date(2015, 7, 21)]
    assert "21 July 2015" in response.content.decode()


def test_committee_page_hides_an_unpublished_agenda_from_the_public(client, committee):
    MeetingFactory(committee=committee, date=dt.date(2015, 9, 8), agenda_published_at=None)
    assert "8 September 2015" not in client.get(committee.get_absolute_url()).content.decode()


def test_committee_page_shows_an_unpublished_agenda_to_the_councils_officer(
    officer_client, committee
):
    MeetingFactory(committee=committee, date=dt.date(2015, 9, 8), agenda_published_at=None)
    body = officer_client.get(committee.get_absolute_url()).content.decode()
    assert "8 September 2015" in body


def test_another_councils_committee_is_404(client, authority, other_authority):
    theirs = CommitteeFactory(authority=other_authority, slug="theirs")
    url = reverse(
        "committees:committee_detail", kwargs={"authority": authority.slug, "slug": theirs.slug}
    )
    assert client.get(url).status_code == 404


def test_committee_page_costs_the_same_for_1_and_10_meetings(
    client, committee, django_assert_num_queries
):
    now = timezone.now()
    MeetingFactory(committee=committee, agenda_published_at=now)
    CommitteeMembershipFactory(committee=committee)
    # savepoint and release, council, committee, memberships, upcoming and past meetings
    with django_assert_num_queries(7):
        assert client.get(committee.get_absolute_url()).status_code == 200
    MeetingFactory.create_batch(9, committee=committee, agenda_published_at=now)
    CommitteeMembershipFactory.create_batch(9, committee=committee)
    with django_assert_num_queries(7):
        assert client.get(committee.get_absolute_url()).status_code == 200
