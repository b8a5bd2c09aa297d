"""A release's demo database, kept so later code can prove it migrates forward without loss.

    # with the release checked out (its code, this machine's .venv):
    python scripts/demo_db_snapshot.py make tests/data/demo_db_<commit>
    # with today's code, on a copy of that database:
    python scripts/demo_db_snapshot.py check tests/data/demo_db_<commit>

``make`` builds the demo in a fresh SQLite database, then writes ``<name>.sql.gz`` (the
database as SQL) and ``<name>.json``: every table's row count, and the status of every page
a crawl reached as the public and as the demo officer.

``check`` loads the SQL into a new database, runs today's migrations over it, and prints as
JSON what differs: a table gone or with another row count, a page that answers otherwise.
An empty ``{}`` means the old database reads the same. ``tests/test_migrate_forward.py``
runs it in a subprocess, so the database it checks is never the test run's own.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Tables whose rows migrations add to by design (and the sessions of the crawl's sign-ins).
GROWING = {"django_migrations", "django_content_type", "auth_permission", "django_session"}
READERS = ("public", "officer")


def _kept(url: str) -> bool:
    """Chart files are drawn into MEDIA_ROOT by the pages that show them and named by their
    content, not read from the database: they are not part of what must read the same."""
    return "/charts/" not in url


def _manage(db: Path, *args: str) -> None:
    env = os.environ | {"DATABASE_URL": f"sqlite:///{db}", "CELERY_BROKER_URL": ""}
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], check=True, env=env)


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for table in sorted(tables)
            if table not in GROWING
        }


def _statuses(db: Path, media: str, urls: dict | None = None) -> dict[str, dict[str, int]]:
    """Each page's status as each reader, in this process, against ``db``: every page a
    crawl from the home page reaches or, given ``urls`` by reader, exactly those."""
    os.environ.update(
        DATABASE_URL=f"sqlite:///{db}",
        MEDIA_ROOT=media,
        CELERY_BROKER_URL="",
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",  # the crawl speaks plain HTTP
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    from tests.crawl import crawl, fetch

    setup_test_environment()
    found = {}
    for reader in READERS:
        client = Client()
        if reader != "public":
            client.force_login(get_user_model().objects.get(username=reader))
        if urls is None:
            pages = crawl(client, ["/"], per_path=2).pages
            found[reader] = {url: page.status for url, page in sorted(pages.items()) if _kept(url)}
        else:
            found[reader] = {url: fetch(client, url).status for url in urls[reader] if _kept(url)}
    return found


def make(name: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite3"
        _manage(db, "migrate", "--no-input", "-v0")
        _manage(db, "demo")
        with sqlite3.connect(db) as connection, gzip.open(f"{name}.sql.gz", "wt") as out:
            for line in connection.iterdump():
                out.write(f"{line}\n")
        counts = _counts(db)
        statuses = _statuses(db, str(Path(tmp) / "media"))
    Path(f"{name}.json").write_text(
        json.dumps({"counts": counts, "statuses": statuses}, indent=1, sort_keys=True) + "\n"
    )


def check(name: Path) -> dict:
    expected = json.loads(Path(f"{name}.json").read_text())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "old.sqlite3"
        with sqlite3.connect(db) as connection, gzip.open(f"{name}.sql.gz", "rt") as dump:
            connection.executescript(dump.read())
        _manage(db, "migrate", "--no-input", "-v0")
        counts = _counts(db)
        statuses = _statuses(db, str(Path(tmp) / "media"), urls=expected["statuses"])
    return compare(expected, counts, statuses)


# Tables a data migration ships rows into (the national indicator catalogue): they may grow
# over a release's database, never shrink.
SHIPPED = frozenset({"scorecards_indicator"})
# Tables a migration replaced, each row carried to one row of the new table: a person's
# attachment to a council became their role there (scrutiny 0013).
MOVED = {"scrutiny_user_authorities": "scrutiny_councilrole"}


def compare(expected: dict, counts: dict[str, int], statuses: dict[str, dict]) -> dict:
    """What differs from the release's record: row counts by table, statuses by page."""
    problems: dict = {}
    for table, rows in expected["counts"].items():
        now = counts.get(MOVED.get(table, table))
        if table in SHIPPED and now is not None and now >= rows:
            continue
        if now != rows:
            problems.setdefault("counts", {})[table] = {"was": rows, "now": now}
    for reader, pages in expected["statuses"].items():
        for url, status in pages.items():
            if _kept(url) and statuses[reader][url] != status:
                problems.setdefault(reader, {})[url] = {"was": status, "now": statuses[reader][url]}
    return problems


if __name__ == "__main__":
    action, target = sys.argv[1], Path(sys.argv[2])
    if action == "make":
        make(target)
    elif action == "check":
        print(json.dumps(check(target), indent=1, sort_keys=True))
    else:
        raise SystemExit(f"usage: {sys.argv[0]} make|check NAME")
