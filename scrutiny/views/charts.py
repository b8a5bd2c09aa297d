"""Chart files served by the SHA-256 of their content (drawn by ``scrutiny.charts``)."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.views import View

from ..charts.cache import CHART_DIR

CHART_NAME = re.compile(r"[0-9a-f]{64}\.(svg|png)")
CHART_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


def chart_response(root: Path, name: str) -> FileResponse:
    """Stream a chart file by its content hash; a 404 for any name that is not one."""
    # The name must be a SHA-256 and an extension; nothing else from the URL reaches the
    # filesystem, so "../" and the like never get that far.
    match = CHART_NAME.fullmatch(name)
    if match is None:
        raise Http404("No such chart.")
    path = root / CHART_DIR / name
    try:
        handle = path.open("rb")
    except (FileNotFoundError, NotADirectoryError):
        raise Http404("No such chart.") from None
    response = FileResponse(handle, content_type=CHART_TYPES[match.group(1)])
    response["ETag"] = f'"{name.split(".")[0]}"'
    response["X-Content-Type-Options"] = "nosniff"
    # An SVG opened on its own is a document: let it style itself and nothing more.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


class ChartFileView(View):
    """A public chart file from MEDIA_ROOT/charts/, by the SHA-256 of its content.

    Anyone may fetch one. Charts hold no personal data, and this folder holds only charts
    drawn for the public, from figures the public sees (small numbers already hidden); a
    name is the hash of a chart's whole content, which cannot be guessed without knowing
    that content. Charts drawn for readers who see every figure live elsewhere (see
    ``scorecards.views.PrivateChartFileView``). A name never changes its bytes, so the file
    may be cached for a year.
    """

    def get(self, request, name: str):
        response = chart_response(Path(settings.MEDIA_ROOT), name)
        response["Cache-Control"] = "public, max-age=31536000, immutable"
        return response
