"""Settings refuse malformed values at start-up instead of quietly using a default.

Each case imports the real settings module in a fresh interpreter with the variable set, as
a server starting with that environment would.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def import_settings(
    code: str = "import scrutiny.settings", **env: str
) -> subprocess.CompletedProcess:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DEBUG", "SECRET_KEY", "SCRUTINY_ENV", "SUPPRESSION_THRESHOLD", "CONN_MAX_AGE"}
        and not key.startswith("CELERY_TASK_")
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_refused(result: subprocess.CompletedProcess, message: str) -> None:
    assert result.returncode != 0, "settings accepted the value"
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr, result.stderr
    assert message in result.stderr, result.stderr


@pytest.mark.parametrize("value", ["maybe", "2", "ture", ""])
def test_it_refuses_a_malformed_debug_value(value):
    assert_refused(import_settings(DEBUG=value), "DEBUG must be true or false")


@pytest.mark.parametrize("value", ["true", "False", "1", "off", " yes "])
def test_it_accepts_a_well_formed_debug_value(value):
    result = import_settings(DEBUG=value)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("soft", "hard"), [("600", "600"), ("700", "660")])
def test_it_refuses_a_soft_time_limit_not_below_the_hard_limit(soft, hard):
    result = import_settings(CELERY_TASK_SOFT_TIME_LIMIT=soft, CELERY_TASK_TIME_LIMIT=hard)
    assert_refused(result, "CELERY_TASK_SOFT_TIME_LIMIT must be below CELERY_TASK_TIME_LIMIT")


def test_it_accepts_a_soft_time_limit_below_the_hard_limit():
    result = import_settings(CELERY_TASK_SOFT_TIME_LIMIT="30", CELERY_TASK_TIME_LIMIT="60")
    assert result.returncode == 0, result.stderr


def test_it_refuses_a_negative_suppression_threshold():
    assert_refused(
        import_settings(SUPPRESSION_THRESHOLD="-1"), "SUPPRESSION_THRESHOLD must be zero or more"
    )


def test_it_accepts_a_suppression_threshold_of_zero():
    result = import_settings(SUPPRESSION_THRESHOLD="0")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [("-1", "CONN_MAX_AGE must be 0"), ("soon", "CONN_MAX_AGE must be a whole number")],
)
def test_it_refuses_a_malformed_connection_age(value, message):
    assert_refused(import_settings(CONN_MAX_AGE=value), message)


@pytest.mark.parametrize("name", ["SUPPRESSION_THRESHOLD", "CELERY_TASK_TIME_LIMIT"])
def test_it_refuses_a_number_that_is_not_one(name):
    assert_refused(import_settings(**{name: "five"}), f"{name} must be a whole number")


def test_a_worker_keeps_its_database_connection_unless_told_not_to():
    show = "from scrutiny import settings as s; d = s.DATABASES['default']; "
    show += "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    for env, expected in (({}, "60 True"), ({"CONN_MAX_AGE": "0"}, "0 True")):
        result = import_settings(code=show, **env)
        assert result.stdout.strip() == expected, result.stderr


def test_it_refuses_to_run_in_production_without_a_secret_key():
    result = import_settings(SCRUTINY_ENV="production", SECRET_KEY="")
    assert_refused(result, "SECRET_KEY must be set in production")
