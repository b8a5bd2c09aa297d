"""Benchmark: packs laid out in processes (packs/parallel.py) against bare WeasyPrint.

Run by hand (it reuses bench/packs.py's database and its generated meetings, and adds one
of 100 reports for the 1,000-page pack):

    .venv/bin/python -W ignore bench/packs_parallel.py [--sizes 100 300 1000] [--profile]

Every build runs in a fresh process started the same way (Django set up, the same small
warm-up document laid out and written), then the clock starts. It reports, from one run:
- full build, ours (parts in ``os.cpu_count()`` processes, no part kept) against bare
  WeasyPrint laying out the same HTML as one document and writing it as PDF/UA-1
  (goal for 300 pages: at most 0.5);
- a rebuild after one item changed (the others kept) against our full build (goal 0.3);
- file size against today's one-document build (goal 1.1) and peak memory per process
  (``ru_maxrss``: the build process, and the largest of its children);
- Chromium's print-to-PDF of the same HTML (it prints no page numbers nor agenda ranges);
- with ``--profile``, where the parent's time goes in a 300-page build.
The load average is printed before and after: the two cores are shared.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = {100: 10, 300: 30, 1000: 100}


# The project's ``packs`` app, not bench/packs.py beside this file.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.append(str(ROOT / "bench"))  # for bench/measure.py


def _setup():
    """bench/packs.py, loaded under another name: it sets Django up on its database."""
    import importlib.util

    if "bench_packs" in sys.modules:
        return sys.modules["bench_packs"]
    spec = importlib.util.spec_from_file_location("bench_packs", ROOT / "bench" / "packs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_packs"] = module
    spec.loader.exec_module(module)
    return module


def _meeting(bench, pages: int) -> int:
    """bench/packs.py's meetings; the 1,000-page one under a council of its own, so that
    bench/packs.py still finds its two meetings as it made them."""
    from django.db import transaction

    from committees.models import Committee, Meeting
    from scrutiny.models import Authority

    ids = bench.build()
    if pages in ids:
        return ids[pages]
    slug = f"{bench.SLUG}-{pages}"
    meeting = Meeting.objects.filter(committee__authority__slug=slug).first()
    if meeting and meeting.items.count() == SIZES[pages]:
        return meeting.pk
    with transaction.atomic():
        authority, _ = Authority.objects.get_or_create(
            slug=slug,
            defaults={"name": "Bench Large Council", "short_name": "Large", "chief_executive": "A"},
        )
        committee, _ = Committee.objects.get_or_create(
            authority=authority, slug="children", defaults={"name": "Children's Committee"}
        )
        meeting = Meeting.objects.create(committee=committee, date="2024-12-15", venue="Civic")
        bench.add_reports(meeting, SIZES[pages])
    return meeting.pk


def _peak() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def one(what: str, pages: int, workdir: Path) -> dict:
    bench = _setup()
    bench._warm_up()
    from committees.models import Meeting
    from packs.documents import pack_source
    from packs.parallel import render_parallel
    from packs.render import render

    source = pack_source(Meeting.objects.get(pk=_meeting(bench, pages)), "public")
    html = source.html()
    target = workdir / f"{what}-{pages}.pdf"
    parts = workdir / f"parts-{pages}"
    start = time.perf_counter()
    if what == "bare":
        from weasyprint import HTML

        from packs.fetcher import ProjectFileFetcher, site_origin

        document = HTML(
            string=html, base_url=site_origin() + "/", url_fetcher=ProjectFileFetcher()
        ).render()
        document.write_pdf(target, pdf_variant="pdf/ua-1")
    elif what == "single":
        render(source, target=target)
    elif what in {"ours", "rebuild"}:
        render_parallel(source, directory=parts, target=target)
    elif what == "chromium":
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page()
            page.set_content(html)
            page.pdf(path=str(target), format="A4")
            browser.close()
    seconds = time.perf_counter() - start
    own, children = _peak()
    return {"seconds": seconds, "size": target.stat().st_size, "own": own, "children": children}


def _change_one_item(pages: int) -> None:
    bench = _setup()
    from committees.models import Meeting, ReportSection

    meeting = Meeting.objects.get(pk=_meeting(bench, pages))
    section = ReportSection.objects.get(report=meeting.items.get(number=2).report)
    section.body = section.body.replace("kept caseloads low", "kept caseloads lower", 1)
    section.save()


def _restore_item(pages: int) -> None:
    bench = _setup()
    from committees.models import Meeting, ReportSection

    meeting = Meeting.objects.get(pk=_meeting(bench, pages))
    section = ReportSection.objects.get(report=meeting.items.get(number=2).report)
    section.body = bench._body(2)
    section.save()


def _child(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-W", "ignore", __file__, *args], capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(sizes: list[int], profile: bool) -> None:
    print(f"load average before: {os.getloadavg()}, cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as scratch:
        for pages in sizes:
            work = Path(scratch)
            _child("--setup", str(pages))
            got = {
                what: _child("--one", what, str(pages), scratch)
                for what in ("bare", "single", "ours")
            }
            _child("--change", str(pages))
            try:
                got["rebuild"] = _child("--one", "rebuild", str(pages), scratch)
            finally:
                _child("--restore", str(pages))
            got["chromium"] = _child("--one", "chromium", str(pages), scratch)
            bare, ours, single = got["bare"], got["ours"], got["single"]
            print(f"\n{pages} pages (nominal):")
            for what, figures in got.items():
                print(
                    f"  {what:9} {figures['seconds']:7.2f} s  {figures['size'] / 1024:8.0f} KiB"
                    f"  peak {figures['own']:6.0f} MiB (children {figures['children']:5.0f})"
                )
            print(f"  ours / bare time:            {ours['seconds'] / bare['seconds']:.2f}")
            print(f"  one-document / bare time:    {single['seconds'] / bare['seconds']:.2f}")
            print(
                f"  rebuild one changed / ours:  {got['rebuild']['seconds'] / ours['seconds']:.2f}"
            )
            print(f"  size ours / one-document:    {ours['size'] / single['size']:.2f}")
            print(
                f"  peak per process ours / one-document: "
                f"{max(ours['own'], ours['children']) / single['own']:.2f}"
            )
            print(
                f"  chromium / bare time:        {got['chromium']['seconds'] / bare['seconds']:.2f}"
            )
            del work
    if profile:
        subprocess.run([sys.executable, "-W", "ignore", __file__, "--profile-one", "300"])
    print(f"\nload average after: {os.getloadavg()}")


def profile_one(pages: int) -> None:
    import cProfile
    import pstats
    import shutil

    bench = _setup()
    bench._warm_up()
    from committees.models import Meeting
    from packs.documents import pack_source
    from packs.parallel import render_parallel

    source = pack_source(Meeting.objects.get(pk=_meeting(bench, pages)), "public")
    source.html()
    with tempfile.TemporaryDirectory() as scratch:
        parts = Path(scratch) / "parts"
        profiler = cProfile.Profile()
        profiler.enable()
        render_parallel(source, directory=parts, target=Path(scratch) / "p.pdf")
        profiler.disable()
        shutil.rmtree(parts)
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(r"packs/(parallel|merge|part_cache)|concurrent/futures/_base.py:\d+\(wait\)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--one", nargs=3)
    parser.add_argument("--setup", type=int)
    parser.add_argument("--change", type=int)
    parser.add_argument("--restore", type=int)
    parser.add_argument("--profile-one", type=int)
    options = parser.parse_args()
    if options.one:
        print(json.dumps(one(options.one[0], int(options.one[1]), Path(options.one[2]))))
    elif options.setup:
        _setup()
        print(json.dumps({"meeting": _meeting(_setup(), options.setup)}))
    elif options.change:
        _change_one_item(options.change)
        print("{}")
    elif options.restore:
        _restore_item(options.restore)
        print("{}")
    elif options.profile_one:
        profile_one(options.profile_one)
    else:
        main(options.sizes, options.profile)
