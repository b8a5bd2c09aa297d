"""Reporting periods shared by every app: financial years (April-March), quarters, months."""

from __future__ import annotations

import calendar
import datetime as dt

from django.db import models
from django.db.models import Q


def financial_year_of(day: dt.date) -> int:
    """The calendar year in which the financial year containing ``day`` starts."""
    return day.year if day.month >= 4 else day.year - 1


class Period(models.Model):
    """A reporting period: a financial year, one of its quarters (Q1 = April-June), or a month."""

    class Kind(models.TextChoices):
        YEAR = "year", "Financial year"
        QUARTER = "quarter", "Quarter"
        MONTH = "month", "Month"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    start_year = models.PositiveSmallIntegerField(
        help_text="Calendar year in which the financial year starts (2014 for 2014/15)."
    )
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Quarter 1-4, or calendar month 1-12; empty for a year."
    )
    start = models.DateField()
    end = models.DateField()

    class Meta:
        ordering = ["start", "-end"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "start_year", "number"], name="period_unique"),
            models.UniqueConstraint(
                fields=["start_year"], condition=Q(kind="year"), name="period_one_year_row"
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="year", number__isnull=True)
                    | Q(kind="quarter", number__isnull=False, number__gte=1, number__lte=4)
                    | Q(kind="month", number__isnull=False, number__gte=1, number__lte=12)
                ),
                name="period_number_fits_kind",
            ),
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="period_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def begun_by(self, day: dt.date | None) -> bool:
        """Whether the period had begun on ``day``, so a figure for it (to date, as officers
        quote a year still running) could be known then: what a history built as at that
        date may show. Every period counts when ``day`` is None."""
        return day is None or self.start <= day

    # Construction -------------------------------------------------------------------------
    @staticmethod
    def bounds(kind: str, start_year: int, number: int | None) -> tuple[dt.date, dt.date]:
        if kind == Period.Kind.YEAR:
            return dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31)
        if kind == Period.Kind.QUARTER:
            first_month = 4 + 3 * (number - 1)
            year = start_year + (first_month - 1) // 12
            month = (first_month - 1) % 12 + 1
            last_month = month + 2
            return dt.date(year, month, 1), dt.date(
                year, last_month, calendar.monthrange(year, last_month)[1]
            )
        year = start_year if number >= 4 else start_year + 1
        return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])

    @staticmethod
    def quarter_end_month(number: int) -> int:
        """The calendar month a quarter ends in: Q1 June, Q2 September, Q3 December, Q4 March."""
        return (3 * number + 2) % 12 + 1

    @classmethod
    def get(cls, kind: str, start_year: int, number: int | None = None) -> Period:
        start, end = cls.bounds(kind, start_year, number)
        period, _ = cls.objects.get_or_create(
            kind=kind, start_year=start_year, number=number, defaults={"start": start, "end": end}
        )
        return period

    @classmethod
    def year(cls, start_year: int) -> Period:
        return cls.get(cls.Kind.YEAR, start_year)

    @classmethod
    def quarter(cls, start_year: int, number: int) -> Period:
        return cls.get(cls.Kind.QUARTER, start_year, number)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls.get(cls.Kind.MONTH, financial_year_of(dt.date(year, month, 1)), month)

    @classmethod
    def containing(cls, day: dt.date, kind: str = Kind.QUARTER) -> Period:
        fy = financial_year_of(day)
        if kind == cls.Kind.YEAR:
            return cls.year(fy)
        if kind == cls.Kind.QUARTER:
            return cls.quarter(fy, (day.month - 4) % 12 // 3 + 1)
        return cls.month(day.year, day.month)

    # Presentation and navigation ------------------------------------------------------------
    @property
    def year_label(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def label(self) -> str:
        if self.kind == self.Kind.YEAR:
            return self.year_label
        if self.kind == self.Kind.QUARTER:
            return f"Q{self.number} {self.year_label}"
        return self.start.strftime("%B %Y")

    @property
    def long_label(self) -> str:
        if self.kind == self.Kind.QUARTER:
            return f"Q{self.number} {self.year_label} ({self.start:%B} to {self.end:%B %Y})"
        if self.kind == self.Kind.YEAR:
            return f"{self.year_label} (April {self.start_year} to March {self.start_year + 1})"
        return self.label

    @property
    def slug(self) -> str:
        if self.kind == self.Kind.YEAR:
            return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"
        if self.kind == self.Kind.QUARTER:
            return f"{self.start_year}-{(self.start_year + 1) % 100:02d}-q{self.number}"
        return f"{self.start:%Y-%m}"

    def previous(self) -> Period:
        if self.kind == self.Kind.YEAR:
            return Period.year(self.start_year - 1)
        if self.kind == self.Kind.QUARTER:
            if self.number == 1:
                return Period.quarter(self.start_year - 1, 4)
            return Period.quarter(self.start_year, self.number - 1)
        prev = self.start - dt.timedelta(days=1)
        return Period.month(prev.year, prev.month)

    def same_period_last_year(self) -> Period:
        return Period.get(self.kind, self.start_year - 1, self.number)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end
