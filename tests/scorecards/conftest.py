"""Fixtures for the scorecard pages."""

import pytest

from tests.factories.scrutiny import UserFactory


@pytest.fixture(autouse=True)
def suppression_threshold(settings):
    """The tests work their small numbers out against the default threshold of 5."""
    settings.SUPPRESSION_THRESHOLD = 5


@pytest.fixture
def outsider_client(client, other_authority):
    """Signed in, but an officer of another council: sees what the public sees."""
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    return client


@pytest.fixture
def member_client(client, authority):
    client.force_login(UserFactory(role="member", authorities=[authority]))
    return client
