"""Average caseload: cases held over the FTE of the workers holding them."""

from __future__ import annotations

from decimal import Decimal

from scrutiny.models import Period
from workforce.models import Caseload

from .codes import AVERAGE_CASELOAD
from .formulas import DEFAULT_DECIMALS, average_caseload
from .value import DerivedValue, SourceRow, _clip, _join_sources, _value


def caseload_average(caseload: Caseload, *, decimals: int = 2) -> DerivedValue | None:
    """One team's or service's average caseload from its counts, against any average printed."""
    if caseload.cases_held is None or not caseload.case_holding_fte:
        return None
    cases, fte = Decimal(caseload.cases_held), caseload.case_holding_fte
    return _value(
        code=AVERAGE_CASELOAD,
        period=caseload.period,
        numerator=cases,
        denominator=fte,
        value=average_caseload(cases=cases, fte=fte, decimals=decimals),
        percent=False,
        printed=caseload.reported_average,
        as_at=caseload.as_at,
        breakdown=caseload.label,
        basis=_clip(f"Cases held / FTE of case-holding workers, {caseload.label}"),
        source=_join_sources([caseload]),
        source_rows=(SourceRow.of(caseload),),
    )


def _caseload_values(
    rows: list[Caseload], period: Period, decimals: dict[str, int]
) -> list[DerivedValue]:
    """The council's average over every team or service, only where every one has counts.

    An average over the teams that happen to have counts would misstate the service, so a
    period with any average reported without its counts gets no derived figure.
    """
    if not rows or any(row.cases_held is None or row.case_holding_fte is None for row in rows):
        return []
    cases = Decimal(sum(row.cases_held for row in rows))
    fte = sum((row.case_holding_fte for row in rows), Decimal(0))
    if not fte:
        return []
    days = [row.as_at for row in rows if row.as_at]
    printed = rows[0].reported_average if len(rows) == 1 else None
    return [
        _value(
            code=AVERAGE_CASELOAD,
            period=period,
            numerator=cases,
            denominator=fte,
            value=average_caseload(
                cases=cases, fte=fte, decimals=decimals.get(AVERAGE_CASELOAD, DEFAULT_DECIMALS)
            ),
            percent=False,
            printed=printed,
            as_at=max(days) if days else None,
            basis=_clip(
                "Cases held / FTE of case-holding workers, "
                + ", ".join(sorted(row.label for row in rows))
            ),
            source=_join_sources(rows),
            source_rows=tuple(SourceRow.of(row) for row in rows),
        )
    ]
