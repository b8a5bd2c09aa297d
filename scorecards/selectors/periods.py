"""The periods a figure is compared with, named by key so that a page need not query them."""

from __future__ import annotations

from scrutiny.models import Period

PeriodKey = tuple[str, int, int | None]


def previous_key(period: Period) -> PeriodKey:
    """The period before (quarter, month or year) as (kind, start_year, number), without a query.

    ``Period.previous`` would create the row if it is missing; a page must not write.
    """
    kind, year, number = period.kind, period.start_year, period.number
    if kind == Period.Kind.YEAR:
        return kind, year - 1, None
    if kind == Period.Kind.QUARTER:
        return (kind, year - 1, 4) if number == 1 else (kind, year, number - 1)
    # Months run April (4) to March (3) within a financial year.
    if number == 4:
        return kind, year - 1, 3
    return kind, year, 12 if number == 1 else number - 1


def last_year_key(period: Period) -> PeriodKey:
    """The same period a year earlier, as (kind, start_year, number)."""
    return period.kind, period.start_year - 1, period.number


def keys_for(key: PeriodKey) -> tuple[PeriodKey, ...]:
    """The keys a figure for ``key`` may be stored under: a quarter's own, then its last
    month's (history is often stored against a month: Slough's staffing at March 2015)."""
    kind, year, number = key
    if kind == Period.Kind.QUARTER:
        return key, (Period.Kind.MONTH, year, Period.quarter_end_month(number))
    return (key,)


def period_key(period: Period) -> PeriodKey:
    """A period as (kind, start_year, number), to match against ``previous_key`` and others."""
    return period.kind, period.start_year, period.number


def key_label(key: PeriodKey) -> str:
    """A period's label from its key, for a period that may have no row."""
    kind, year, number = key
    start, end = Period.bounds(kind, year, number)
    return Period(kind=kind, start_year=year, number=number, start=start, end=end).label
