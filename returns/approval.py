"""Which periods' figures are still provisional: those of a quarter whose return is not yet
approved (or locked). Figures with no return behind them (history loaded, imported
statistics) are not provisional."""

from __future__ import annotations

import re

from django.db.models import Q

from scrutiny.models import Authority, Period

from .models import QuarterlyReturn

_QUARTER = re.compile(r"^(\d{4})-\d{2}-q([1-4])$")
_YEAR = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
UNAPPROVED = (QuarterlyReturn.Status.DRAFT, QuarterlyReturn.Status.SUBMITTED)


def quarters_of_choice(choice: str) -> Q | None:
    """The quarters a block's choice covers, when the choice names a period (a quarter's or
    a year's slug, a start year, a month); None when it names something else."""
    if match := _QUARTER.match(choice):
        return Q(period__start_year=int(match[1]), period__number=int(match[2]))
    found = Q()
    if (match := _YEAR.match(choice)) and (
        match[2] is None or (int(match[1]) + 1) % 100 == int(match[2])
    ):
        found |= Q(period__start_year=int(match[1]))
    if (match := _MONTH.match(choice)) and 1 <= int(match[2]) <= 12:
        year, month = int(match[1]), int(match[2])
        found |= Q(
            period__start_year=year if month >= 4 else year - 1,
            period__number=(month - 4) % 12 // 3 + 1,
        )
    return found or None


def unapproved_quarter(authority: Authority, key: str, choice: str) -> str:
    """The approval check the blocks registry asks at publication (see scrutiny.blocks)."""
    covered = quarters_of_choice(choice)
    if covered is None:
        return ""
    pending = (
        QuarterlyReturn.objects.filter(covered, authority=authority, status__in=UNAPPROVED)
        .filter(period__kind=Period.Kind.QUARTER)
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
