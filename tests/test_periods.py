"""Reporting periods: financial years run April to March; Q1 is April to June."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from scrutiny.models import Period, financial_year_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "year"),
    [(dt.date(2015, 3, 31), 2014), (dt.date(2015, 4, 1), 2015), (dt.date(2016, 1, 1), 2015)],
)
def test_it_places_a_day_in_its_financial_year(day, year):
    assert financial_year_of(day) == year


def test_a_financial_year_runs_april_to_march():
    year = Period.year(2014)
    assert (year.start, year.end) == (dt.date(2014, 4, 1), dt.date(2015, 3, 31))
    assert year.label == "2014/15"


@pytest.mark.parametrize(
    ("number", "start", "end"),
    [
        (1, dt.date(2014, 4, 1), dt.date(2014, 6, 30)),
        (2, dt.date(2014, 7, 1), dt.date(2014, 9, 30)),
        (3, dt.date(2014, 10, 1), dt.date(2014, 12, 31)),
        (4, dt.date(2015, 1, 1), dt.date(2015, 3, 31)),
    ],
)
def test_quarters_follow_the_financial_year(number, start, end):
    quarter = Period.quarter(2014, number)
    assert (quarter.start, quarter.end) == (start, end)
    assert quarter.label == f"Q{number} 2014/15"


def test_a_day_belongs_to_the_quarter_that_contains_it():
    assert Period.containing(dt.date(2015, 3, 31)) == Period.quarter(2014, 4)
    assert Period.containing(dt.date(2015, 4, 1)) == Period.quarter(2015, 1)
    assert Period.containing(dt.date(2015, 2, 10), Period.Kind.MONTH).label == "February 2015"


def test_it_steps_back_across_the_year_end():
    assert Period.quarter(2015, 1).previous() == Period.quarter(2014, 4)
    assert Period.month(2015, 1).previous() == Period.month(2014, 12)
    assert Period.quarter(2015, 3).same_period_last_year() == Period.quarter(2014, 3)


def test_a_leap_february_ends_on_the_29th():
    assert Period.month(2016, 2).end == dt.date(2016, 2, 29)


def test_it_returns_the_same_row_when_asked_twice():
    assert Period.quarter(2014, 2).pk == Period.quarter(2014, 2).pk
    assert Period.objects.filter(kind="quarter", start_year=2014, number=2).count() == 1


def test_the_database_refuses_a_fifth_quarter():
    with pytest.raises(IntegrityError), transaction.atomic():
        Period.objects.create(
            kind="quarter",
            start_year=2014,
            number=5,
            start=dt.date(2015, 4, 1),
            end=dt.date(2015, 6, 30),
        )


def test_the_database_refuses_a_second_row_for_one_year():
    Period.year(2014)
    with pytest.raises(IntegrityError), transaction.atomic():
        Period.objects.create(
            kind="year", start_year=2014, start=dt.date(2014, 4, 1), end=dt.date(2015, 3, 31)
        )
