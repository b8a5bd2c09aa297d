"""The page a locked-out sign-in gets (django-axes calls ``locked_out``; see settings)."""

from __future__ import annotations

from axes.helpers import get_client_ip_address, get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.shortcuts import render
from django.utils import timezone


def try_again_at(request, credentials) -> timezone.datetime:
    """When the lock-out of this username from this address ends: the cooling-off period
    after its latest failed attempt."""
    latest = (
        AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=get_client_ip_address(request),
        )
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    )
    return (latest or timezone.now()) + get_cool_off(request)


def locked_out(request, original_response=None, credentials=None):
    """Too many wrong passwords: say so, and when to try again (status 429)."""
    at = timezone.localtime(try_again_at(request, credentials))
    minutes = max(1, round((at - timezone.now()).total_seconds() / 60))
    return render(
        request,
        "registration/locked_out.html",
        {"try_again_at": at, "minutes": minutes},
        status=429,
    )
