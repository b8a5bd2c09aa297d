"""``python manage.py import_comparators PATH``: England, region and neighbour figures from CSV."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scorecards.importers import COLUMNS, MAX_BYTES, comparators_import


class Command(BaseCommand):
    """Imports a comparator CSV: every row, or none if any row has a problem."""

    help = (
        f"Import comparator values from a CSV file with the columns {', '.join(COLUMNS)}. "
        "Every row is checked first; if any has a problem, nothing is imported and every "
        "problem is listed. Importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file without importing it."
        )

    def handle(self, *args, path: Path, dry_run: bool, **options):
        try:
            with path.open("rb") as file:
                data = file.read(MAX_BYTES + 1)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        result = comparators_import(source=data, dry_run=dry_run)
        if not result.ok:
            raise result.refusal(self.stderr.write, path)
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"{result.rows} rows checked: no problems."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.rows} rows imported: {result.created} created, "
                f"{result.updated} updated, {result.unchanged} unchanged."
            )
        )
