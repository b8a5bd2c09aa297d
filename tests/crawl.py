"""Fetch everything a reader can reach on the site by following what its pages point to.

A breadth-first crawl with Django's test client, as whoever the client is signed in as:
from HTML it follows ``<a href>``, ``<link href>``, redirects and GET forms (submitted with
their current values, so filters and searches are tried as found); from XML (sitemaps, Atom
feeds) every ``<loc>`` and ``href``. Query strings are kept, so pagination, sorting and
filters are followed too, up to ``per_path`` variants of one path. Every response is kept,
body and headers, for the caller to inspect: the Part 2 leak test looks for a secret in all
of them (PDFs by their extracted text, workbooks by the XML inside them), and later tests can
reuse it for packs and downloads.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

from django.test import Client
from pypdf import PdfReader

SKIP = re.compile(r"^/(admin|static)/|^/accounts/logout")
XML_LINK = re.compile(rb"<loc>\s*([^<\s]+)\s*</loc>|\bhref=\"([^\"]+)\"")


@dataclass
class Fetched:
    """One response as the crawl saw it."""

    url: str
    status: int
    content_type: str
    headers: dict[str, str]
    body: bytes

    def contains(self, needle: str) -> bool:
        """Does the text appear in the body, any header (name or value) or, for a PDF, in
        its extracted text and metadata (its bytes are compressed)?"""
        raw = needle.encode()
        if raw in self.body or raw.lower() in self.body.lower():
            return True
        if "pdf" in self.content_type and _squeezed(needle) in _squeezed(pdf_text(self.body)):
            return True
        if "spreadsheetml" in self.content_type and needle.lower() in xlsx_text(self.body).lower():
            return True
        return any(needle.lower() in f"{k}: {v}".lower() for k, v in self.headers.items())


def _squeezed(text: str) -> str:
    # A PDF's text comes back with line breaks wherever the layout wrapped a long word.
    return "".join(text.split()).lower()


def pdf_text(data: bytes) -> str:
    """Every page's text and the document's metadata, as one string."""
    reader = PdfReader(io.BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    parts += [str(value) for value in (reader.metadata or {}).values()]
    return "\n".join(parts)


def xlsx_text(data: bytes) -> str:
    """Every part of a workbook (cells, shared strings, comments, names), as one string: an
    .xlsx is a zip, so its bytes do not show its text."""
    with zipfile.ZipFile(io.BytesIO(data)) as workbook:
        return "\n".join(
            workbook.read(name).decode("utf-8", "replace")
            for name in workbook.namelist()
            if name.endswith((".xml", ".rels", ".vml"))
        )


class _Links(HTMLParser):
    """Collects link targets and GET forms (as URLs with their current values)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._form: dict | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag in ("a", "link", "area") and a.get("href"):
            self.urls.append(a["href"])
        elif tag == "form" and a.get("method", "get").lower() == "get":
            self._form = {"action": a.get("action", ""), "fields": []}
        elif self._form is not None:
            self._field(tag, a)

    def _field(self, tag: str, a: dict) -> None:
        kind = a.get("type", "text").lower()
        if tag == "input" and a.get("name") and kind not in ("submit", "button", "image"):
            if kind not in ("checkbox", "radio") or "checked" in a:
                self._form["fields"].append((a["name"], a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self._form["fields"].append((self._select, a.get("value", "")))
        elif tag == "textarea" and a.get("name"):
            self._form["fields"].append((a["name"], ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form" and self._form is not None:
            query = urlencode(self._form["fields"])
            self.urls.append(self._form["action"].split("?")[0] + ("?" + query if query else ""))
            self._form = None


def links_in(response: Fetched) -> list[str]:
    """Where a response points: links and GET forms of HTML, locations and hrefs of XML."""
    if "html" in response.content_type:
        parser = _Links()
        parser.feed(response.body.decode("utf-8", "replace"))
        return parser.urls
    if "xml" in response.content_type:
        return [(loc or href).decode() for loc, href in XML_LINK.findall(response.body)]
    return []


@dataclass
class Crawl:
    """Everything fetched, by URL, and what was left out for being one variant too many."""

    pages: dict[str, Fetched] = field(default_factory=dict)
    capped: set[str] = field(default_factory=set)

    def __iter__(self) -> Iterator[Fetched]:
        return iter(self.pages.values())

    def containing(self, needle: str) -> list[str]:
        return sorted(url for url, page in self.pages.items() if page.contains(needle))


def fetch(client: Client, url: str) -> Fetched:
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return Fetched(
        url=url,
        status=response.status_code,
        content_type=response.get("Content-Type", ""),
        headers=dict(response.items()),
        body=body,
    )


def _local(base: str, href: str) -> str | None:
    """The same-site path and query of a link, or None for anything elsewhere."""
    target = urlsplit(urljoin(base, href.strip()))
    if target.scheme not in ("", "http", "https") or target.netloc not in ("", "testserver"):
        return None
    path = target.path or "/"
    if SKIP.match(path):
        return None
    return path + (f"?{target.query}" if target.query else "")


def crawl(
    client: Client,
    starts: Iterable[str] = ("/",),
    *,
    limit: int = 5000,
    per_path: int = 25,
) -> Crawl:
    """Breadth-first from ``starts``; fails loudly rather than stop short at ``limit``."""
    result = Crawl()
    variants: dict[str, int] = {}
    queue = deque(starts)
    seen = set(queue)
    while queue:
        url = queue.popleft()
        if len(result.pages) >= limit:
            raise AssertionError(f"crawl passed {limit} pages; raise the limit")
        page = fetch(client, url)
        result.pages[url] = page
        targets = links_in(page)
        if page.status in (301, 302, 303, 307, 308):
            targets = [page.headers["Location"]]
        for href in targets:
            local = _local(url, href)
            if local is None or local in seen:
                continue
            seen.add(local)
            path = local.split("?")[0]
            if "?" in local:
                variants[path] = variants.get(path, 0) + 1
                if variants[path] > per_path:
                    result.capped.add(local)
                    continue
            queue.append(local)
    return result
