"""Benchmark: import_statistics on 150 councils x 10 years x 40 indicators in the DfE layout.

Run by hand (it builds its own SQLite database under bench/var/, migrated fresh each run):

    .venv/bin/python bench/import_statistics.py

It reports, from one run, the time to check the file alone (a dry run), to load it into an
empty database (creating the 150 councils, 60,000 council figures, England and region
comparators, and the neighbours' averages of 20 councils), and to load it again (every figure
unchanged); goal: the first load within 5 seconds.
"""

from __future__ import annotations

import io
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
for _name in ("SECURE_SSL_REDIRECT", "SECURE_COOKIES"):
    os.environ.setdefault(_name, "false")
DB = ROOT / "bench" / "var" / "import_statistics.sqlite3"
DB.parent.mkdir(parents=True, exist_ok=True)
DB.unlink(missing_ok=True)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DB}")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from bench.measure import load, verdict  # noqa: E402
from scorecards.models import Indicator  # noqa: E402
from scorecards.statistics import REGION_CODES, statistics_import  # noqa: E402
from scrutiny.models import Authority, NeighbourSet, NeighbourSetMember  # noqa: E402

COUNCILS, YEARS, INDICATORS = 150, 10, 40
GOAL_SECONDS = 5.0


def csv_file() -> bytes:
    rng = random.Random(13)
    codes = [f"bench-{n:02d}" for n in range(INDICATORS)]
    out = io.StringIO()
    out.write(
        "time_period,time_identifier,geographic_level,country_code,region_code,"
        "new_la_code,old_la_code,la_name," + ",".join(c.replace("-", "_") for c in codes) + "\n"
    )
    regions = list(REGION_CODES)
    places = [("National", "", "", "", "")]
    places += [("Regional", region, "", "", "") for region in regions]
    places += [
        ("Local authority", regions[n % 9], f"E06{n:06d}", f"{100 + n}", f"Bench council {n}")
        for n in range(COUNCILS)
    ]
    for year in range(2010, 2010 + YEARS):
        period = f"{year}{(year + 1) % 100:02d}"
        for level, region, new, old, name in places:
            cells = [
                rng.choice("cx") if rng.random() < 0.02 else f"{rng.uniform(0, 99):.1f}"
                for _ in codes
            ]
            out.write(
                f"{period},Financial year,{level},E92000001,{region},{new},{old},{name},"
                + ",".join(cells)
                + "\n"
            )
    return out.getvalue().encode()


def main() -> None:
    call_command("migrate", verbosity=0)
    for n in range(INDICATORS):
        Indicator.objects.create(
            code=f"bench-{n:02d}",
            name=f"Bench {n}",
            definition="-",
            area="front-door",
            unit="percent",
            polarity="higher",
        )
    data = csv_file()
    started = time.perf_counter()
    checked = statistics_import(source=data, dry_run=True)
    check_seconds = time.perf_counter() - started
    assert checked.ok, checked.problems[:5]
    # Twenty councils with ten neighbours each, named before the councils exist: the first
    # load creates them, so the neighbour sets are made between a load of the councils alone.
    started = time.perf_counter()
    first = statistics_import(source=data, filename="bench.csv")
    first_seconds = time.perf_counter() - started
    councils = list(Authority.objects.order_by("la_code"))
    for whose in councils[:20]:
        neighbour_set = NeighbourSet.objects.create(authority=whose, start_year=2010)
        others = [c for c in councils if c != whose][:10]
        NeighbourSetMember.objects.bulk_create(
            NeighbourSetMember(neighbour_set=neighbour_set, neighbour=c, rank=r)
            for r, c in enumerate(others, start=1)
        )
    started = time.perf_counter()
    second = statistics_import(source=data, filename="bench.csv")
    second_seconds = time.perf_counter() - started
    print(f"file: {len(data) / 1e6:.1f} MB, {checked.rows} rows; machine: {load()}")
    print(f"check only: {check_seconds:.2f} s")
    print(
        f"first load: {first_seconds:.2f} s ({first.created} figures, "
        f"{len(first.councils_created)} councils); goal {GOAL_SECONDS} s: "
        f"{verdict(first_seconds, GOAL_SECONDS)} (ratio {first_seconds / GOAL_SECONDS:.2f})"
    )
    print(
        f"second load with 20 neighbour sets: {second_seconds:.2f} s ({second.unchanged} "
        f"unchanged, {second.created} neighbour averages created); "
        f"ratio to first {second_seconds / first_seconds:.2f}"
    )


if __name__ == "__main__":
    main()
