"""Fixtures shared by the whole suite."""

import pytest

from tests.factories.scrutiny import AuthorityFactory, UserFactory


@pytest.fixture
def authority(db):
    return AuthorityFactory(
        name="Wokingham Borough Council", short_name="Wokingham", slug="wokingham"
    )


@pytest.fixture
def other_authority(db):
    return AuthorityFactory(name="Slough Borough Council", short_name="Slough", slug="slough")


@pytest.fixture
def officer(authority):
    return UserFactory(username="officer-w", role="officer", authorities=[authority])


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Factories hash a password per user; the production hasher is slow by design.

    PBKDF2 stays second so a password hashed before this fixture ran still checks.
    """
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Charts and other files a page writes go to a folder the test owns, never var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a primary key reused by the next test must
    never find the last test's frozen report blocks."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def breakdown_lists(db):
    """The breakdowns and their groups as the migrations ship them (scorecards/0005), for the
    same reason as ``catalogue``: a transactional test flushes the rows the migrations wrote."""
    from scorecards.breakdowns.catalogue import load_breakdowns
    from scorecards.models import Breakdown, BreakdownCategory

    load_breakdowns(Breakdown, BreakdownCategory)


@pytest.fixture
def catalogue(db):
    """The national catalogue as the migrations ship it (with the loader they call). A
    transactional test (the worker tests, run on PostgreSQL) flushes every table, and with
    them the rows the migrations wrote, so a test that needs the catalogue says so."""
    from scorecards.catalogue import load_catalogue
    from scorecards.models import Indicator

    load_catalogue(Indicator)
