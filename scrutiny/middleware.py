"""Request-wide behaviour every page shares: a request id, the write lock, the idle clock.

Every request runs in one transaction (``ATOMIC_REQUESTS``). On SQLite a form post's
transaction takes the database's write lock when it begins (``BEGIN IMMEDIATE``), so the
second of two saves at the same moment waits for the first and then finds it has been
overtaken, and answers with the product's own message ("saved after you opened it") instead
of "database is locked". A page that only reads begins its transaction deferred, taking no
write lock: reads never queue behind one another, nor hold up a save.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.signals import user_logged_in
from django.db import DatabaseError, connection
from django.dispatch import receiver

from .logs import request_id

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
SEEN = "_seen_at"
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
            # Only if the page read it: loading the session for the log would cost queries.
            session = getattr(request, "session", None)
            user_id = session.get(SESSION_KEY) if session is not None and session.accessed else None
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
                    "user_id": user_id,
                },
            )
            return response
        finally:
            request_id.reset(token)


class WriteLockMiddleware:
    """Chooses, per request, how an SQLite request transaction begins: IMMEDIATE for a post,
    deferred for a read. It sets the connection's mode in ``process_view``, after the
    session and user are read and before the view's transaction begins. Elsewhere (tasks,
    commands) transactions begin as settings say: IMMEDIATE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if connection.vendor == "sqlite":
            try:
                connection.ensure_connection()  # connecting sets the mode from settings
            except DatabaseError:
                return None  # the view meets it itself: /healthz answers 503, not 500
            connection.transaction_mode = None if request.method in SAFE_METHODS else "IMMEDIATE"


class IdleSessionMiddleware:
    """Starts a signed-in session's idle clock again (``SESSION_COOKIE_AGE``) on each request,
    writing the session at most once every ``SESSION_REFRESH_SECONDS``, so pages do not each
    cost a write. Put after the session and authentication middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # A response that never asked who is signed in (a feed, a calendar) leaves the
        # session unread: reading it here would cost the queries that page saved.
        if session is not None and session.accessed and session.get(SESSION_KEY):
            now = time.time()
            if now - session.get(SEEN, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[SEEN] = now  # modified: saved with a new expiry on the way out
        return response


@receiver(user_logged_in)
def _start_idle_clock(sender, request, user, **kwargs):
    if hasattr(request, "session"):
        request.session[SEEN] = time.time()
