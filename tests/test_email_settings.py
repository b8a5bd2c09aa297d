"""How the agenda emails are sent: EMAIL_URL (django-environ's form) in any environment,
the console in the demo, SMTP in production, and the sender from DEFAULT_FROM_EMAIL."""

import pytest

from tests.test_settings import import_settings

SHOW = (
    "import os; [os.environ.pop(k, None) for k in ('EMAIL_URL', 'DEFAULT_FROM_EMAIL')]; "
    "os.environ.update(EXTRA); "
    "from scrutiny import settings as s; "
    "print(*(getattr(s, 'EMAIL_' + k, '-') for k in ('BACKEND', 'HOST', 'PORT', 'USE_TLS')), "
    "s.DEFAULT_FROM_EMAIL)"
)


def _backend(extra: dict, **env) -> str:
    result = import_settings(code=f"EXTRA = {extra!r}; " + SHOW, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("env", [{}, {"DEBUG": "true"}])
def test_the_demo_prints_email_to_the_console(env):
    assert _backend({}, **env).startswith("django.core.mail.backends.console.EmailBackend")


def test_production_sends_by_smtp_from_the_environment():
    extra = {
        "EMAIL_URL": "smtp+tls://clerks:secret@smtp.example.org:587",
        "DEFAULT_FROM_EMAIL": "democratic.services@example.org",
    }
    shown = _backend(extra, SCRUTINY_ENV="production", SECRET_KEY="x" * 50)
    assert shown == (
        "django.core.mail.backends.smtp.EmailBackend smtp.example.org 587 True "
        "democratic.services@example.org"
    )


def test_production_without_an_email_url_uses_the_local_relay():
    shown = _backend({}, SCRUTINY_ENV="production", SECRET_KEY="x" * 50)
    assert shown.startswith("django.core.mail.backends.smtp.EmailBackend localhost 25 ")
