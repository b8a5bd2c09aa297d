"""Run the attack suite over a throwaway copy of the demo and print what it tried.

``python manage.py security_report`` makes a test database (never the site's own), loads
the demo into it, runs every area of ``demo.security`` (``run.run_all``: the same code
tests/security/test_attack_suite.py runs) and prints, per area, how many attempts were
made, how many were refused and how many failed. It exits non-zero on any failure.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import setup_databases, setup_test_environment, teardown_databases


class Command(BaseCommand):
    help = "Run the attack suite over a throwaway demo database and print its counts."

    def handle(self, *args, **options):
        from demo import load_demo
        from demo.security.run import run_all

        setup_test_environment()
        databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        try:
            load_demo()
            tallies = run_all()
        finally:
            teardown_databases(databases, verbosity=0)
        self.stdout.write(f"{'area':<26} {'tried':>7} {'refused':>8} {'failed':>7}")
        for tally in tallies:
            self.stdout.write(
                f"{tally.area:<26} {tally.tried:>7} {tally.refused:>8} {len(tally.failures):>7}"
            )
        failures = [f"{t.area}: {failure}" for t in tallies for failure in t.failures]
        for failure in failures:
            self.stderr.write(failure)
        if failures:
            raise CommandError(f"{len(failures)} attempt(s) were not refused as they should be.")
