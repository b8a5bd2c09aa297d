"""A pack laid out part by part, in as many processes as the machine has cores.

Every item starts on a fresh odd page, so an item's layout depends on nothing but its own
HTML: the pack's HTML is cut into the letter and agenda (the "cover") and one document per
printed item, each with the pack's head and running header. Each is laid out and written
as PDF/UA-1 without its page numbers, with a closing forced right-hand break, so that
WeasyPrint itself makes the "intentionally left blank" page an odd-length item needs; the
closing page is dropped. The page numbers ("Page N") are a document of their own, one
empty page per page of the pack, laid over the pages when they are merged
(``packs/merge.py``), so a part's PDF does not depend on where it lands and is kept under
the hash of its HTML, the renderer and the fonts (``packs/part_cache.py``): an unchanged
item is not laid out again.

The cover is laid out last, from the real page counts: its agenda prints each item's pages
as text (as the single-process build does when counting does not settle), and it is laid
out again if its own length moved the items after it (rarely: a line of the agenda
wrapping differently).

Processes are forked (Linux), sized to ``os.cpu_count()``; with one core, or where a
process cannot be started, the parts are laid out one after another in this process.
Progress is counted by the page across the processes and reported to ``on_progress``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import re
import tempfile
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

from . import part_cache
from .documents import PackSource
from .fetcher import ProjectFileFetcher
from .merge import Part, merge
from .render import RenderedPdf, _fewer_collections, _listening, layout

log = logging.getLogger(__name__)

ITEM_START = re.compile(r'<section class="item" aria-labelledby="item-(\d+)">')
# Parts are written without page numbers; items' first pages are not the pack's first page.
PART_STYLE = (
    "<style>.part-end { break-before: right; } @page { @bottom-right { content: none; } }"
    "%s</style></head>"
)
ITEM_STYLE = "@page :first { @top-left { content: element(header); } }"
NUMBERS_STYLE = (
    "<style>@page { @top-left { content: none; } } @page :first { @top-left { content: none; } }"
    " .number-page { break-before: page; } .number-page:first-child { break-before: auto; }"
    "</style></head>"
)
MAX_COVER_LAYOUTS = 4
HEARTBEAT = -2  # a progress report that counts no page

_progress_queue = None


def _init_worker(progress) -> None:
    global _progress_queue
    _progress_queue = progress


def split(html: str) -> tuple[str, str, list[tuple[int, str]]]:
    """(head and running header, the cover's body, [(item number, item section)])."""
    letter = html.index('<section class="letter"')
    end = html.index("</body>")
    starts = [(m.start(), int(m[1])) for m in ITEM_START.finditer(html)]
    cover_end = starts[0][0] if starts else end
    bounds = [start for start, _ in starts] + [end]
    items = [(number, html[start : bounds[i + 1]]) for i, (start, number) in enumerate(starts)]
    return html[:letter], html[letter:cover_end], items


def part_html(prefix: str, body: str, *, item: bool) -> str:
    head = prefix.replace("</head>", PART_STYLE % (ITEM_STYLE if item else ""), 1)
    return f'{head}{body}<div class="part-end"></div>\n</body>\n</html>\n'


def lay_out_part(key: str, html: str, directory: str, index: int) -> dict:
    """Lay out one part and write its PDF into the cache; what it holds (pages, anchors)."""

    def report(pages: int) -> None:
        if _progress_queue is not None:
            _progress_queue.put((index, pages))

    fetcher = ProjectFileFetcher()
    with _listening(report, 0.5), _fewer_collections():
        document = layout(html, fetcher)
        report(len(document.pages))
        anchors = {}
        for number, page in enumerate(document.pages):
            for name in page.anchors:
                anchors.setdefault(name, number)
        # The closing page is never written: it only made WeasyPrint add the blank page.
        kept = document.copy(document.pages[:-1])
        Path(directory).mkdir(parents=True, exist_ok=True)
        path = part_cache.path_for(Path(directory), key)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
        kept.write_pdf(temporary, pdf_variant="pdf/ua-1")
    entry = {"pages": len(document.pages) - 1, "anchors": anchors, "refused": fetcher.refused}
    part_cache.store(Path(directory), key, temporary, entry)
    return entry


def _numbers_html(prefix: str, pages: int) -> str:
    """One empty page per page of the pack, numbered, and the closing page (dropped)."""
    head = prefix[: prefix.index("<body")].replace("</head>", NUMBERS_STYLE, 1)
    return head + "<body>" + '<div class="number-page"></div>' * (pages + 1) + "</body></html>"


def _cover_html(source: PackSource, ranges: dict[int, tuple[int, int]]) -> str:
    """The cover with the ranges printed; each agenda link carries the item's name, so the
    link is written (it has somewhere to go) until the merge points the name at the item."""
    html = source.html(ranges)
    prefix, body, _ = split(html)
    link = r'<a href="#(item-\d+)" data-pages="filled">'
    body = re.sub(link, r'<a href="#\1" id="\1" data-pages="filled">', body)
    return part_html(prefix, body, item=False)


def _run_parts(jobs: list[tuple[str, str, int]], directory: Path, report, processes) -> dict:
    """Lay out the parts not in the cache, in processes when there is more than one."""
    results: dict[int, dict] = {}
    if not jobs:
        return results
    workers = max(1, min(processes or os.cpu_count() or 1, len(jobs)))
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
        progress = context.Queue()
        try:
            with ProcessPoolExecutor(workers, context, _init_worker, (progress,)) as pool:
                futures = {
                    pool.submit(lay_out_part, key, html, str(directory), index): index
                    for key, html, index in jobs
                }
                pending = set(futures)
                # Progress is written from this thread, which holds the database connection.
                while pending:
                    finished, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
                    _drain(progress, report)
                    report(HEARTBEAT, 0)  # a sign of life while a long part is written
                    for future in finished:
                        results[futures[future]] = future.result()
                _drain(progress, report)
            return results
        except (OSError, AssertionError) as error:  # no processes here (a daemon, a limit)
            log.warning("Laying out in one process: %s", error)
    global _progress_queue
    local = _LocalQueue(report)
    _progress_queue = local
    try:
        for key, html, index in jobs:
            if index not in results:
                results[index] = lay_out_part(key, html, str(directory), index)
    finally:
        _progress_queue = None
    return results


class _LocalQueue:
    def __init__(self, report) -> None:
        self.report = report

    def put(self, message) -> None:
        self.report(*message)


def _drain(progress, report) -> None:
    while True:
        try:
            report(*progress.get_nowait())
        except queue.Empty:
            return


def render_parallel(
    source: PackSource,
    *,
    directory: Path,
    target: Path,
    on_progress: Callable[[int], None] | None = None,
    processes: int | None = None,
) -> RenderedPdf:
    """Build the pack's PDF at ``target`` from its parts, laying out only those not kept."""
    prefix, _, items = split(source.html())
    pages_done: dict[int, int] = {}

    def report(index: int, pages: int) -> None:
        pages_done[index] = max(pages_done.get(index, 0), pages)
        if on_progress:
            on_progress(sum(pages_done.values()))

    fonts = part_cache.fonts_fingerprint(prefix)
    keyed = [(part_cache.key(html, fonts), part_html(prefix, html, item=True)) for _, html in items]
    entries = {i: part_cache.load(directory, key) for i, (key, _) in enumerate(keyed, start=1)}
    for index, entry in entries.items():
        if entry is not None:
            report(index, entry["pages"])
    missing = [(key, html, i) for i, (key, html) in enumerate(keyed, start=1) if entries[i] is None]
    laid_out = [index for _, _, index in missing]
    entries.update(_run_parts(missing, directory, report, processes))

    # The last item ends where its content ends, without a blank page after it.
    counts = [entries[i]["pages"] for i in range(1, len(items) + 1)]
    if items:
        last_number = items[-1][0]
        anchors = entries[len(items)]["anchors"]
        counts[-1] = anchors.get(f"item-{last_number}-end", counts[-1] - 1) + 1

    cover_pages, cover = 2, None
    for _ in range(MAX_COVER_LAYOUTS):
        ranges, offset = {}, cover_pages
        starts = []
        for (number, _), count, index in zip(items, counts, range(1, len(items) + 1), strict=True):
            anchors = entries[index]["anchors"]
            first = offset + anchors.get(f"item-{number}", 0) + 1
            last = offset + anchors.get(f"item-{number}-end", count - 1) + 1
            ranges[number] = (first, last)
            starts.append(offset)
            offset += count
        html = _cover_html(source, ranges)
        key = part_cache.key(html, fonts)
        cover = part_cache.load(directory, key)
        if cover is None:
            laid_out.append(0)
            cover = lay_out_part(key, html, str(directory), 0)
        if cover["pages"] == cover_pages:
            break
        cover_pages = cover["pages"]
    report(0, cover_pages)
    total = cover_pages + sum(counts)
    numbers_key = part_cache.key(_numbers_html(prefix, total), fonts)
    if part_cache.load(directory, numbers_key) is None:
        lay_out_part(numbers_key, _numbers_html(prefix, total), str(directory), -1)
    parts = [Part(part_cache.path_for(directory, key), cover_pages)] + [
        Part(part_cache.path_for(directory, k), count)
        for (k, _), count in zip(keyed, counts, strict=True)
    ]
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        numbers = part_cache.path_for(directory, numbers_key)
        merged = Path(scratch) / "pack.pdf"
        pages = merge(parts, merged, numbers=numbers)
        os.replace(merged, target)
    refused = [url for entry in [cover, *entries.values()] for url in entry.get("refused", [])]
    return RenderedPdf(None, pages, ranges, len(laid_out), refused, laid_out=laid_out)
