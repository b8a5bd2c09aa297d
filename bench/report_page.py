"""Benchmark: the published report page under load, served by gunicorn with 2 workers.

Run by hand (it builds its own database from the demo, under bench/var/):

    .venv/bin/python bench/report_page.py                 # SQLite file
    scripts/services.sh run -- .venv/bin/python bench/report_page.py   # PostgreSQL

It serves the demo's largest published report (Wokingham's annual review: 30-odd sections,
frozen data blocks, a chart) twice, each time from gunicorn with 2 sync workers:

- the real page, read from the database on every request;
- the same template and middleware with the page's context built once per worker and kept
  in memory (bench/report_page_inmemory.py), so the ratio is the cost of reading the report;

and drives each with the same load generator on loopback (threads with keep-alive HTTP/1.1
connections, as many as the workers plus two). Both servers run side by side and the load
takes turns between them in short rounds (BENCH_ROUNDS, 6 by default, A B B A ...), so a
shared machine's drift weighs on both alike. It reports requests per second and latencies,
and the ratio in-memory / database (goal <= 1.5), with its spread round by round.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "bench" / "var"
VAR.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{VAR / 'report_page.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
# Served over plain HTTP on loopback: production's HTTPS defaults are off for the bench.
for _name in ("SECURE_SSL_REDIRECT", "SECURE_COOKIES"):
    os.environ.setdefault(_name, "false")
os.environ.setdefault("MEDIA_ROOT", str(VAR / "media"))
sys.path.insert(0, str(ROOT))

WORKERS = 2
CLIENTS = WORKERS + 2
SECONDS = float(os.environ.get("BENCH_SECONDS", "15"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "6"))
WARMUP = 2.0


def build() -> str:
    """Migrate and load the demo; the path of the largest published report."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import Count

    from committees.models import Report
    from demo import load_demo

    call_command("migrate", verbosity=0)
    load_demo()
    report = (
        Report.objects.filter(status="published", is_exempt=False)
        .annotate(n=Count("sections"))
        .order_by("-n")
        .first()
    )
    return report.get_absolute_url()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app: str, env: dict) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            app,
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--chdir",
            str(ROOT),
        ],
        env=env,
    )
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"gunicorn for {app} did not start")


def load(port: int, path: str, seconds: float) -> tuple[int, list[float]]:
    """Requests completed and their latencies, from CLIENTS keep-alive connections."""
    stop = time.perf_counter() + seconds
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.perf_counter() < stop:
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            if response.status != 200 or b"</html>" not in body:
                errors.append(f"{response.status}")
                break
            mine.append(time.perf_counter() - started)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError(f"bad responses: {errors[:5]}")
    return len(latencies), latencies


@contextlib.contextmanager
def served(app: str, path: str):
    """The app under gunicorn, warmed up (every worker has read the page), and its port."""
    env = {**os.environ, "BENCH_REPORT_PATH": path, "DEBUG": "false"}
    process, port = serve(app, env)
    try:
        load(port, path, WARMUP)
        yield port
    finally:
        process.terminate()
        process.wait(10)


def summary(count: int, latencies: list[float]) -> dict:
    latencies.sort()
    return {
        "rps": count / SECONDS,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "requests": count,
    }


def main() -> None:
    path = build()
    from django.db import connection

    print(f"Database: {connection.vendor}; page: {path}")
    print(
        f"gunicorn {WORKERS} workers, {CLIENTS} keep-alive clients, {SECONDS:.0f} s each, "
        f"in {ROUNDS} alternating rounds\n"
    )
    apps = {
        "from the database": "scrutiny.wsgi:application",
        "context in memory": "bench.report_page_inmemory:application",
    }
    counts = dict.fromkeys(apps, 0)
    latencies: dict[str, list[float]] = {name: [] for name in apps}
    round_ratios = []
    with contextlib.ExitStack() as stack:
        ports = {name: stack.enter_context(served(app, path)) for name, app in apps.items()}
        for number in range(ROUNDS):
            # Both servers stay up; the load takes turns, A B B A ..., so a machine that
            # slows down or speeds up during the run weighs on both sides alike.
            names = list(apps) if number % 2 == 0 else list(reversed(apps))
            done = {}
            for name in names:
                done[name], taken = load(ports[name], path, SECONDS / ROUNDS)
                counts[name] += done[name]
                latencies[name].extend(taken)
            round_ratios.append(done["context in memory"] / done["from the database"])
    real = summary(counts["from the database"], latencies["from the database"])
    memory = summary(counts["context in memory"], latencies["context in memory"])
    for name, result in (("from the database", real), ("context in memory", memory)):
        print(
            f"{name:<20} {result['rps']:7.1f} req/s   p50 {result['p50']:6.1f} ms   "
            f"p95 {result['p95']:6.1f} ms   ({result['requests']} requests)"
        )
    ratio = memory["rps"] / real["rps"]
    verdict = "meets" if ratio <= 1.5 else "misses"
    print(f"\nratio in-memory / database: {ratio:.2f} ({verdict} the goal of <= 1.5)")
    print(
        f"ratio round by round: {min(round_ratios):.2f} to {max(round_ratios):.2f} "
        f"(median {statistics.median(round_ratios):.2f})"
    )


if __name__ == "__main__":
    main()
