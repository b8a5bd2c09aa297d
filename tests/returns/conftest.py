"""A council with teams and roles, a started Q4 2014/15 return, and a reader of each kind."""

import pytest
from django.test import Client

from scrutiny.models import Period
from tests.factories.returns import started_return
from tests.factories.scrutiny import TeamFactory, UserFactory
from tests.factories.workforce import RoleFactory


@pytest.fixture
def quarter(db):
    return Period.quarter(2014, 4)


@pytest.fixture
def teams(authority):
    return [
        TeamFactory(authority=authority, name="Ambleside Social Work Team"),
        TeamFactory(authority=authority, name="Brambles Social Work Team"),
    ]


@pytest.fixture
def roles(db):
    return [
        RoleFactory(name="First line managers", order=1),
        RoleFactory(name="Social workers", order=2),
    ]


@pytest.fixture
def approver(authority):
    return UserFactory(username="approver-w", role="approver", authorities=[authority])


@pytest.fixture
def second_officer(authority):
    return UserFactory(username="officer-w2", role="officer", authorities=[authority])


@pytest.fixture
def member(authority):
    return UserFactory(username="member-w", role="member", authorities=[authority])


@pytest.fixture
def clerk(authority):
    return UserFactory(username="clerk-w", role="clerk", authorities=[authority])


@pytest.fixture
def outsider(other_authority):
    return UserFactory(username="officer-s", role="officer", authorities=[other_authority])


@pytest.fixture
def draft(authority, quarter, officer, teams, roles):
    return started_return(authority=authority, period=quarter, user=officer)


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def as_user():
    return client_for
