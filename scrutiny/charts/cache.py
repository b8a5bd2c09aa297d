"""Chart files under MEDIA_ROOT/charts/, named by their content, so none is drawn twice."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from . import renderer
from .describe import alt_text
from .palette import palette_fingerprint
from .specs import ChartSpec

CHART_DIR = "charts"
CHART_NAME = re.compile(r"[0-9a-f]{64}\.svg")
# Read from the installed package's metadata, once: importing matplotlib to ask costs
# tens of MiB in processes that never draw (see renderer).
MATPLOTLIB_VERSION = version("matplotlib")


@dataclass(frozen=True)
class PrivateChartFolder:
    """Where a council's charts drawn with every figure live and are served from.

    Such a chart may hold a small number the public must not see (see
    ``scorecards.views.ReaderMixin.draw``): it is kept apart from the public charts, served
    only to the council's readers, and read by the PDF fetcher only for a document that may
    show it (the confidential pack, a report the public may not open).
    """

    root: Path
    url_prefix: str

    @classmethod
    def of(cls, authority_slug: str) -> PrivateChartFolder:
        from django.conf import settings
        from django.urls import reverse

        return cls(
            root=Path(settings.MEDIA_ROOT) / "private" / authority_slug,
            url_prefix=reverse("scorecards:indicator_list", kwargs={"authority": authority_slug})
            + "private",
        )

    def file_for(self, path: str) -> Path | None:
        """The chart file a URL path names, if it is one of this folder's and exists."""
        prefix = f"{self.url_prefix}/{CHART_DIR}/"
        name = path.removeprefix(prefix)
        if not path.startswith(prefix) or not CHART_NAME.fullmatch(name):
            return None
        candidate = self.root / CHART_DIR / name
        return candidate if candidate.is_file() else None


@dataclass(frozen=True)
class ChartFile:
    """A drawn chart on disk: where it is, its address, its alt text and its content key."""

    path: Path
    url: str
    alt: str
    sha256: str

    @property
    def media_type(self) -> str:
        """The Content-Type to serve the file with."""
        return "image/svg+xml" if self.path.suffix == ".svg" else "image/png"


def chart_key(spec: ChartSpec, fmt: str = "svg") -> str:
    """SHA-256 of everything that decides the file's bytes: data, format and style."""
    content = {
        "spec": spec.as_dict(),
        "fmt": fmt,
        "renderer": renderer.RENDERER_VERSION,
        "palette": palette_fingerprint(),
        # A new matplotlib can draw the same spec differently.
        "matplotlib": MATPLOTLIB_VERSION,
    }
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def cached_chart(
    spec: ChartSpec,
    fmt: str = "svg",
    *,
    root: str | os.PathLike | None = None,
    url_prefix: str | None = None,
) -> ChartFile:
    """The chart's file, drawn only if no file for the same content exists yet."""
    if fmt not in renderer.FORMATS:
        raise ValueError(f"fmt must be one of {renderer.FORMATS}, not {fmt!r}")
    if root is None or url_prefix is None:
        from django.conf import settings

        root = settings.MEDIA_ROOT if root is None else root
        url_prefix = settings.MEDIA_URL if url_prefix is None else url_prefix
    key = chart_key(spec, fmt)
    name = f"{key}.{fmt}"
    path = Path(root) / CHART_DIR / name
    if not path.exists():
        _write_atomically(path, renderer.render(spec, fmt))
    url = f"{url_prefix.rstrip('/')}/{CHART_DIR}/{name}"
    return ChartFile(path=path, url=url, alt=alt_text(spec), sha256=key)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write the bytes to path so that no reader ever sees a partial file."""
    # Readers (a browser, WeasyPrint) must never see half a file: write a temporary file in
    # the same directory, then rename it into place, which is atomic on one filesystem. Two
    # workers drawing the same chart at once each rename a complete, identical file.
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private; the web server must be able to read it.
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
