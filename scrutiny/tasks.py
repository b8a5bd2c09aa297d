"""Scheduled jobs of the framework (settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from scrutiny.reminders import send_work_reminders as send_reminders


@shared_task(name="scrutiny.tasks.send_work_reminders")
def send_work_reminders() -> int:
    """The daily reminder of each person's work (``manage.py send_work_reminders``)."""
    return send_reminders()
