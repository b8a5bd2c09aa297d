"""The demo's message broker: kombu's filesystem transport, each message a file.

``make demo`` (scripts/demo.sh) runs a real Celery worker beside the web server with
``CELERY_BROKER_URL=filesystem://``, so a pack is built outside the request and its page
shows the progress bar move, with no Redis to install. Production sets a ``redis://`` URL.
"""

from __future__ import annotations

from pathlib import Path

# The web server writes each message into queue/ and the worker reads it from there.
QUEUE = "queue"
CONTROL = "control"  # which queues each exchange routes to


def filesystem_transport_options(folder: Path) -> dict[str, str]:
    """kombu's options for a filesystem broker under ``folder``, whose folders it makes
    (the transport expects them to exist)."""
    for name in (QUEUE, CONTROL):
        (folder / name).mkdir(parents=True, exist_ok=True)
    return {
        "data_folder_in": str(folder / QUEUE),
        "data_folder_out": str(folder / QUEUE),
        "control_folder": str(folder / CONTROL),
    }
