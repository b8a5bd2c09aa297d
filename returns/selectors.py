"""Reading a council's quarterly returns: its quarters, and one quarter's return."""

from __future__ import annotations

import re

from django.http import Http404
from django.utils import timezone

from scrutiny.models import Authority, Period, financial_year_of

from .models import QuarterlyReturn

QUARTER_SLUG = re.compile(r"^(\d{4})-(\d{2})-q([1-4])$")


def parse_quarter(slug: str) -> tuple[int, int]:
    """(start year, quarter) from a slug like 2014-15-q4; 404 for anything else."""
    match = QUARTER_SLUG.match(slug or "")
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        raise Http404("No such quarter.")
    return int(match[1]), int(match[3])


def unsaved_quarter(start_year: int, number: int) -> Period:
    start, end = Period.bounds(Period.Kind.QUARTER, start_year, number)
    return Period(
        kind=Period.Kind.QUARTER, start_year=start_year, number=number, start=start, end=end
    )


def council_quarters(authority: Authority) -> list[tuple[Period, QuarterlyReturn | None]]:
    """This financial year's quarters and every quarter with a return, newest first, each
    with its return (None where none is started)."""
    returns = {
        (r.period.start_year, r.period.number): r
        for r in QuarterlyReturn.objects.filter(authority=authority).select_related("period")
    }
    year = financial_year_of(timezone.localdate())
    wanted = {(year, n) for n in range(1, 5)} | set(returns)
    rows = []
    for start_year, number in sorted(wanted, reverse=True):
        found = returns.get((start_year, number))
        rows.append((found.period if found else unsaved_quarter(start_year, number), found))
    return rows


def quarter_return(authority: Authority, start_year: int, number: int) -> QuarterlyReturn:
    """The quarter's return, or an unsaved draft to show what it will hold before it starts."""
    quarterly_return = (
        QuarterlyReturn.objects.select_related("period", "submitted_by", "approved_by")
        .filter(
            authority=authority,
            period__kind=Period.Kind.QUARTER,
            period__start_year=start_year,
            period__number=number,
        )
        .first()
    )
    if quarterly_return is None:
        quarterly_return = QuarterlyReturn(
            period=unsaved_quarter(start_year, number), status=QuarterlyReturn.Status.DRAFT
        )
    quarterly_return.authority = authority
    return quarterly_return
