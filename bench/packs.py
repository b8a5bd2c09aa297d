"""Benchmark: building a 100-page and a 300-page agenda pack from generated data.

Run by hand (it builds its own database on first use):

    .venv/bin/python -W ignore bench/packs.py            # SQLite file under bench/var/
    scripts/services.sh run -- .venv/bin/python -W ignore bench/packs.py   # PostgreSQL

It reports, from one run:
- our job (``pack_request`` with tasks run in-process: the pack's HTML from the database,
  its hash, the claim, the layout with progress and the page-range check, the PDF/UA file
  written under its hash) against bare WeasyPrint writing the same HTML to the same PDF
  variant: time and peak memory, goal <= 1.10 each;
- 300-page against 100-page pack: time (goal <= 3.1) and peak memory (goal <= 3.0);
- pages per second;
- asking again for an unchanged pack (the stored file returned) against building it
  (goal: >= 50x faster).

Each build runs in a fresh Python process, started the same way for ours and for bare
WeasyPrint (Django set up, nothing laid out yet). Peak memory is that process's
``ru_maxrss``: the whole process, C allocations (Pango, HarfBuzz, the PDF writer) included,
which tracemalloc cannot see, and what a worker's memory ceiling is measured against. It
includes the interpreter and Django, so the baseline before the build is printed too.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / 'var' / 'packs.sqlite3'}")
os.environ.pop("CELERY_BROKER_URL", None)  # the task runs in this process
(ROOT / "bench" / "var").mkdir(parents=True, exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from scrutiny.models import (  # noqa: E402
    AgendaItem,
    Authority,
    Committee,
    Meeting,
    RenderJob,
    Report,
    ReportSection,
)

Kind = RenderJob.Kind
# Reports per pack: each is a cover sheet, narrative and a team table, about ten pages.
SIZES = {100: 10, 300: 30}
SLUG = "bench-packs"
SENTENCE = "The service kept caseloads low and reviewed every plan within the quarter. "


def _body(number: int) -> str:
    paragraphs = "".join(f"<p>{SENTENCE * 8}</p>" for _ in range(40))
    rows = "".join(
        f"<tr><td>Team {number}.{n}</td><td>{n * 3}</td><td>{n % 7}</td></tr>" for n in range(40)
    )
    table = (
        "<table><thead><tr><th>Team</th><th>Cases</th><th>Complaints</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    return paragraphs + table


def build() -> dict[int, int]:
    """The two meetings (by pages wanted), made once; a second run reuses them."""
    call_command("migrate", verbosity=0)
    committee = Committee.objects.filter(authority__slug=SLUG).first()
    if committee is not None and committee.meetings.count() == len(SIZES):
        meetings = committee.meetings.order_by("date")
        return dict(zip(SIZES, (m.pk for m in meetings), strict=True))
    with transaction.atomic():
        Authority.objects.filter(slug=SLUG).delete()
        authority = Authority.objects.create(
            name="Bench Borough Council", short_name="Bench", slug=SLUG, chief_executive="A Chief"
        )
        committee = Committee.objects.create(
            authority=authority, name="Children's Services Scrutiny Committee", slug="children"
        )
        ids = {}
        for month, (pages, reports) in enumerate(SIZES.items(), start=1):
            meeting = Meeting.objects.create(
                committee=committee, date=f"2024-{month:02d}-15", venue="Civic Offices"
            )
            for number in range(1, reports + 1):
                report = Report.objects.create(
                    authority=authority,
                    committee=committee,
                    title=f"Quarterly review {number}",
                    summary="How the service did.",
                    status=Report.Status.PUBLISHED,
                    published_at=timezone.now(),
                )
                ReportSection.objects.create(
                    report=report, order=1, heading="Findings", body=_body(number)
                )
                AgendaItem.objects.create(
                    meeting=meeting, number=number, title=report.title, report=report
                )
            ids[pages] = meeting.pk
    return ids


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(what: str, meeting_id: int, html_path: str) -> dict:
    """One build in this (fresh) process; what the parent prints."""
    baseline = _rss_mib()
    if what == "bare":
        from weasyprint import HTML

        html = Path(html_path).read_text()
        started = time.perf_counter()
        document = HTML(string=html, base_url="http://127.0.0.1:8000/").render()
        pdf = document.write_pdf(pdf_variant="pdf/ua-1")
        seconds = time.perf_counter() - started
        return {"seconds": seconds, "rss": _rss_mib(), "baseline": baseline, "bytes": len(pdf)}

    from scrutiny.packs.services import pack_request

    meeting = Meeting.objects.get(pk=meeting_id)
    RenderJob.objects.filter(meeting=meeting).delete()
    started = time.perf_counter()
    job = pack_request(meeting=meeting, kind=Kind.PUBLIC_PACK)
    seconds = time.perf_counter() - started
    peak = _rss_mib()
    job.refresh_from_db()
    assert job.state == RenderJob.State.DONE, job.error
    again = []
    for _ in range(5):
        started = time.perf_counter()
        same = pack_request(meeting=meeting, kind=Kind.PUBLIC_PACK)
        again.append(time.perf_counter() - started)
        assert same.pk == job.pk
    return {
        "seconds": seconds,
        "rss": peak,
        "baseline": baseline,
        "bytes": job.size,
        "pages": job.pages_total,
        "unchanged": statistics.median(again),
    }


def run_child(what: str, meeting_id: int, html_path: Path) -> dict:
    with tempfile.TemporaryDirectory() as media:
        env = {**os.environ, "MEDIA_ROOT": media}
        out = subprocess.run(
            [sys.executable, "-W", "ignore", __file__, "--measure", what, str(meeting_id)]
            + [str(html_path)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return json.loads(out.strip().splitlines()[-1])


def verdict(value: float, goal: float, at_most: bool = True) -> str:
    met = value <= goal if at_most else value >= goal
    return "met" if met else f"MISSED by {abs(value - goal) / goal:.0%}"


def main() -> None:
    from scrutiny.packs.documents import pack_source

    meetings = build()
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for pages, meeting_id in meetings.items():
            html = pack_source(Meeting.objects.get(pk=meeting_id), Kind.PUBLIC_PACK).html()
            html_path = Path(scratch) / f"{pages}.html"
            html_path.write_text(html)
            # Bare first, then ours, so a warm disk cache favours neither more than once.
            bare = run_child("bare", meeting_id, html_path)
            ours = run_child("ours", meeting_id, html_path)
            results[pages] = (ours, bare)

    for size, (ours, bare) in results.items():
        time_ratio = ours["seconds"] / bare["seconds"]
        rss_ratio = ours["rss"] / bare["rss"]
        print(f"{ours['pages']}-page pack ({size} wanted), {ours['bytes'] / 1e6:.1f} MB:")
        print(
            f"  ours {ours['seconds']:.1f} s, peak {ours['rss']:.0f} MiB "
            f"(baseline {ours['baseline']:.0f}); bare WeasyPrint {bare['seconds']:.1f} s, "
            f"peak {bare['rss']:.0f} MiB (baseline {bare['baseline']:.0f})"
        )
        print(f"  time ours/bare {time_ratio:.2f} (goal <= 1.10: {verdict(time_ratio, 1.10)})")
        print(f"  memory ours/bare {rss_ratio:.2f} (goal <= 1.10: {verdict(rss_ratio, 1.10)})")
        print(f"  {ours['pages'] / ours['seconds']:.1f} pages per second")
        faster = ours["seconds"] / ours["unchanged"]
        print(
            f"  unchanged pack returned in {ours['unchanged'] * 1000:.0f} ms, {faster:.0f}x "
            f"faster than building it (goal >= 50x: {verdict(faster, 50, at_most=False)})"
        )
    small, large = results[100][0], results[300][0]
    time_ratio = large["seconds"] / small["seconds"]
    rss_ratio = large["rss"] / small["rss"]
    grown = (large["rss"] - large["baseline"]) / (small["rss"] - small["baseline"])
    print(f"300/100: time {time_ratio:.2f} (goal <= 3.1: {verdict(time_ratio, 3.1)})")
    print(
        f"300/100: peak memory {rss_ratio:.2f} (goal <= 3.0: {verdict(rss_ratio, 3.0)}); "
        f"above the baseline {grown:.2f}"
    )
    print(f"database: {connection.vendor}")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--measure":
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]), sys.argv[4])))
    else:
        main()
