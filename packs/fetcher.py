"""What a PDF may load while it renders: the project's static files and chart images, from disk.

A document is laid out from HTML that carries officers' text; a link to ``file:///etc/passwd``
or to an address on the network must not be read. Everything else is refused before any file
is opened or any connection made. A council's private charts (drawn with every figure) are
read only for a document that may show them, and a ``data:`` address longer than
``MAX_DATA_URL`` is refused before it is decoded.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint.urls import URLFetcher, URLFetcherResponse

from scrutiny.charts import PrivateChartFolder
from scrutiny.charts.cache import CHART_NAME

# An embedded picture, at most (as text): our own documents embed none, and decoding a 30 MB
# one cost some 200 MB before WeasyPrint threw it away.
MAX_DATA_URL = 1_000_000


class RefusedURL(ValueError):
    """A document asked for something it may not load."""


def site_origin() -> str:
    """The origin relative URLs in a document resolve against (links in the PDF point there)."""
    return settings.PACK_SITE_URL.rstrip("/")


class ProjectFileFetcher(URLFetcher):
    """Serves ``/static/...`` through the staticfiles finders and ``/media/charts/<sha>.svg``
    from MEDIA_ROOT, both only on the site's own origin; ``data:`` URLs are decoded in
    memory. With ``private_charts_of`` (a council's slug) it also serves that council's
    private charts. Anything else raises :class:`RefusedURL` and WeasyPrint leaves it out."""

    def __init__(self, private_charts_of: str | None = None) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False)
        self.refused: list[str] = []
        self.private = PrivateChartFolder.of(private_charts_of) if private_charts_of else None

    def fetch(self, url, headers=None):
        if url.startswith("data:") and len(url) <= MAX_DATA_URL:
            return super().fetch(url, headers)
        path = None if url.startswith("data:") else self._local_path(url)
        if path is None:
            self.refused.append(url[:200])
            raise RefusedURL(f"A pack may not load {url[:200]}")
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, path.read_bytes(), headers={"Content-Type": media_type}, status=200
        )

    def _local_path(self, url: str) -> Path | None:
        parts = urlsplit(url)
        origin = urlsplit(site_origin())
        if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc) or parts.query:
            return None
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            try:
                found = finders.find(path.removeprefix(settings.STATIC_URL))
            except SuspiciousFileOperation:
                return None
            return Path(found) if found else None
        name = path.removeprefix("/media/charts/")
        if path.startswith("/media/charts/") and CHART_NAME.fullmatch(name):
            candidate = Path(settings.MEDIA_ROOT) / "charts" / name
            return candidate if candidate.is_file() else None
        return self.private.file_for(path) if self.private else None
