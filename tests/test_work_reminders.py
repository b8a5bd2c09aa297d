"""The daily reminder: each person gets ONE email of their work (due, overdue, awaiting
them), nobody with nothing to do gets one; a management command sends it, Celery beat and the
compose file's beat service schedule it (issue 14, item 5)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from returns.models import QuarterlyReturn
from scrutiny.models import Period
from scrutiny.reminders import send_work_reminders
from scrutiny.tasks import send_work_reminders as reminder_task
from tests.factories.scrutiny import AuthorityFactory, ReportFactory, UserFactory
from tests.test_settings import import_settings

pytestmark = pytest.mark.django_db

AUGUST = dt.date(2026, 8, 14)  # Q1 2026/27 (due 30 July) is overdue


@pytest.fixture
def people(authority):
    officer = UserFactory(
        username="olu",
        first_name="Olu",
        last_name="Okafor",
        email="olu@example.org",
        role="officer",
        authorities=[authority],
    )
    approver = UserFactory(
        username="ann",
        first_name="Ann",
        email="ann@example.org",
        role="approver",
        authorities=[authority],
    )
    member = UserFactory(
        username="meg", email="meg@example.org", role="member", authorities=[authority]
    )
    return officer, approver, member


def test_each_person_gets_one_email_of_what_is_due_and_overdue(authority, people, mailoutbox):
    officer, approver, member = people
    QuarterlyReturn.objects.create(
        authority=authority,
        period=Period.quarter(2025, 4),
        status="submitted",
        submitted_by=officer,
        submitted_at=timezone.now(),
    )
    ReportFactory(
        authority=authority,
        title="Annual review",
        status="submitted",
        submitted_by=officer,
        submitted_at=timezone.now(),
    )

    assert send_work_reminders(today=AUGUST) == 2
    by_person = {m.to[0]: m for m in mailoutbox}
    assert sorted(by_person) == ["ann@example.org", "olu@example.org"]  # not the member

    to_officer = by_person["olu@example.org"]
    assert to_officer.subject == "Your work: 1 thing to do, 1 overdue"
    body = to_officer.body
    assert body.startswith(
        "Dear Olu,\n\nThis is your work in Children's services scrutiny on 14 August 2026."
    )
    assert (
        "Wokingham Borough Council\n\nAs officer:\n- Start the Q1 2026/27 return (OVERDUE)\n"
        in body
    )
    assert "  Was due 30 July 2026\n  http://127.0.0.1:8000/wokingham/returns/2026-27-q1/\n" in body
    assert "See it all on your dashboard: http://127.0.0.1:8000/dashboard/" in body

    to_approver = by_person["ann@example.org"].body
    assert (
        "As approver:\n- Q1 2026/27 return (OVERDUE)\n  Not started\n  Was due 30 July 2026\n"
        in (to_approver)
    )
    assert "- Approve the Q4 2025/26 return\n  Submitted by Olu Okafor on " in to_approver
    assert "- Approve “Annual review”\n" in to_approver
    assert by_person["ann@example.org"].subject == "Your work: 3 things to do, 1 overdue"


def test_nobody_is_sent_anything_when_nothing_is_due(authority, mailoutbox):
    UserFactory(username="meg", email="meg@example.org", role="member", authorities=[authority])
    UserFactory(username="clerk", email="c@example.org", role="clerk", authorities=[authority])
    assert send_work_reminders(today=AUGUST) == 0
    assert mailoutbox == []


def test_people_without_an_email_or_a_council_in_use_are_not_sent_one(authority, mailoutbox):
    UserFactory(username="no-email", email="", role="officer", authorities=[authority])
    gone = AuthorityFactory(is_active=False)
    UserFactory(username="gone", email="g@example.org", role="officer", authorities=[gone])
    assert send_work_reminders(today=AUGUST) == 0
    assert mailoutbox == []


def test_the_command_and_the_scheduled_task_send_it(authority, people, mailoutbox):
    call_command("send_work_reminders")
    assert len(mailoutbox) == 2  # officer and approver both owe the quarter in hand
    assert reminder_task.delay().get() == 2
    assert len(mailoutbox) == 4


def test_celery_beat_schedules_it_daily_and_compose_runs_one_beat():
    job = settings.CELERY_BEAT_SCHEDULE["send-work-reminders"]
    assert job["task"] == reminder_task.name
    assert job["schedule"].hour == {7} and job["schedule"].minute == {0}
    compose = yaml.safe_load((Path(settings.BASE_DIR) / "docker-compose.yml").read_text())
    assert compose["services"]["beat"]["command"][:4] == ["celery", "-A", "scrutiny", "beat"]


def test_the_demo_prints_email_to_the_console_and_production_sends_it_by_smtp():
    code = "from django.conf import settings as s; import django; django.setup(); "
    code += "print(s.EMAIL_BACKEND)"
    env = {"DJANGO_SETTINGS_MODULE": "scrutiny.settings"}
    demo = import_settings(code, SCRUTINY_ENV="demo", **env)
    assert demo.stdout.strip() == "django.core.mail.backends.console.EmailBackend", demo.stderr
    production = import_settings(code, SCRUTINY_ENV="production", SECRET_KEY="x" * 50, **env)
    assert production.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend"
