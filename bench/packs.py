"""Benchmark: building a 100-page and a 300-page agenda pack from generated data.

Run by hand on an otherwise idle machine (it builds its own database on first use):

    .venv/bin/python -W ignore bench/packs.py            # SQLite file under bench/var/
    scripts/services.sh run -- .venv/bin/python -W ignore bench/packs.py   # PostgreSQL
    .venv/bin/python -W ignore bench/packs.py --runs 5   # more repetitions (default 3)
    .venv/bin/python -W ignore bench/packs.py --stages   # where our memory goes, by stage

It reports, from one run:
- our job (``pack_request`` with the task run in-process, as ``make demo`` does: the pack's
  HTML from the database and its hash, the job created and claimed, the HTML built again by
  the task, the layout with progress written to the job, the page-range check, the PDF/UA-1
  file written under its hash) against bare WeasyPrint laying out the same HTML and writing
  it to a file as PDF/UA-1: time and peak memory, goal <= 1.10 each;
- 300-page against 100-page pack: time (goal <= 3.1) and peak memory (goal <= 3.0);
- pages per second;
- asking again for an unchanged pack (the stored file returned) against building it
  (goal: >= 50x faster);
- the load average before and after, since two cores are shared.

The generated meetings have 10 and 30 reports of the same length (prose and a 40-row team
table each), so every agenda item fills 10 pages with the blank page that makes the next
one start on an odd page: 102 and 304 pages with the letter and agenda.

Fairness. Every build runs in a fresh Python process, started the same way for ours and
for bare WeasyPrint: Django set up, then the same warm-up (a two-page document with the
pack's print styles laid out and written, so fonts, Pango and the PDF writer are loaded;
ours also builds the pack's HTML once, so templates are compiled and the database
connection open, as in a worker that has built before), and only then the clock starts.
Both load files through the same ``ProjectFileFetcher`` (the pack's styles are inline; the
generated reports have no images) against the same base URL, so they see the same fonts
and static files. The HTML is the same: the parent writes the pack's HTML to a file for
bare WeasyPrint and checks that our job's input hash, which is a hash of its HTML, matches
the one it computed. Builds alternate bare, ours, bare, ours...; each figure is the median
of ``--runs`` builds, with the spread (min-max) printed beside it.

Bare WeasyPrint is the library as installed, with Python's default garbage-collector
thresholds. Ours also keeps pydyf's tuple of page references
(``packs/page_references.py``), which stock pydyf rebuilds for every tagged box,
and runs the cyclic collector less often while it makes a document
(``render.RENDER_GC_THRESHOLD``): so ours can be faster than bare, and the 300/100 lines
show both.

Memory. Peak memory is the build process's ``ru_maxrss`` (peak resident set size, KiB on
Linux, printed in MiB): the whole process, C allocations (Pango, HarfBuzz, fontTools, the
PDF writer) included, which tracemalloc cannot see, and what a worker's
``worker_max_memory_per_child`` ceiling is checked against. It includes the interpreter,
Django and the warm-up, the same in both (printed as "before"), so the ratio of peaks is
also given for the growth above that (peak minus the resident size before the build).
Resident size depends on the machine's memory pressure: a busy machine can lower it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
# Served over plain HTTP on loopback: production's HTTPS defaults are off for the bench.
for _name in ("SECURE_SSL_REDIRECT", "SECURE_COOKIES"):
    os.environ.setdefault(_name, "false")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / 'var' / 'packs.sqlite3'}")
os.environ.pop("CELERY_BROKER_URL", None)  # the task runs in this process
(ROOT / "bench" / "var").mkdir(parents=True, exist_ok=True)

import django  # noqa: E402
from measure import load, median, now_mib, peak_mib, run_child, spread, verdict  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from committees.models import AgendaItem, Committee, Meeting, Report, ReportSection  # noqa: E402
from packs.models import RenderJob  # noqa: E402
from scrutiny.models import Authority  # noqa: E402

Kind = RenderJob.Kind
# Pages wanted: reports in the meeting. Each report fills 10 pages (see the docstring).
SIZES = {100: 10, 300: 30}
SLUG = "bench-packs"
SENTENCE = "The service kept caseloads low and reviewed every plan within the quarter. "
PARAGRAPHS = 52
ROWS = 40


def _body(number: int) -> str:
    paragraphs = "".join(f"<p>{SENTENCE * 8}</p>" for _ in range(PARAGRAPHS))
    rows = "".join(
        f"<tr><td>Team {number}.{n}</td><td>{n * 3}</td><td>{n % 7}</td></tr>" for n in range(ROWS)
    )
    table = (
        "<table><thead><tr><th>Team</th><th>Cases</th><th>Complaints</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    return paragraphs + table


def _current(committee: Committee | None) -> bool:
    """Whether the stored meetings are the ones this generator makes (else rebuild)."""
    if committee is None:
        return False
    meetings = list(committee.meetings.order_by("date"))
    if [m.items.count() for m in meetings] != list(SIZES.values()):
        return False
    section = ReportSection.objects.filter(report__authority__slug=SLUG).order_by("pk").first()
    return section is not None and section.body == _body(1)


def add_reports(meeting: Meeting, reports: int) -> None:
    """``reports`` published reports of the same length on the meeting's agenda."""
    committee = meeting.committee
    for number in range(1, reports + 1):
        report = Report.objects.create(
            authority=committee.authority,
            committee=committee,
            title=f"Quarterly review {number}",
            summary="How the service did.",
            status=Report.Status.PUBLISHED,
            published_at=timezone.now(),
        )
        ReportSection.objects.create(report=report, order=1, heading="Findings", body=_body(number))
        AgendaItem.objects.create(meeting=meeting, number=number, title=report.title, report=report)


