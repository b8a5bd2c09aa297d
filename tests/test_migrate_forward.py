"""The demo databases of earlier releases migrate forward and read the same.

``tests/data/demo_db_<commit>.*`` is the demo as a release built it: the database as SQL,
every table's row count and the status of every page a crawl reached as the public and as
the officer (``scripts/demo_db_snapshot.py``). ``e3a6d02`` is the release before the layout
change began; ``f593715`` the one before quarterly returns and quality assurance moved out
of ``scrutiny`` into apps of their own. Each release's snapshot is checked.
Today's migrations run over a copy, in a subprocess with its own SQLite file, whichever
database this test run uses; nothing may be lost and every page must answer as it did.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RELEASES = sorted(p.with_suffix("") for p in (ROOT / "tests/data").glob("demo_db_*.json"))
_spec = importlib.util.spec_from_file_location(
    "demo_db_snapshot", ROOT / "scripts/demo_db_snapshot.py"
)
snapshot = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snapshot)


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.name)
def test_a_release_demo_database_migrates_forward_and_reads_the_same(release):
    run = subprocess.run(
        [
            sys.executable,
            "-W",
            "ignore",
            str(ROOT / "scripts/demo_db_snapshot.py"),
            "check",
            str(release),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert json.loads(run.stdout) == {}
    # The record covers the whole house, not a corner of it.
    recorded = json.loads(Path(f"{release}.json").read_text())
    assert len(recorded["counts"]) > 60 and len(recorded["statuses"]["officer"]) > 500


def test_a_lost_row_or_a_changed_page_is_reported():
    expected = {
        "counts": {"scrutiny_report": 12, "workforce_role": 5},
        "statuses": {"public": {"/": 200, "/media/charts/x.svg": 200}, "officer": {"/a/": 200}},
    }
    counts = {"scrutiny_report": 11, "workforce_role": 5}
    statuses = {"public": {"/": 500, "/media/charts/x.svg": 404}, "officer": {"/a/": 200}}
    assert snapshot.compare(expected, counts, statuses) == {
        "counts": {"scrutiny_report": {"was": 12, "now": 11}},
        "public": {"/": {"was": 200, "now": 500}},
    }


def test_every_kept_release_is_checked():
    """An empty or misnamed data folder would leave the check above with nothing to run."""
    assert [p.name for p in RELEASES] == ["demo_db_e3a6d02", "demo_db_f593715"]
