"""Chart files under MEDIA_ROOT/charts/, named by their content, so none is drawn twice."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from . import renderer
from .describe import alt_text
from .palette import palette_fingerprint
from .specs import ChartSpec

CHART_DIR = "charts"
# Read from the installed package's metadata, once: importing matplotlib to ask costs
# tens of MiB in processes that never draw (see renderer).
MATPLOTLIB_VERSION = version("matplotlib")


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
