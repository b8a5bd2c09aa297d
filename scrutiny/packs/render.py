"""Lay out a document with WeasyPrint as one PDF, report progress, and read its page ranges.

The agenda asks the layout engine for each item's first and last page
(``target-counter``), so a pack is laid out once. The ranges are then read back from where
each item's anchors really landed and compared with what the agenda printed; if they
differ, the agenda is filled in with the ranges read and the document laid out again until
the two agree.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from weasyprint import HTML
from weasyprint.formatting_structure.boxes import TextBox

from .documents import PackSource
from .fetcher import ProjectFileFetcher, site_origin

PAGE_LAID_OUT = re.compile(r"Creating layout - Page (\d+)")
MAX_LAYOUTS = 4


class LayoutUnstable(RuntimeError):
    """The agenda's page ranges kept moving the items they describe."""


@dataclass
class RenderedPdf:
    """A finished PDF and what was read from its pages."""

    pdf: bytes
    pages: int
    ranges: dict[int, tuple[int, int]]
    layouts: int
    refused: list[str]


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


def write_pdf(document, title: str) -> bytes:
    """PDF/UA-1: tagged, with its title shown and its language set (from ``<html lang>``)."""
    document.metadata.title = title
    return document.write_pdf(pdf_variant="pdf/ua-1")


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


def printed_ranges(document) -> dict[int, tuple[int, int]]:
    """What the agenda says, read from the text the layout put on its pages."""
    texts: dict[str, str] = {}
    for page in document.pages:
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


def render(
    source: PackSource,
    on_progress: Callable[[int], None] | None = None,
    every: float = 0.5,
) -> RenderedPdf:
    """The whole document as one PDF, its agenda's page ranges checked against its pages."""
    fetcher = ProjectFileFetcher()
    ranges = None
    with _listening(on_progress, every):
        for attempt in range(1, MAX_LAYOUTS + 1):
            document = layout(source.html(ranges), fetcher)
            actual = anchor_ranges(document, source)
            printed = printed_ranges(document)
            if printed == actual:
                pdf = write_pdf(document, source.title)
                return RenderedPdf(pdf, len(document.pages), actual, attempt, fetcher.refused)
            ranges = actual
    raise LayoutUnstable(f"The agenda's page ranges did not settle after {MAX_LAYOUTS} layouts.")
