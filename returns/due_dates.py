"""When each quarter's return is due: a council-wide rule ("due N days after the quarter
ends", 30 unless the council says otherwise) and, for any quarter, a date the council sets
instead. ``due_dates`` is the one place a due date is worked out; the work list, the
reminder email and the set-up page all ask it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction

from scrutiny.models import Authority, Period, financial_year_of

DEFAULT_DAYS_AFTER_QUARTER = 30
MAX_DAYS_AFTER_QUARTER = 365

Quarter = tuple[int, int]  # (financial year's start year, quarter number)


class ReturnSchedule(models.Model):
    """A council's rule for when its quarterly returns are due."""

    authority = models.OneToOneField(
        Authority, on_delete=models.CASCADE, related_name="return_schedule"
    )
    days_after_quarter = models.PositiveSmallIntegerField(
        "Days after the quarter ends",
        default=DEFAULT_DAYS_AFTER_QUARTER,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DAYS_AFTER_QUARTER)],
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(days_after_quarter__gte=1)
                & models.Q(days_after_quarter__lte=MAX_DAYS_AFTER_QUARTER),
                name="return_due_days_in_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.authority.short_name}: due {self.days_after_quarter} days after"


class QuarterDueDate(models.Model):
    """A council's own due date for one quarter's return, in place of its rule."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="return_due_dates"
    )
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    due = models.DateField()

    class Meta:
        ordering = ["authority", "period__start"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "period"], name="one_due_date_a_quarter")
        ]

    def __str__(self) -> str:
        return f"{self.authority.short_name}, {self.period}: due {self.due:%-d %B %Y}"


def quarter_end(quarter: Quarter) -> dt.date:
    return Period.bounds(Period.Kind.QUARTER, *quarter)[1]


def default_due(quarter: Quarter, days: int) -> dt.date:
    return quarter_end(quarter) + dt.timedelta(days=days)


def quarter_in_hand(today: dt.date) -> Quarter:
    """The quarter whose return is being entered now: the last one to have ended."""
    return previous_quarter((financial_year_of(today), (today.month - 4) % 12 // 3 + 1))


def previous_quarter(quarter: Quarter) -> Quarter:
    start_year, number = quarter
    return (start_year - 1, 4) if number == 1 else (start_year, number - 1)


def next_quarter(quarter: Quarter) -> Quarter:
    start_year, number = quarter
    return (start_year + 1, 1) if number == 4 else (start_year, number + 1)


class DueDates:
    """The due dates of some councils' quarters, read in two queries whatever is asked."""

    def __init__(self, authority_ids: Iterable[int]) -> None:
        ids = list(authority_ids)
        self.days = dict(
            ReturnSchedule.objects.filter(authority_id__in=ids).values_list(
                "authority_id", "days_after_quarter"
            )
        )
        rows = QuarterDueDate.objects.filter(authority_id__in=ids).values_list(
            "authority_id", "period__start_year", "period__number", "due"
        )
        self.overrides = {(a, (y, n)): due for a, y, n, due in rows}

    def rule(self, authority_id: int) -> int:
        return self.days.get(authority_id, DEFAULT_DAYS_AFTER_QUARTER)

    def due(self, authority_id: int, quarter: Quarter) -> dt.date:
        found = self.overrides.get((authority_id, quarter))
        return found or default_due(quarter, self.rule(authority_id))


def due_dates(authority_ids: Iterable[int]) -> DueDates:
    return DueDates(authority_ids)


@transaction.atomic
def save_due_dates(authority, days: int, overrides: dict[tuple[int, int], dt.date | None]):
    """The council's rule, and each quarter's own date (an empty one goes back to the rule)."""
    ReturnSchedule.objects.update_or_create(
        authority=authority, defaults={"days_after_quarter": days}
    )
    for quarter, due in overrides.items():
        period = Period.quarter(*quarter)
        if due is None:
            QuarterDueDate.objects.filter(authority=authority, period=period).delete()
        else:
            QuarterDueDate.objects.update_or_create(
                authority=authority, period=period, defaults={"due": due}
            )
