"""A derived figure: its value, the counts and stored rows it came from, and its notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Model

from scrutiny.formatting import figure
from scrutiny.models import Period
from workforce.models import Basis

from .printed import _share_note, printed_differs


@dataclass(frozen=True)
class SourceRow:
    """A stored row a derived figure was computed from."""

    model: str
    pk: int
    label: str

    @classmethod
    def of(cls, row: Model) -> SourceRow:
        return cls(model=row._meta.label, pk=row.pk, label=str(row))


@dataclass(frozen=True)
class DerivedValue:
    """One indicator's figure for a council and period, computed from stored counts."""

    indicator_code: str
    period: Period
    numerator: Decimal
    denominator: Decimal
    value: Decimal
    basis: str
    source: str
    source_rows: tuple[SourceRow, ...]
    as_at: dt.date | None = None
    breakdown: str = ""
    printed: Decimal | None = None
    differs_from_printed: str = ""
    cautions: tuple[str, ...] = ()


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _basis_label(basis: str) -> str:
    return "FTE" if basis == Basis.FTE else "Headcount"


def _join_sources(rows: Iterable[Model]) -> str:
    sources = list(dict.fromkeys(row.source for row in rows if getattr(row, "source", "")))
    text = "; ".join(sources)
    return text if len(text) <= 300 else text[:299] + "…"


def _clip(text: str, length: int = 200) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _value(
    *,
    code: str,
    period: Period,
    numerator: Decimal,
    denominator: Decimal,
    value: Decimal,
    percent: bool,
    printed: Decimal | None = None,
    printed_what: str = "",
    **fields,
) -> DerivedValue:
    note = ""
    exact = numerator * (100 if percent else 1) / denominator
    if printed_differs(exact, printed):
        if percent:
            note = _share_note(printed, numerator, denominator, f"{value:f}", printed_what)
        else:
            note = (
                f"The paper printed {figure(printed)}, but {figure(numerator)}"
                f" / {figure(denominator)} is {value:f}."
            )
    return DerivedValue(
        indicator_code=code,
        period=period,
        numerator=numerator,
        denominator=denominator,
        value=value,
        printed=printed,
        differs_from_printed=note,
        **fields,
    )
