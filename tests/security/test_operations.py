"""What a council's operations team needs: a health check for the load balancer that asks the
database and the broker, and logs a line of JSON each, carrying the request's id."""

import io
import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny.logs import JsonFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_port():
    """A loopback port nothing listens on."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


@pytest.fixture
def json_log():
    """The lines the site's console handler would write, as parsed JSON."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger()
    logger.addHandler(handler)
    before = logger.level
    logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.setLevel(before)
    logger.removeHandler(handler)


def test_health_answers_ok_with_what_it_checked(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "broker": "in-process",
        "down": [],
    }
    assert response["Cache-Control"] == "no-store"
    assert client.post("/healthz").status_code == 405


def test_health_answers_503_when_the_broker_is_down_and_logs_it_with_the_request_id(
    client, settings, closed_port, json_log
):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{closed_port}/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"].startswith("failed: ")
    assert response.json()["database"] == "ok"
    assert response.json()["down"] == ["broker"]
    warning = next(line for line in json_log() if line["level"] == "WARNING")
    assert "health check broker failed" in warning["message"]
    assert warning["request_id"] == response["X-Request-ID"]


def test_health_is_answered_over_plain_http_when_everything_else_is_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200


def test_each_request_has_an_id_in_its_response_and_its_log_line(client, json_log):
    first, second = client.get("/"), client.get("/")
    assert first["X-Request-ID"] != second["X-Request-ID"]
    lines = [line for line in json_log() if line["logger"] == "scrutiny.requests"]
    assert [line["request_id"] for line in lines] == [first["X-Request-ID"], second["X-Request-ID"]]
    assert lines[0]["path"] == "/" and lines[0]["status"] == 200 and lines[0]["duration_ms"] >= 0


def test_a_proxys_request_id_is_kept_and_a_malformed_one_replaced(client):
    given = "3f2a9c1e-proxy-id"
    assert client.get("/", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    forged = client.get("/", HTTP_X_REQUEST_ID="bad id\nwith a new line")["X-Request-ID"]
    assert "\n" not in forged and len(forged) == 32


ROOT = Path(__file__).resolve().parents[2]
# The site in a process of its own, asked for /healthz through Django's test client: every
# middleware and the request transaction run as they do under gunicorn.
ASK_HEALTH = """
import json, django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


def ask_health(**environment) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "CELERY_BROKER_URL"}
    env.update(
        PYTHONPATH=str(ROOT),
        DJANGO_SETTINGS_MODULE="scrutiny.settings",
        ALLOWED_HOSTS="testserver",
        **environment,
    )
    done = subprocess.run(
        [sys.executable, "-c", ASK_HEALTH], cwd=ROOT, env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    return json.loads(done.stdout.decode().strip().splitlines()[-1])


@pytest.mark.parametrize(
    "database",
    [
        "sqlite:////nonexistent-folder/scrutiny.db",  # a file that cannot be opened
        "postgres://scrutiny:scrutiny@127.0.0.1:{port}/scrutiny",  # a server that is down
    ],
    ids=["sqlite", "postgresql"],
)
def test_health_answers_503_naming_the_database_when_it_is_unavailable(closed_port, database):
    """Not a 500: the request's own transaction (ATOMIC_REQUESTS) and the SQLite write-lock
    middleware must not need the database before the check can say it is down."""
    answer = ask_health(DATABASE_URL=database.format(port=closed_port))
    assert answer["status"] == 503, answer
    assert answer["body"]["down"] == ["database"]
    assert answer["body"]["database"] == "failed: OperationalError"
    assert answer["body"]["broker"] == "in-process"


def test_health_names_both_when_the_database_and_the_broker_are_down(closed_port):
    answer = ask_health(
        DATABASE_URL=f"postgres://scrutiny:scrutiny@127.0.0.1:{closed_port}/scrutiny",
        CELERY_BROKER_URL=f"redis://127.0.0.1:{closed_port}/0",
    )
    assert answer["status"] == 503
    assert answer["body"]["down"] == ["database", "broker"]
