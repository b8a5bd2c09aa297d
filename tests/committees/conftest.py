"""People and committee business shared by the committee, assurance and framework page tests."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories.scrutiny import (
    CommitteeFactory,
    CommitteeMembershipFactory,
    MeetingFactory,
    UserFactory,
)


@pytest.fixture
def committee(authority):
    return CommitteeFactory(
        authority=authority,
        name="Children's Services Overview and Scrutiny Committee",
        slug="childrens-services",
        remit="Scrutinises children's social care and early help.",
    )


@pytest.fixture
def meeting(committee):
    return MeetingFactory(
        committee=committee,
        date=dt.date(2015, 7, 21),
        agenda_published_at=timezone.now(),
        venue="David Hicks 1 – Civic Offices",
    )


@pytest.fixture
def member(authority, committee):
    """A councillor who sits on the committee."""
    user = UserFactory(username="cllr-bray", role="member", authorities=[authority])
    CommitteeMembershipFactory(committee=committee, user=user, name="Cllr Prue Bray")
    return user


@pytest.fixture
def stranger(other_authority):
    """An officer of another council: signed in, but not one of this council's users."""
    return UserFactory(username="officer-s", role="officer", authorities=[other_authority])


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def stranger_client(client, stranger):
    client.force_login(stranger)
    return client
