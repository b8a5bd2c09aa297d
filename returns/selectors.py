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


# How many financial years back the returns list offers, besides any with a return: enough
# for a council new to the product to enter the history its reports compare with.
YEARS_BACK = 10


def council_returns(authority: Authority) -> dict[tuple[int, int], QuarterlyReturn]:
    """The council's returns by (start year, quarter), in one query."""
    return {
        (r.period.start_year, r.period.number): r
        for r in QuarterlyReturn.objects.filter(authority=authority).select_related("period")
    }


def offered_years(returns: dict[tuple[int, int], QuarterlyReturn]) -> list[int]:
    """The financial years (by the calendar year they start in) whose quarters the returns
    list can show, newest first: this one, the ten before it, and any year with a return."""
    this_year = financial_year_of(timezone.localdate())
    started = {start_year for start_year, _ in returns}
    return sorted(set(range(this_year - YEARS_BACK, this_year + 1)) | started, reverse=True)


def council_quarters(
    returns: dict[tuple[int, int], QuarterlyReturn], year: int | None = None
) -> list[tuple[Period, QuarterlyReturn | None]]:
    """The chosen financial year's quarters (this one's by default) and every quarter with a
    return, newest first, each with its return (None where none is started)."""
    if year is None:
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
