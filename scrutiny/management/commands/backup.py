"""Back up the whole site into one file: every table's rows and every file under MEDIA_ROOT.

``python manage.py backup /backups/scrutiny-2026-12-07.tar.gz`` writes a gzipped tar holding
``database.json`` (``dumpdata`` of every app, with natural keys, so it loads into any
database engine) and ``media/`` (charts, packs and other files). ``manage.py restore`` reads
it into a fresh database. Run it while nobody is saving, or from a database snapshot.
"""

from __future__ import annotations

import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

# Rebuilt by migrate, or of no use in another database: sessions end with the backup.
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]


class Command(BaseCommand):
    help = "Write the database and MEDIA_ROOT to one .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the .tar.gz file to write")

    def handle(self, *args, path: str, **options):
        target = Path(path)
        with tempfile.TemporaryDirectory() as folder:
            dump = Path(folder) / "database.json"
            call_command(
                "dumpdata",
                natural_foreign=True,
                natural_primary=True,
                exclude=EXCLUDED,
                output=str(dump),
                verbosity=0,
            )
            with tarfile.open(target, "w:gz") as archive:
                archive.add(dump, arcname="database.json")
                media = Path(settings.MEDIA_ROOT)
                if media.is_dir():
                    archive.add(media, arcname="media")
        self.stdout.write(f"Backed up the database and {settings.MEDIA_ROOT} to {target}")
