"""Writes for scorecards: derived figures stored as indicator values."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from scrutiny.models import Authority, Period
from workforce.models import Caseload, StaffingFigure, TrainingCoverage

from .derived import DerivedValue, derived_values
from .models import Indicator, IndicatorValue


def _fields(value: DerivedValue) -> dict:
    return {
        "numerator": value.numerator,
        "denominator": value.denominator,
        # The printed figure sits beside the counts so a page can flag the difference;
        # ``IndicatorValue.value`` prefers the computed one.
        "reported_value": value.printed,
        "as_at": value.as_at,
        "basis": value.basis,
        "source": value.source,
        "is_illustrative": False,
    }


@transaction.atomic
def derived_values_store(*, authority: Authority, period: Period) -> list[IndicatorValue]:
    """Store the period's derived figures as indicator values; return the rows now holding them.

    Safe to run again: a row already holding the same figures is not saved (so no history
    is written). A value reported without counts (Wokingham's turnover of 14%) is left as it
    is, and so is a figure whose indicator is not in the catalogue, or is another council's
    local measure. Commentary an officer wrote on a derived row is kept.
    """
    derived = derived_values(authority=authority, period=period)
    indicators = Indicator.objects.filter(
        Q(owner__isnull=True) | Q(owner=authority),
        code__in={value.indicator_code for value in derived},
    ).in_bulk(field_name="code")
    existing = {
        row.indicator_id: row
        for row in IndicatorValue.objects.filter(
            authority=authority, period=period, indicator__in=indicators.values()
        )
    }
    stored = []
    for value in derived:
        indicator = indicators.get(value.indicator_code)
        if indicator is None:
            continue
        fields = _fields(value)
        row = existing.get(indicator.pk)
        if row is None:
            row = IndicatorValue.objects.create(
                indicator=indicator, authority=authority, period=period, **fields
            )
        elif row.numerator is None or row.denominator is None:
            continue
        elif any(getattr(row, name) != new for name, new in fields.items()):
            for name, new in fields.items():
                setattr(row, name, new)
            row.save(update_fields=list(fields))
        stored.append(row)
    return stored


def derived_periods(*, authority: Authority) -> list[Period]:
    """The periods in which the council has stored counts a figure could be derived from.

    Training coverage has a date but no period: it counts in the month of its date, which
    is created here if no other figure has used it yet.
    """
    ids = set(StaffingFigure.objects.filter(authority=authority).values_list("period", flat=True))
    ids |= set(Caseload.objects.filter(authority=authority).values_list("period", flat=True))
    periods = set(Period.objects.filter(pk__in=ids))
    days = TrainingCoverage.objects.filter(
        authority=authority, staff_trained__isnull=False, staff_in_scope__isnull=False
    ).values_list("as_at", flat=True)
    periods |= {Period.month(day.year, day.month) for day in set(days)}
    return sorted(periods, key=lambda p: (p.start, -p.end.toordinal()))


def derived_values_store_all(*, authority: Authority) -> list[IndicatorValue]:
    """``derived_values_store`` for every period with stored counts."""
    return [
        row
        for period in derived_periods(authority=authority)
        for row in derived_values_store(authority=authority, period=period)
    ]
