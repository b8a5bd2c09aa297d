"""A backup restored into a fresh database (another engine, even) reads the same.

The demo is backed up from the test database; a new process migrates an empty SQLite file,
restores the backup into it, and reports what the restored site reads: every model's row
count, the public pages' HTML and the media files. Both sides must agree exactly.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from demo import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/wokingham/", "/wokingham/reports/", "/wokingham/committees/", "/slough/reports/"]
NOT_RESTORED = {"contenttypes.ContentType", "auth.Permission", "sessions.Session"}


def site_reading() -> dict:
    """What the site reads now: row counts, the public pages and the media files."""
    counts = {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.label not in NOT_RESTORED
    }
    client = Client()
    pages = {}
    for url in PAGES:
        html = client.get(url).content.decode()
        pages[url] = hashlib.sha256(re.sub(r'value="[^"]{32,}"', "", html).encode()).hexdigest()
    media = Path(settings.MEDIA_ROOT)
    files = {
        str(p.relative_to(media)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(media.rglob("*"))
        if p.is_file()
    }
    return {"counts": counts, "pages": pages, "files": files}


def test_a_restored_backup_reads_the_same(tmp_path, media_root, catalogue, breakdown_lists):
    # Backed up as any install is: the shipped catalogue (migrations) and then the demo.
    load_demo()
    (media_root / "packs").mkdir(parents=True)
    (media_root / "packs" / "pack.pdf").write_bytes(b"%PDF-1.7 a stored pack")
    Client().get("/wokingham/")  # draws the home page's charts into MEDIA_ROOT
    before = site_reading()
    backup = tmp_path / "backup.tar.gz"
    call_command("backup", str(backup))

    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
        "DJANGO_SETTINGS_MODULE": "tests.settings",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "-v0"], ["restore", str(backup)]):
        subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True, timeout=300)
    script = (
        "import django, json; django.setup(); from tests.test_backup import site_reading; "
        "print(json.dumps(site_reading()))"
    )
    read = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=300,
        capture_output=True,
        text=True,
    )
    after = json.loads(read.stdout.splitlines()[-1])
    assert after["counts"] == before["counts"]
    assert after["files"] == before["files"]
    assert after["pages"] == before["pages"]
    assert before["counts"]["committees.Report"] > 0 and before["files"]


def test_restore_refuses_a_database_that_is_not_fresh(tmp_path):
    load_demo()
    backup = tmp_path / "backup.tar.gz"
    call_command("backup", str(backup))
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not fresh"):
        call_command("restore", str(backup))
