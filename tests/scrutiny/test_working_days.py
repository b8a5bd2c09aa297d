"""The publication clock: five clear working days, in England, across weekends and holidays."""

import datetime as dt

import holidays
import pytest

from scrutiny import working_days
from scrutiny.working_days import (
    bank_holiday_name,
    clear_working_days,
    is_working_day,
    latest_publication_date,
)

D = dt.date


def test_weekends_are_not_working_days():
    assert is_working_day(D(2015, 7, 17))  # Friday
    assert not is_working_day(D(2015, 7, 18))
    assert not is_working_day(D(2015, 7, 19))


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2015, 12, 28), "Boxing Day (observed)"),  # Boxing Day 2015 fell on a Saturday
        (D(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        (D(2023, 5, 8), "Coronation of Charles III"),
        (D(2026, 8, 31), "Late Summer Bank Holiday"),
    ],
)
def test_bank_holidays_in_england_are_not_working_days(day, name):
    assert not is_working_day(day)
    assert bank_holiday_name(day) == name


def test_scottish_only_holidays_are_working_days_in_england():
    # 2 January is a bank holiday in Scotland, not England (2026: a Friday).
    assert is_working_day(D(2026, 1, 2))
    # The first Monday of August is Scotland's summer holiday; England's is the last.
    assert is_working_day(D(2026, 8, 3))


def test_a_tuesday_meeting_needs_papers_out_on_the_monday_a_week_before():
    # 21 July 2015 (seed 001): the clear days are Tue 14 to Mon 20 July.
    meeting = D(2015, 7, 21)
    assert latest_publication_date(meeting) == D(2015, 7, 13)
    assert clear_working_days(D(2015, 7, 13), meeting) == 5
    assert clear_working_days(D(2015, 7, 14), meeting) == 4


def test_neither_the_publication_day_nor_the_meeting_day_counts():
    # Mon to the next Mon: Tue-Fri clear, the weekend not, the meeting day not.
    assert clear_working_days(D(2026, 11, 2), D(2026, 11, 9)) == 4
    assert clear_working_days(D(2026, 11, 9), D(2026, 11, 9)) == 0
    assert clear_working_days(D(2026, 11, 10), D(2026, 11, 9)) == 0


def test_a_deadline_can_fall_on_a_weekend():
    # Meeting Mon 16 Nov 2026: clear days Mon 9 to Fri 13; publishing on Sun 8 is in time.
    assert latest_publication_date(D(2026, 11, 16)) == D(2026, 11, 8)
    assert clear_working_days(D(2026, 11, 7), D(2026, 11, 16)) == 5


def test_christmas_and_new_year_push_the_deadline_back_across_the_year_end():
    # Meeting Tue 5 Jan 2027. Working days before it: Mon 4 Jan, Thu 31 Dec, Wed 30,
    # Tue 29 Dec (Fri 1 Jan, Mon 27 and Tue 28 Dec 2026 are holidays), Thu 24 Dec.
    meeting = D(2027, 1, 5)
    assert latest_publication_date(meeting) == D(2026, 12, 23)
    assert clear_working_days(D(2026, 12, 23), meeting) == 5
    assert clear_working_days(D(2026, 12, 24), meeting) == 4


def test_easter_counts_neither_good_friday_nor_easter_monday():
    # Meeting Thu 9 Apr 2026: Wed 8, Tue 7, (Mon 6 Easter Monday), (Fri 3 Good Friday),
    # Thu 2, Wed 1, Tue 31 Mar.
    assert latest_publication_date(D(2026, 4, 9)) == D(2026, 3, 30)


def test_the_deadline_is_exactly_the_last_day_that_leaves_five_clear_days():
    start = D(2014, 1, 1)
    for offset in range(0, 365 * 3, 7):
        meeting = start + dt.timedelta(days=offset)
        deadline = latest_publication_date(meeting)
        assert clear_working_days(deadline, meeting) >= 5
        assert clear_working_days(deadline + dt.timedelta(days=1), meeting) < 5


def test_a_years_calendar_is_built_once_for_names_and_working_days(monkeypatch):
    built = []
    real = holidays.country_holidays

    def counting(*args, **kwargs):
        built.append(kwargs["years"])
        return real(*args, **kwargs)

    working_days._bank_holidays.cache_clear()
    monkeypatch.setattr(holidays, "country_holidays", counting)
    assert bank_holiday_name(D(2031, 12, 25)) == "Christmas Day"
    assert bank_holiday_name(D(2031, 12, 26)) == "Boxing Day"
    assert bank_holiday_name(D(2031, 12, 24)) == ""
    assert not is_working_day(D(2031, 12, 25))
    assert built == [2031]
