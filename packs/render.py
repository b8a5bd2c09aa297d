"""Lay out a document with WeasyPrint as one PDF, report progress, and read its page ranges.

The agenda asks the layout engine for each item's first and last page
(``target-counter``), so a pack is laid out once. The ranges are then read back from where
each item's anchors really landed and compared with what the agenda printed; if they
differ, the agenda is filled in with the ranges read and the document laid out again until
the two agree (the earlier layout is let go first, so two are never held at once).

Memory: laying out leaves a few hundred thousand objects in reference cycles (a 240-page
pack: about 380,000, 35 MiB with the Pango layouts they hold), which Python's collector
frees only when it next looks at its oldest generation, often in the middle of writing the
PDF, the most memory-hungry step. They are collected once, between the layout and the
writing, so the writer reuses that memory instead of adding to it (bench/packs.py).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from weasyprint import HTML
from weasyprint.formatting_structure.boxes import TextBox

from . import page_references
from .documents import PackSource
from .fetcher import ProjectFileFetcher, site_origin

page_references.install()

PAGE_LAID_OUT = re.compile(r"Creating layout - Page (\d+)")
MAX_LAYOUTS = 4


class LayoutUnstable(RuntimeError):
    """The agenda's page ranges kept moving the items they describe."""


@dataclass
class RenderedPdf:
    """A finished PDF (its bytes, or None when it was written to a file) and what was read
    from its pages."""

    pdf: bytes | None
    pages: int
    ranges: dict[int, tuple[int, int]]
    layouts: int
    refused: list[str]
    laid_out: list[int] = field(default_factory=list)


class _PageCounter(logging.Handler):
    """Hears WeasyPrint's progress log ("Creating layout - Page N") from this thread only."""

    def __init__(self, callback: Callable[[int], None], every: float) -> None:
        super().__init__(logging.INFO)
        self.callback = callback
        self.every = every
        self.thread = threading.get_ident()
        self.last = 0.0
        self.pages = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        match = PAGE_LAID_OUT.search(record.getMessage())
        if match:
            self.pages = max(self.pages, int(match[1]))
        # Every step is a sign of life, even those that lay out no page (writing the PDF).
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self.callback(self.pages)


class _listening:
    """Attaches a page counter to WeasyPrint's progress logger for one render."""

    def __init__(self, callback: Callable[[int], None] | None, every: float) -> None:
        self.handler = _PageCounter(callback, every) if callback else None
        self.logger = logging.getLogger("weasyprint.progress")

    def __enter__(self):
        if self.handler:
            self.saved = (self.logger.level, self.logger.propagate)
            self.logger.setLevel(logging.INFO)
            self.logger.propagate = False
            self.logger.addHandler(self.handler)
        return self

    def __exit__(self, *exc):
        if self.handler:
            self.logger.removeHandler(self.handler)
            self.logger.setLevel(self.saved[0])
            self.logger.propagate = self.saved[1]


def layout(html: str, fetcher: ProjectFileFetcher | None = None):
    """The laid-out WeasyPrint document for ``html``, loading files only through the fetcher."""
    fetcher = fetcher or ProjectFileFetcher()
    return HTML(string=html, base_url=site_origin() + "/", url_fetcher=fetcher).render()


def write_pdf(document, title: str, target: Path | None = None) -> bytes | None:
    """PDF/UA-1: tagged, with its title shown and its language set (from ``<html lang>``).
    With a ``target`` the file is written there (opened only once the PDF is complete in
    memory) and nothing is returned; without, the bytes are."""
    document.metadata.title = title
    return document.write_pdf(target, pdf_variant="pdf/ua-1")


def anchor_ranges(document, source: PackSource) -> dict[int, tuple[int, int]]:
    """Each printed item's first and last page, from where its anchors landed."""
    first: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for name in page.anchors:
            first.setdefault(name, number)
    return {
        item.number: (first[item.anchor], first[item.end_anchor])
        for item in source.printed_items
        if item.anchor in first and item.end_anchor in first
    }


def _first_item_page(ranges: dict[int, tuple[int, int]]) -> int | None:
    return min((first for first, _ in ranges.values()), default=None)


def printed_ranges(document, before: int | None = None) -> dict[int, tuple[int, int]]:
    """What the agenda says, read from the text the layout put on its pages (only those
    before page ``before``, where the items start, when it is given: the agenda and the
    letter come first)."""
    texts: dict[str, str] = {}
    pages = document.pages if before is None else document.pages[: before - 1]
    for page in pages:
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if not isinstance(box, TextBox) or element is None:
                continue
            if "agenda-ref" in (element.get("class") or "") or element.get("data-pages"):
                href = element.get("href", "")
                texts[href] = texts.get(href, "") + box.text
    ranges = {}
    for href, text in texts.items():
        match = re.search(r"Pages (\d+) - (\d+)", text)
        number = re.fullmatch(r"#item-(\d+)", href)
        if match and number:
            ranges[int(number[1])] = (int(match[1]), int(match[2]))
    return ranges


# Laying out a pack makes millions of small objects and frees nearly all of them by reference
# counting, yet the cyclic collector's default thresholds (700, 10, 10) walk the growing tree
# of boxes again and again. While a document is made, it runs far less often.
RENDER_GC_THRESHOLD = (100_000, 50, 100)


@contextlib.contextmanager
def _fewer_collections():
    before = gc.get_threshold()
    gc.set_threshold(*RENDER_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def render(
    source: PackSource,
    on_progress: Callable[[int], None] | None = None,
    every: float = 0.5,
    target: Path | None = None,
) -> RenderedPdf:
    """The whole document as one PDF, its agenda's page ranges checked against its pages;
    written to ``target`` when given, else returned as bytes."""
    fetcher = ProjectFileFetcher(private_charts_of=source.private_charts_of)
    ranges = None
    with _listening(on_progress, every), _fewer_collections():
        for attempt in range(1, MAX_LAYOUTS + 1):
            document = layout(source.html(ranges), fetcher)
            actual = anchor_ranges(document, source)
            if printed_ranges(document, before=_first_item_page(actual)) == actual:
                pages = len(document.pages)
                gc.collect()  # the layout's garbage, before the PDF writer needs memory
                pdf = write_pdf(document, source.title, target)
                return RenderedPdf(pdf, pages, actual, attempt, fetcher.refused)
            ranges = actual
            # Let this layout go before the next one is made: never two in memory at once.
            del document
            gc.collect()
    raise LayoutUnstable(f"The agenda's page ranges did not settle after {MAX_LAYOUTS} layouts.")
