"""Restore a backup made by ``manage.py backup`` into a fresh database and MEDIA_ROOT.

Make the database and migrate it first (``manage.py migrate``), then
``python manage.py restore /backups/scrutiny-2026-12-07.tar.gz``. It refuses a database that
already holds a council or a user, or a MEDIA_ROOT that already holds files, so nothing is
ever mixed with or written over; the rows load in one transaction, all or none.
"""

from __future__ import annotations

import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from scrutiny.models import Authority, User


class Command(BaseCommand):
    help = "Load a backup (.tar.gz from manage.py backup) into a fresh, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the .tar.gz file manage.py backup wrote")

    def handle(self, *args, path: str, **options):
        if Authority.objects.exists() or User.objects.exists():
            raise CommandError("The database is not fresh: restore only into an empty one.")
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir() and any(media.iterdir()):
            raise CommandError(f"{media} is not empty: restore only into an empty MEDIA_ROOT.")
        with tempfile.TemporaryDirectory() as folder, tarfile.open(path, "r:gz") as archive:
            # The "data" filter refuses absolute paths, "..", links out and device files.
            archive.extractall(folder, filter="data")
            with transaction.atomic():
                call_command("loaddata", str(Path(folder) / "database.json"), verbosity=0)
            saved = Path(folder) / "media"
            if saved.is_dir():
                media.mkdir(parents=True, exist_ok=True)
                for item in saved.rglob("*"):
                    destination = media / item.relative_to(saved)
                    if item.is_dir():
                        destination.mkdir(parents=True, exist_ok=True)
                    else:
                        destination.parent.mkdir(parents=True, exist_ok=True)
                        destination.write_bytes(item.read_bytes())
        self.stdout.write(f"Restored {path} into the database and {media}")
