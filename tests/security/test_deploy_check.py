"""Secure by default: production's settings pass Django's deployment check with no warning,
and each HTTPS default can be turned off by its own variable (behind a TLS proxy)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SCRUTINY_ENV": "production",
    "DEBUG": "false",
    "SECRET_KEY": "x7#kPq!2vL9@mZr4&Tn8*Wc3^Hb6(Yd1)Fg5-Js0+Ae" * 2,
    "ALLOWED_HOSTS": "scrutiny.example.org",
    "DJANGO_SETTINGS_MODULE": "scrutiny.settings",
}
# What the test run sets for itself must not leak into "production as deployed".
LEFT_OUT = {
    "SECURE_SSL_REDIRECT",
    "SECURE_COOKIES",
    "SECURE_HSTS_SECONDS",
    "SECURE_PROXY_SSL_HEADER",
}


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in LEFT_OUT}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=base | PRODUCTION | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deployment_check_finds_nothing_with_production_settings():
    result = run("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_check_fails_when_a_default_is_turned_off():
    """The check is strict: turning the HTTPS redirect off is reported."""
    result = run(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", SECURE_SSL_REDIRECT="false"
    )
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
    "s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER)"
)


def test_production_is_secure_without_any_security_variable_set():
    result = run("-c", SHOW)
    assert result.stdout.split() == ["True", "True", "True", "31536000", "None"], result.stderr


def test_behind_a_tls_proxy_each_default_has_a_variable():
    result = run(
        "-c",
        SHOW,
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        SECURE_HSTS_SECONDS="0",
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
    )
    assert result.stdout.split() == [
        "False",
        "False",
        "False",
        "0",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
    ], result.stderr


def test_a_malformed_proxy_header_is_refused():
    result = run("-c", SHOW, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")
    assert result.returncode != 0
    assert "SECURE_PROXY_SSL_HEADER must be a header and its value" in result.stderr
