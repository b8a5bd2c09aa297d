"""Email each person their work list: what is due, overdue or awaiting them (nothing to
those with nothing to do). Celery beat runs it daily (scrutiny.tasks); run it by hand to
see it in the demo, where the email goes to the console."""

from django.core.management.base import BaseCommand

from scrutiny.reminders import send_work_reminders


class Command(BaseCommand):
    help = "Email each person one reminder of the work due and overdue for them."

    def handle(self, *args, **options):
        sent = send_work_reminders()
        self.stdout.write(f"Sent {sent} work reminder{'s' if sent != 1 else ''}.")
