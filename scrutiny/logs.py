"""Structured logs: one JSON object a line, each carrying the id of the request it belongs to.

``RequestIdMiddleware`` (scrutiny.middleware) sets the id for the length of a request: the
``X-Request-ID`` a proxy sent, if it looks like one, or a new one; the response carries it
back, so a user's report of an error can be found in the logs. ``LOG_FORMAT=text`` gives
plain lines instead (the demo's default, with DEBUG on).
"""

from __future__ import annotations

import contextvars
import json
import logging
from datetime import UTC, datetime

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record as ``request_id``."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """A record as one line of JSON: time, level, logger, message, request id, and any
    exception with its traceback."""

    FIELDS = ("method", "path", "status", "duration_ms", "user_id")

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        entry.update({k: getattr(record, k) for k in self.FIELDS if hasattr(record, k)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
