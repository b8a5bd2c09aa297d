"""Working days in England and the statutory clock for publishing committee papers.

The Local Government Act 1972 (Part VA, s.100B) opens agendas and reports to the public at
least five clear working days before the meeting. "Clear" days leave out the day of
publication and the day of the meeting; weekends and bank holidays in England are not
working days. Bank holidays come from the ``holidays`` package (England subdivision), which
carries the one-off days too (the 2022 state funeral, the 2023 coronation).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

import holidays

CLEAR_DAYS_REQUIRED = 5


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> Mapping[dt.date, str]:
    """The year's bank holidays in England by date, read-only: the package's own calendar
    would add another year to itself, in the cache, whenever asked about one."""
    return MappingProxyType(dict(holidays.country_holidays("GB", subdiv="ENG", years=year)))


def bank_holiday_name(day: dt.date) -> str:
    """The bank holiday's name, or "" when the day is not one in England."""
    return _bank_holidays(day.year).get(day, "")


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday, and not a bank holiday in England."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def clear_working_days(published: dt.date, meeting: dt.date) -> int:
    """Working days strictly between publication and the meeting; 0 if not before it."""
    count = 0
    day = published + dt.timedelta(days=1)
    while day < meeting:
        count += is_working_day(day)
        day += dt.timedelta(days=1)
    return count


def latest_publication_date(meeting: dt.date, clear_days: int = CLEAR_DAYS_REQUIRED) -> dt.date:
    """The last day papers can be published and still leave ``clear_days`` before the meeting.

    Walk back from the day before the meeting until enough working days are behind us; the
    day before the earliest of them is the deadline (it may itself be a weekend: publishing
    on a Saturday still leaves the following working days clear).
    """
    day = meeting
    found = 0
    while found < clear_days:
        day -= dt.timedelta(days=1)
        found += is_working_day(day)
    return day - dt.timedelta(days=1)


def too_late(today: dt.date, meeting: dt.date) -> str:
    """Why papers published today would be late for the meeting ("" if they are in time):
    the one rule the agenda and every report are held to."""
    clear = clear_working_days(today, meeting)
    if clear >= CLEAR_DAYS_REQUIRED:
        return ""
    deadline = latest_publication_date(meeting)
    return (
        f"Too late for the meeting on {meeting:%-d %B %Y}: papers must be published at "
        f"least {CLEAR_DAYS_REQUIRED} clear working days before it, by {deadline:%-d %B %Y}, "
        f"and only {clear} remain."
    )