def build() -> dict[int, int]:
    """The two meetings (by pages wanted), made once; a second run reuses them."""
    call_command("migrate", verbosity=0)
    committee = Committee.objects.filter(authority__slug=SLUG).first()
    if _current(committee):
        meetings = committee.meetings.order_by("date")
        return dict(zip(SIZES, (m.pk for m in meetings), strict=True))
    with transaction.atomic():
        # Reports and agenda items protect what they refer to: take them first.
        RenderJob.objects.filter(authority__slug=SLUG).delete()
        AgendaItem.objects.filter(meeting__committee__authority__slug=SLUG).delete()
        Report.objects.filter(authority__slug=SLUG).delete()
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
            add_reports(meeting, reports)
            ids[pages] = meeting.pk
    return ids


# --- in the build process --------------------------------------------------------------


def _warm_up() -> None:
    """Fonts, Pango and the PDF writer loaded by a small document in the pack's styles."""
    from django.template.loader import render_to_string

    from packs.fetcher import ProjectFileFetcher, site_origin

    head = render_to_string("packs/_head.html", {"title": "Warm-up", "site": site_origin()})
    rows = "".join(f"<tr><td>Team {n}</td><td>{n}</td></tr>" for n in range(60))
    html = (
        f'<!DOCTYPE html><html lang="en-GB">{head}<body><h1>Warm-up</h1>'
        f"<p><strong>Bold</strong> {SENTENCE * 20}</p>"
        f"<table><thead><tr><th>Team</th><th>Cases</th></tr></thead><tbody>{rows}</tbody>"
        "</table></body></html>"
    )
    from weasyprint import HTML

    document = HTML(
        string=html, base_url=site_origin() + "/", url_fetcher=ProjectFileFetcher()
    ).render()
    document.write_pdf(pdf_variant="pdf/ua-1")


