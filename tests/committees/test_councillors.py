"""Councillors as people apart from sign-ins: their public pages, their seats and terms, and
how existing seats became councillors without losing anything."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils.html import escape

from committees.models import CommitteeMembership, Councillor
from committees.services import meetings as service
from tests.factories.scrutiny import (
    CommitteeFactory,
    CommitteeMembershipFactory,
    CouncillorFactory,
    UserFactory,
)

migration = importlib.import_module("committees.migrations.0003_councillors_from_seats")


@pytest.fixture
def clerk(authority):
    return UserFactory(username="clerk-c", role="clerk", authorities=[authority])


def detail_url(councillor):
    return councillor.get_absolute_url()


def test_existing_seats_become_councillors_one_per_printed_name(authority, committee):
    user = UserFactory(username="bray", role="member", authorities=[authority])
    other = CommitteeFactory(authority=authority, slug="corporate")
    CommitteeMembershipFactory(committee=committee, name="Cllr Prue Bray", user=user, role="chair")
    CommitteeMembershipFactory(committee=other, name="Cllr Prue Bray")
    CommitteeMembershipFactory(committee=committee, name="Cllr Ian Pittock")
    migration.seats_to_councillors(apps, None)
    assert Councillor.objects.count() == 2
    bray = Councillor.objects.get(slug="prue-bray")
    assert bray.name == "Cllr Prue Bray" and bray.user == user
    assert set(bray.memberships.values_list("committee__slug", "role")) == {
        (committee.slug, "chair"),
        ("corporate", "member"),
    }
    # every seat keeps its name, role and sign-in
    assert CommitteeMembership.objects.filter(councillor__isnull=True).count() == 0
    assert CommitteeMembership.objects.get(committee=committee, role="chair").user == user


def test_saving_a_seat_finds_or_makes_its_councillor(authority, committee, clerk):
    first = CommitteeMembership(committee=committee, name="Cllr Prue Bray", role="chair")
    service.membership_save(membership=first, saved_by=clerk)
    other = CommitteeFactory(authority=authority, slug="corporate")
    second = CommitteeMembership(committee=other, name="Cllr Prue Bray")
    service.membership_save(membership=second, saved_by=clerk)
    assert first.councillor == second.councillor
    assert Councillor.objects.filter(authority=authority).count() == 1


def test_the_public_reads_a_councillors_page(client, authority, committee):
    councillor = CouncillorFactory(
        authority=authority,
        name="Cllr Prue Bray",
        slug="prue-bray",
        party="Liberal Democrat",
        ward="Winnersh",
        email="prue.bray@example.gov.uk",
        interests="Governor, Example Primary School",
    )
    CommitteeMembershipFactory(
        committee=committee,
        councillor=councillor,
        name=councillor.name,
        role="chair",
        start_date=dt.date(2014, 5, 20),
    )
    CommitteeMembershipFactory(
        committee=CommitteeFactory(authority=authority, name="Audit Committee", slug="audit"),
        councillor=councillor,
        name=councillor.name,
        role="vice-chair",
        start_date=dt.date(2012, 5, 1),
        end_date=dt.date(2014, 5, 1),
    )
    response = client.get(detail_url(councillor))
    assert response.status_code == 200
    body = response.content.decode()
    for text in ("Liberal Democrat", "Winnersh", "prue.bray@example.gov.uk"):
        assert text in body
    assert "Governor, Example Primary School" in body
    assert escape(committee.name) in body and "Chairman" in body
    assert "From 20 May 2014, continuing" in body
    assert "Vice-Chairman" in body and "From 1 May 2012 to 1 May 2014" in body
    # the current seat comes before the ended one
    assert body.index("Chairman") < body.index("Vice-Chairman")


def test_another_councils_councillor_is_not_found_under_this_council(
    client, authority, other_authority
):
    elsewhere = CouncillorFactory(authority=other_authority, slug="someone")
    url = reverse(
        "committees:councillor_detail", kwargs={"authority": authority.slug, "slug": "someone"}
    )
    assert client.get(url).status_code == 404
    assert client.get(detail_url(elsewhere)).status_code == 200


def test_the_committee_page_links_each_member_to_their_councillor_page(client, committee):
    councillor = CouncillorFactory(authority=committee.authority, name="Cllr Prue Bray")
    seat = CommitteeMembershipFactory(
        committee=committee, councillor=councillor, name="Cllr Prue Bray"
    )
    body = client.get(committee.get_absolute_url()).content.decode()
    assert f'href="{detail_url(councillor)}#seat-{seat.pk}">Cllr Prue Bray</a>' in body


def test_the_councillor_list_names_only_this_councils_councillors(
    client, authority, other_authority
):
    CouncillorFactory(authority=authority, name="Cllr Here", party="Independent")
    CouncillorFactory(authority=other_authority, name="Cllr Elsewhere")
    url = reverse("committees:councillor_list", kwargs={"authority": authority.slug})
    body = client.get(url).content.decode()
    assert "Cllr Here" in body and "Independent" in body
    assert "Cllr Elsewhere" not in body


def test_a_councillors_page_costs_the_same_for_1_and_5_seats(
    client, authority, django_assert_num_queries
):
    councillor = CouncillorFactory(authority=authority)
    CommitteeMembershipFactory(
        committee=CommitteeFactory(authority=authority), councillor=councillor
    )
    # savepoint and release (atomic requests), council, councillor, seats with committees,
    # attendance (expected and attended), substitutions and declarations from the minutes
    with django_assert_num_queries(8):
        assert client.get(detail_url(councillor)).status_code == 200
    for _ in range(4):
        CommitteeMembershipFactory(
            committee=CommitteeFactory(authority=authority), councillor=councillor
        )
    with django_assert_num_queries(8):
        assert client.get(detail_url(councillor)).status_code == 200
