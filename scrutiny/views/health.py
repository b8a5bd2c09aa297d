"""The load balancer's question: can this instance answer? Checks the database and broker.

``GET /healthz`` answers 200 with what it checked, or 503 naming what failed, in JSON. It
reads nothing of any council's and needs no sign-in; it is exempt from the HTTPS redirect so
a balancer may ask over plain HTTP inside the network.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import connection, transaction
from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View

logger = logging.getLogger(__name__)


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_broker() -> str:
    """The broker answers a connection, or "in-process" when there is none (the demo)."""
    if not settings.CELERY_BROKER_URL:
        return "in-process"
    from kombu import Connection

    with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as broker:
        broker.ensure_connection(max_retries=1, timeout=2)
    return "ok"


# Outside the request's transaction (ATOMIC_REQUESTS): opening one would need the database
# before the check could say it is down, and answer 500 instead of 503.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class HealthView(View):
    """Each check's result, and the names of those that failed under "down"; 503 if any did."""

    http_method_names = ["get", "head"]
    checks = {"database": check_database, "broker": check_broker}

    def get(self, request):
        results, down = {}, []
        for name, check in self.checks.items():
            try:
                results[name] = check()
            except Exception as error:  # any failure is the answer, not a 500
                logger.warning("health check %s failed: %s", name, error)
                results[name] = f"failed: {type(error).__name__}"
                down.append(name)
        response = JsonResponse(
            {"status": "failed" if down else "ok", **results, "down": down},
            status=503 if down else 200,
        )
        response["Cache-Control"] = "no-store"
        return response
