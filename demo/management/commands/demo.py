"""``python manage.py demo``: load the four councils of the seed papers and the demo sign-ins."""

from django.core.management.base import BaseCommand

from demo import load_demo
from demo.accounts import ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    """Loads (or reloads) the demonstration data from ``fixtures/``."""

    help = (
        "Load the demo councils (Wokingham, Wiltshire, Slough, Lincolnshire) from fixtures/ and "
        "create the demo accounts. Safe to run again: it resets the demo councils' figures."
    )

    def handle(self, *args, **options):
        counts = load_demo()
        width = max(len(name) for name in counts)
        self.stdout.write(self.style.SUCCESS("Demo data loaded:"))
        for name, count in counts.items():
            self.stdout.write(f"  {name.capitalize():<{width}}  {count:>5}")
        usernames = ", ".join(username for username, *_ in ACCOUNTS)
        self.stdout.write(f"Sign in as {usernames} (password: {DEMO_PASSWORD}).")
