"""Which periods' figures are still provisional: those of a quarter whose return is not yet
approved (or locked). Figures with no return behind them (history loaded, imported
statistics) are not provisional."""

from __future__ import annotations

import datetime as dt

from scrutiny.models import Authority, Period

from .models import QuarterlyReturn

UNAPPROVED = (QuarterlyReturn.Status.DRAFT, QuarterlyReturn.Status.SUBMITTED)


def unapproved_quarter(authority: Authority, first: dt.date, last: dt.date) -> str:
    """The approval check the blocks registry asks at publication (see scrutiny.blocks):
    the earliest quarter overlapping ``first``..``last`` whose return is not yet approved."""
    pending = (
        QuarterlyReturn.objects.filter(
            authority=authority,
            status__in=UNAPPROVED,
            period__kind=Period.Kind.QUARTER,
            period__start__lte=last,
            period__end__gte=first,
        )
        .select_related("period")
        .order_by("period__start")
        .first()
    )
    if pending is None:
        return ""
    return (
        f"its figures for {pending.period} are provisional: that quarter's return is "
        f"{pending.get_status_display().lower()}, not yet approved"
    )
