"""Guessing a password is slowed to a stop: after the failure limit, one username from one
address is refused for the cooling-off period, whatever password it tries, and the page says
when to try again; the right password works again once the period is over, or as soon as an
administrator lifts the lock-out."""

from __future__ import annotations

import datetime as dt
import logging
import re

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from tests.factories.scrutiny import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def officer():
    user = UserFactory(username="sam")
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, password, username="sam", address="192.0.2.10"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def guess(client, times, **kwargs):
    return [sign_in(client, f"guess-{n}", **kwargs).status_code for n in range(times)]


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_limit_locks_out_the_right_password_too_and_says_when_to_try_again(client, officer):
    limit = settings.AXES_FAILURE_LIMIT
    assert guess(client, limit - 1) == [200] * (limit - 1)  # the form again, with its error
    assert sign_in(client, "one more guess").status_code == 429
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429 and not signed_in(client)
    text = response.content.decode()
    assert "Sign-in paused" in text
    minutes = settings.AXES_COOLOFF_TIME.total_seconds() // 60
    assert f"in about {minutes:.0f} minutes" in text
    assert re.search(r"Try again after \d\d:\d\d on \d{1,2} \w+ \d{4}", text)


def test_the_lock_out_ends_after_the_cooling_off_period_and_not_before(client, officer):
    guess(client, settings.AXES_FAILURE_LIMIT)
    almost = settings.AXES_COOLOFF_TIME - dt.timedelta(minutes=1)
    past = AccessAttempt.objects.get(username="sam")
    AccessAttempt.objects.filter(pk=past.pk).update(attempt_time=past.attempt_time - almost)
    assert sign_in(client, PASSWORD).status_code == 429 and not signed_in(client)
    AccessAttempt.objects.filter(pk=past.pk).update(
        attempt_time=past.attempt_time - settings.AXES_COOLOFF_TIME - dt.timedelta(seconds=1)
    )
    assert sign_in(client, PASSWORD).status_code == 302 and signed_in(client)


def test_the_lock_out_is_of_one_username_from_one_address(client, officer):
    other = UserFactory(username="alex")
    other.set_password(PASSWORD)
    other.save()
    guess(client, settings.AXES_FAILURE_LIMIT)
    assert sign_in(client, PASSWORD, username="alex").status_code == 302
    client.logout()
    assert sign_in(client, PASSWORD, address="198.51.100.7").status_code == 302


def test_an_administrator_lifts_the_lock_out(client, officer):
    guess(client, settings.AXES_FAILURE_LIMIT)
    call_command("axes_reset_username", "sam")
    assert sign_in(client, PASSWORD).status_code == 302 and signed_in(client)


def test_a_lock_out_is_logged(client, officer, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        guess(client, settings.AXES_FAILURE_LIMIT)
    assert any("locking out" in record.getMessage().lower() for record in caplog.records)


def test_a_right_password_before_the_limit_starts_the_count_again(client, officer):
    guess(client, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    assert guess(client, settings.AXES_FAILURE_LIMIT - 1) == [200] * (
        settings.AXES_FAILURE_LIMIT - 1
    )
