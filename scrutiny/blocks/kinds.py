"""What every app's block kinds share: dates and years in words, and where a kind's choices
are read from. An app lists its kinds in its own ``blocks.py`` and registers them from its
``AppConfig.ready()`` with ``scrutiny.blocks.registry.register_kinds``."""

from __future__ import annotations

import datetime as dt
import functools

from django.db.models import Model, QuerySet

from scrutiny.models import Authority, Period

from .registry import Rows


def long_date(value: dt.date) -> str:
    """A date as a paper prints it: 31 March 2015."""
    return f"{value:%-d %B %Y}"


@functools.cache
def of_council(model: type[Model], **filters) -> Rows:
    """The model's rows for a council: where a kind's choices are read from. One function per
    model and filters, so kinds that read the same rows share a source."""

    def rows(authority: Authority) -> QuerySet:
        return model.objects.filter(authority=authority, **filters)

    return rows


def financial_years(years) -> list[tuple[str, str]]:
    """Choices of financial year, latest first, from the years they start in: 2014/15."""
    return [(str(y), f"{y}/{(y + 1) % 100:02d}") for y in sorted(set(years), reverse=True)]


def year_span(authority: Authority, choice: str) -> tuple[dt.date, dt.date]:
    """The dates of a financial year chosen from ``financial_years``."""
    return Period.bounds(Period.Kind.YEAR, int(choice), None)


def period_span(authority: Authority, choice: str) -> tuple[dt.date, dt.date]:
    """The dates of a period chosen from ``periods_of`` (by its id)."""
    period = Period.objects.get(pk=int(choice))
    return period.start, period.end


def date_span(authority: Authority, choice: str) -> tuple[dt.date, dt.date]:
    """A snapshot date (ISO), or a span of two (``first/last``)."""
    first, _, last = choice.partition("/")
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last or first)


def periods_of(rows) -> list[tuple[str, str]]:
    """Choices of the periods the rows are for, latest first."""
    periods = Period.objects.filter(pk__in=rows.values("period")).order_by("-end", "-start")
    return [(str(p.pk), p.label) for p in periods]