def measure(what: str, meeting_id: int, html_path: str, expected_hash: str) -> dict:
    """One build in this (fresh) process, after the warm-up; what the parent prints."""
    import gc

    from django.conf import settings

    _warm_up()
    meeting = Meeting.objects.get(pk=meeting_id)
    if what == "ours":
        from packs.documents import pack_source

        pack_source(meeting, Kind.PUBLIC_PACK).html()
        RenderJob.objects.filter(meeting=meeting).delete()
    html = Path(html_path).read_text() if what == "bare" else None
    gc.collect()
    before, peak_before = now_mib(), peak_mib()

    if what == "bare":
        from weasyprint import HTML

        from packs.fetcher import ProjectFileFetcher, site_origin

        target = Path(settings.MEDIA_ROOT) / "bare.pdf"
        started = time.perf_counter()
        document = HTML(
            string=html, base_url=site_origin() + "/", url_fetcher=ProjectFileFetcher()
        ).render()
        document.write_pdf(target, pdf_variant="pdf/ua-1")
        seconds = time.perf_counter() - started
        return {
            "seconds": seconds,
            "peak": peak_mib(),
            "before": before,
            "peak_before": peak_before,
            "bytes": target.stat().st_size,
            "pages": len(document.pages),
        }

    from packs.services import pack_request

    started = time.perf_counter()
    job = pack_request(meeting=meeting, kind=Kind.PUBLIC_PACK)
    seconds = time.perf_counter() - started
    peak = peak_mib()
    job.refresh_from_db()
    assert job.state == RenderJob.State.DONE, job.error
    assert job.input_hash == expected_hash, "our job laid out other HTML than bare WeasyPrint"
    again = []
    for _ in range(7):
        started = time.perf_counter()
        same = pack_request(meeting=meeting, kind=Kind.PUBLIC_PACK)
        again.append(time.perf_counter() - started)
        assert same.pk == job.pk
    return {
        "seconds": seconds,
        "peak": peak,
        "before": before,
        "peak_before": peak_before,
        "bytes": job.size,
        "pages": job.pages_total,
        "unchanged": statistics.median(again),
    }


def stages(meeting_id: int) -> list[tuple[str, float, float, float]]:
    """Our render's stages one by one, with resident and peak memory after each."""
    import gc

    from packs import render as pack_render
    from packs.documents import pack_source

    _warm_up()
    gc.collect()
    rows = []
    started = time.perf_counter()

    def mark(stage: str) -> None:
        rows.append((stage, now_mib(), peak_mib(), time.perf_counter() - started))

    mark("warmed up")
    source = pack_source(Meeting.objects.get(pk=meeting_id), Kind.PUBLIC_PACK)
    mark("report objects fetched")
    assert source.input_hash
    mark("HTML built and hashed")
    fetcher = pack_render.ProjectFileFetcher()
    document = pack_render.layout(source.html(), fetcher)
    mark(f"laid out ({len(document.pages)} pages)")
    actual = pack_render.anchor_ranges(document, source)
    printed = pack_render.printed_ranges(document, before=min(a for a, _ in actual.values()))
    assert printed == actual
    mark("page ranges read and checked")
    collected = gc.collect()
    mark(f"layout's garbage collected ({collected} objects)")
    with tempfile.TemporaryDirectory() as scratch:
        pack_render.write_pdf(document, source.title, Path(scratch) / "pack.pdf")
    mark("PDF written to its file")
    return rows


# --- in the parent ---------------------------------------------------------------------


