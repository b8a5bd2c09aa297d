"""Request-wide behaviour every page shares: a request id, one transaction per write.

A form post runs in one transaction, so a view that writes in several steps saves all of
them or none. A page that only reads runs without one: on SQLite every transaction takes
the database's write lock when it begins (``transaction_mode="IMMEDIATE"`` in settings), and
a read must not queue behind a write, nor hold up one. Taking the lock at the start is what
turns two saves at the same moment into one after the other, so the second is refused with
the product's own message ("saved after you opened it") instead of "database is locked".

This replaces Django's ``ATOMIC_REQUESTS``, which wraps every view whatever its method.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from django.db import transaction

from .logs import request_id

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
GIVEN_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
requests_log = logging.getLogger("scrutiny.requests")


class RequestIdMiddleware:
    """Gives each request an id (a proxy's ``X-Request-ID`` if it looks like one), puts it on
    every log line written meanwhile and on the response, and logs the request when done."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.id = given if GIVEN_ID.fullmatch(given) else uuid.uuid4().hex
        token = request_id.set(request.id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            user = getattr(request, "user", None)
            requests_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    "user_id": getattr(user, "pk", None),
                },
            )
            return response
        finally:
            request_id.reset(token)


class AtomicWritesMiddleware:
    """Runs the view of a POST, PUT, PATCH or DELETE in one transaction; reads in none.

    It calls the view itself from ``process_view``, so it must come after every middleware
    that has a ``process_view`` of its own (CSRF above all); it is last in MIDDLEWARE.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS:
            return None
        with transaction.atomic():
            return view_func(request, *view_args, **view_kwargs)
