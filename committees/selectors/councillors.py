"""Councillors and their seats, as anyone may read them."""

from __future__ import annotations

from django.db.models import QuerySet

from committees.models import CommitteeMembership, Councillor


def councillors_of(authority) -> QuerySet[Councillor]:
    """The council's councillors, by name."""
    return (
        Councillor.objects.filter(authority=authority).select_related("authority").order_by("name")
    )


def councillor_seats(councillor: Councillor) -> list[CommitteeMembership]:
    """Every seat the councillor has held, current first, with its committee and term."""
    seats = councillor.memberships.select_related("committee__authority").order_by(
        "end_date", "-start_date", "committee__name"
    )
    return sorted(seats, key=lambda seat: seat.end_date is not None)