def main(runs: int) -> None:
    from packs.documents import pack_source

    meetings = build()
    print(f"load average before: {load()}")
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for pages, meeting_id in meetings.items():
            html = pack_source(Meeting.objects.get(pk=meeting_id), Kind.PUBLIC_PACK).html()
            html_path = Path(scratch) / f"{pages}.html"
            html_path.write_text(html)
            expected = pack_source(Meeting.objects.get(pk=meeting_id), Kind.PUBLIC_PACK)
            expected_hash = expected.input_hash
            assert hashlib.sha256(expected.html().encode()).digest() == (
                hashlib.sha256(html.encode()).digest()
            ), "the pack's HTML is not the same from one build to the next"
            ours, bare = [], []
            for _ in range(runs):
                for what, into in (("bare", bare), ("ours", ours)):
                    into.append(
                        run_child(__file__, what, str(meeting_id), str(html_path), expected_hash)
                    )
            results[pages] = (ours, bare)
    print(f"load average after: {load()}")
    print(f"database: {connection.vendor}; {runs} builds of each, medians (min-max)")

    for size, (ours, bare) in results.items():
        o_s, b_s = median(ours, "seconds"), median(bare, "seconds")
        o_m, b_m = median(ours, "peak"), median(bare, "peak")
        o_up = statistics.median(r["peak"] - r["before"] for r in ours)
        b_up = statistics.median(r["peak"] - r["before"] for r in bare)
        assert ours[0]["pages"] == bare[0]["pages"], "ours and bare laid out different pages"
        print(f"\n{ours[0]['pages']}-page pack ({size} wanted), {ours[0]['bytes'] / 1e6:.1f} MB:")
        print(
            f"  time:   ours {o_s:.2f} s ({spread(ours, 'seconds', '.2f')}), "
            f"bare {b_s:.2f} s ({spread(bare, 'seconds', '.2f')}); "
            f"ours/bare {o_s / b_s:.2f} (goal <= 1.10: {verdict(o_s / b_s, 1.10)})"
        )
        print(
            f"  memory: ours peak {o_m:.0f} MiB ({spread(ours, 'peak', '.0f')}), "
            f"bare {b_m:.0f} MiB ({spread(bare, 'peak', '.0f')}); "
            f"ours/bare {o_m / b_m:.2f} (goal <= 1.10: {verdict(o_m / b_m, 1.10)})"
        )
        print(
            f"          before the build: ours {median(ours, 'before'):.0f} MiB, "
            f"bare {median(bare, 'before'):.0f} MiB; growth above it: ours {o_up:.0f} MiB, "
            f"bare {b_up:.0f} MiB, ours/bare {o_up / b_up:.2f}"
        )
        print(
            f"  {ours[0]['pages'] / o_s:.1f} pages per second "
            f"(bare WeasyPrint {bare[0]['pages'] / b_s:.1f})"
        )
        unchanged = median(ours, "unchanged")
        faster = o_s / unchanged
        print(
            f"  unchanged pack returned in {unchanged * 1000:.1f} ms, {faster:.0f}x "
            f"faster than building it (goal >= 50x: {verdict(faster, 50, at_most=False)})"
        )
    (small, small_bare), (large, large_bare) = results[100], results[300]
    pages = large[0]["pages"] / small[0]["pages"]
    for label, a, b in (("ours", large, small), ("bare", large_bare, small_bare)):
        time_ratio = median(a, "seconds") / median(b, "seconds")
        rss_ratio = median(a, "peak") / median(b, "peak")
        grown = statistics.median(r["peak"] - r["before"] for r in a) / statistics.median(
            r["peak"] - r["before"] for r in b
        )
        print(
            f"\n300/100 ({label}; {pages:.2f}x the pages): time {time_ratio:.2f} "
            f"(goal <= 3.1: {verdict(time_ratio, 3.1)}); peak memory {rss_ratio:.2f} "
            f"(goal <= 3.0: {verdict(rss_ratio, 3.0)}), growth above the start {grown:.2f}"
        )


def print_stages() -> None:
    meetings = build()
    print(f"load average: {load()}")
    for pages, meeting_id in meetings.items():
        print(f"\n{pages}-page pack, our render by stage (resident / peak MiB, seconds):")
        for stage, now, peak, seconds in run_child(__file__, "stages", str(meeting_id)):
            print(f"  {stage:<45} {now:6.0f} / {peak:4.0f}  {seconds:6.2f}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        if sys.argv[2] == "stages":
            print(json.dumps(stages(int(sys.argv[3]))))
        else:
            print(json.dumps(measure(sys.argv[2], int(sys.argv[3]), *sys.argv[4:])))
        sys.exit()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each (default 3)")
    parser.add_argument("--stages", action="store_true", help="our memory, stage by stage")
    options = parser.parse_args()
    if options.stages:
        print_stages()
    else:
        main(options.runs)
