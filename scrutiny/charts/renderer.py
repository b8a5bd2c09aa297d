"""Draws a chart spec as SVG or PNG bytes with matplotlib's object API (never pyplot).

matplotlib and numpy (about 37 MiB) are imported by ``drawing`` the first time a chart is
drawn, not when this package is imported: a pack worker or web process that only ever finds
its charts in the cache never loads them."""

from __future__ import annotations

import io
import re
import threading
from xml.sax.saxutils import escape

from . import palette
from .describe import alt_text
from .specs import ChartSpec

# Bump when a change here alters what is drawn, so cached files are drawn afresh.
RENDERER_VERSION = "1"
FORMATS = ("svg", "png")
PNG_DPI = 150
# Fixed metadata: no creation date, so identical specs give identical files.
_SVG_METADATA = {"Date": None}
_PNG_METADATA = {"Software": None}

# matplotlib's font and text-layout caches are not documented as thread-safe; a render
# takes a fraction of a second and results are cached, so drawing one at a time is cheap.
_LOCK = threading.Lock()


def render(spec: ChartSpec, fmt: str = "svg") -> bytes:
    """The chart as SVG or PNG bytes; the same spec always gives the same bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    description = alt_text(spec)
    from .drawing import draw

    with _LOCK:
        figure = draw(spec)
        buffer = io.BytesIO()
        if fmt == "svg":
            # No "Title" here: matplotlib would write it as a second <title>.
            metadata = {**_SVG_METADATA, "Description": description}
            figure.savefig(buffer, format="svg", metadata=metadata, facecolor=palette.BACKGROUND)
        else:
            metadata = {**_PNG_METADATA, "Title": spec.title, "Description": description}
            figure.savefig(
                buffer, format="png", dpi=PNG_DPI, metadata=metadata, facecolor=palette.BACKGROUND
            )
    data = buffer.getvalue()
    return _label_svg(data, description) if fmt == "svg" else data


def _label_svg(data: bytes, description: str) -> bytes:
    """Give the SVG root role='img' and the alt text as its first <title>."""
    # An SVG's accessible name is its first <title>; role="img" makes screen readers treat an
    # inline SVG as one picture rather than hundreds of paths.
    text = data.decode("utf-8")
    match = re.search(r"<svg\b[^>]*>", text)
    opening = match.group(0)
    labelled = opening[:-1] + ' role="img">' + f"\n <title>{escape(description)}</title>"
    return (text[: match.start()] + labelled + text[match.end() :]).encode("utf-8")
