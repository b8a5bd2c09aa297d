"""``python manage.py import_statistics FILE.csv``: published statistics in the DfE layout."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scorecards.statistics import MAX_BYTES, PUBLICATIONS, statistics_import


class Command(BaseCommand):
    """Imports a statistics CSV: every figure, or none if any cell has a problem."""

    help = (
        "Import published statistics from a CSV file in the Department for Education's tidy "
        "open-data layout (time_period, time_identifier, geographic_level, country_code, "
        "region_code, new_la_code, la_name, breakdowns, one column per indicator). Every cell "
        "is checked first; if any has a problem, nothing is imported and every problem is "
        "listed. Importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--publication",
            choices=sorted(PUBLICATIONS),
            help="The publication whose declared column mapping applies.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file without importing it."
        )

    def handle(self, *args, path: Path, publication: str | None, dry_run: bool, **options):
        try:
            with path.open("rb") as file:
                data = file.read(MAX_BYTES + 1)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        result = statistics_import(
            source=data, filename=path.name, publication=publication, dry_run=dry_run
        )
        if not result.ok:
            raise result.refusal(self.stderr.write, path)
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"{result.rows} rows checked: no problems."))
            return
        self.stdout.write(self.style.SUCCESS(result.summary))
