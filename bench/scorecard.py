"""Benchmark: a council's scorecard page over 150 councils x 40 quarters x 60 indicators.

Run by hand (it builds its own database, a few minutes on SQLite):

    .venv/bin/python bench/scorecard.py            # SQLite file under bench/var/
    DATABASE_URL=postgres://... .venv/bin/python bench/scorecard.py

It reports, from one run:
- the scorecard page served from the database against the same page with the scorecard
  already in memory (the selector's answer captured once and handed back), so the ratio is
  the cost of reading the figures; goal <= 1.5;
- drawing an indicator's 40-quarter chart cold against fetching it from the chart cache.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
# Served over plain HTTP on loopback: production's HTTPS defaults are off for the bench.
for _name in ("SECURE_SSL_REDIRECT", "SECURE_COOKIES"):
    os.environ.setdefault(_name, "false")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / 'var' / 'scorecard.sqlite3'}")
(ROOT / "bench" / "var").mkdir(parents=True, exist_ok=True)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from scorecards import selectors  # noqa: E402
from scorecards.models import Indicator, IndicatorValue, Target  # noqa: E402
from scrutiny.charts import cached_chart, indicator_chart  # noqa: E402
from scrutiny.models import Authority, Period, Region, User  # noqa: E402

COUNCILS, QUARTERS, INDICATORS = 150, 40, 60
REQUESTS = 10
ROUNDS = 5


def build() -> None:
    """Fill the database once; a second run reuses it."""
    call_command("migrate", verbosity=0)
    if IndicatorValue.objects.count() == COUNCILS * QUARTERS * INDICATORS:
        return
    started = time.perf_counter()
    with transaction.atomic():
        IndicatorValue.objects.all().delete()
        Target.objects.all().delete()
        Indicator.objects.all().delete()
        Authority.objects.filter(slug__startswith="bench-").delete()
        regions = list(Region.values)
        councils = Authority.objects.bulk_create(
            Authority(
                name=f"Bench Council {n}",
                short_name=f"Bench {n}",
                slug=f"bench-{n}",
                region=regions[n % len(regions)],
            )
            for n in range(COUNCILS)
        )
        areas, units = list(Indicator.Area.values), ["percent", "count", "average"]
        indicators = Indicator.objects.bulk_create(
            Indicator(
                code=f"bench-{n}",
                name=f"Indicator {n}",
                definition="Generated.",
                area=areas[n % len(areas)],
                unit=units[n % 3],
                polarity=["higher", "lower"][n % 2],
                order=n,
            )
            for n in range(INDICATORS)
        )
        quarters = [Period.quarter(2010 + q // 4, q % 4 + 1) for q in range(QUARTERS)]
        for council in councils:
            IndicatorValue.objects.bulk_create(
                (
                    IndicatorValue(
                        indicator=indicator,
                        authority=council,
                        period=quarter,
                        numerator=Decimal(10 + (c + i + q) % 50),
                        denominator=Decimal(60 + (c * i + q) % 40),
                    )
                    for c in [council.pk]
                    for i, indicator in enumerate(indicators)
                    for q, quarter in enumerate(quarters)
                ),
                batch_size=2000,
            )
        year = Period.year(2019)
        Target.objects.bulk_create(
            Target(indicator=i, authority=councils[0], period=year, value=50, tolerance=5)
            for i in indicators
        )
    # Fresh statistics, as a production database's autovacuum would have them.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"built {IndicatorValue.objects.count():,} figures in {time.perf_counter() - started:.0f} s"
    )


def timed(client: Client, url: str) -> list[float]:
    client.get(url)  # warm caches and the template loader
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return times


def main() -> None:
    build()
    council = Authority.objects.get(slug="bench-0")
    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"role": "admin", "is_superuser": True}
    )
    client = Client()
    client.force_login(admin)
    url = f"/{council.slug}/scorecards/"

    # Count with a wrapper: outside the test runner every request resets the query log.
    queries = []
    with connection.execute_wrapper(lambda run, sql, *args: queries.append(sql) or run(sql, *args)):
        client.get(url)
    captured = selectors.council_scorecard(council, None, threshold=None)
    in_memory_page = mock.patch.object(selectors, "council_scorecard", return_value=captured)
    # Alternate the two so that whatever else the machine is doing falls on both alike.
    from_db, in_memory = [], []
    for _ in range(ROUNDS):
        from_db += timed(client, url)
        with in_memory_page:
            in_memory += timed(client, url)

    db_ms, mem_ms = statistics.median(from_db) * 1000, statistics.median(in_memory) * 1000
    rows = len(captured.rows)
    print(f"scorecard page, {rows} indicators, {len(queries)} queries")
    print(f"  from the database: median {db_ms:.1f} ms over {REQUESTS * ROUNDS} requests")
    print(f"  same page, scorecard in memory: median {mem_ms:.1f} ms")
    print(f"  ratio {db_ms / mem_ms:.2f} (goal <= 1.5)")

    indicator = Indicator.objects.get(code="bench-0")
    values = list(selectors.indicator_series(indicator, council))
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        spec = indicator_chart(indicator, values, council=council.short_name)
        started = time.perf_counter()
        cached_chart(spec, "svg")
        cold = time.perf_counter() - started
        started = time.perf_counter()
        for _ in range(100):
            cached_chart(spec, "svg")
        warm = (time.perf_counter() - started) / 100
    print(
        f"indicator chart, {len(values)} quarters: cold {cold * 1000:.1f} ms, "
        f"cached {warm * 1000:.2f} ms, {cold / warm:.0f}x faster cached"
    )
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")


if __name__ == "__main__":
    main()
