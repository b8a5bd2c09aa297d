"""Laid-out parts of packs, kept beside the packs' files under the hash of what made them.

A part's key is the SHA-256 of its HTML (which carries the print stylesheet inline), the
renderer's and WeasyPrint's versions, and the fonts it can use: the contents of every file
its stylesheet loads with ``url(...)`` (web fonts among them) and the list of the
machine's fonts with their sizes and dates, so a changed stylesheet or font file is a new
key whatever it is called. Beside each PDF, a small JSON file says how many pages it has
and on which page each anchor landed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import subprocess
from pathlib import Path

import weasyprint

from .documents import RENDERER_VERSION
from .fetcher import ProjectFileFetcher

CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@functools.lru_cache(maxsize=1)
def _system_fonts() -> str:
    try:
        listed = subprocess.run(
            ["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    lines = []
    for name in sorted(set(listed.splitlines())):
        try:
            stat = os.stat(name)
        except OSError:
            continue
        lines.append(f"{name} {stat.st_size} {stat.st_mtime_ns}")
    return "\n".join(lines)


def fonts_fingerprint(head: str) -> str:
    """A hash of the fonts a document with this head can use (see the module docstring)."""
    digest = hashlib.sha256(_system_fonts().encode())
    fetcher = ProjectFileFetcher()
    for url in sorted(set(CSS_URL.findall(head))):
        path = fetcher._local_path(url) if not url.startswith("data:") else None
        digest.update(url.encode())
        if path is not None:
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(html: str, fonts: str) -> str:
    digest = hashlib.sha256(f"{RENDERER_VERSION}|{weasyprint.__version__}|{fonts}|".encode())
    digest.update(html.encode())
    return digest.hexdigest()


def path_for(directory: Path, key: str) -> Path:
    return directory / f"{key}.pdf"


def load(directory: Path, key: str) -> dict | None:
    """What is known of a kept part, or None when it must be laid out."""
    pdf, info = path_for(directory, key), directory / f"{key}.json"
    if not (pdf.is_file() and info.is_file()):
        return None
    try:
        return json.loads(info.read_text())
    except (OSError, ValueError):
        return None


def store(directory: Path, key: str, temporary: Path, entry: dict) -> None:
    """Move a finished part into place, its JSON last (a part is kept once both are)."""
    directory.mkdir(parents=True, exist_ok=True)
    os.replace(temporary, path_for(directory, key))
    info = directory / f"{key}.json"
    staged = info.with_name(f".{info.name}.{os.getpid()}")
    staged.write_text(json.dumps(entry))
    os.replace(staged, info)
