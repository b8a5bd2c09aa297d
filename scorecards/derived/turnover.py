"""Turnover: a year's leavers over the permanent staff in post at its end."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from scrutiny.models import Period
from workforce.models import Basis, StaffingFigure, StaffMovement

from .codes import TURNOVER_RATE_ROLE, role_code
from .formulas import DEFAULT_DECIMALS, turnover_rate
from .value import DerivedValue, SourceRow, _clip, _date, _join_sources, _value


def _is_year_to(movement: StaffMovement, day: dt.date) -> bool:
    return movement.date_to == day and (movement.date_to - movement.date_from).days + 1 in (
        365,
        366,
    )


def _turnover_values(
    rows: list[StaffingFigure],
    movements: list[StaffMovement],
    period: Period,
    decimals: dict[str, int],
) -> list[DerivedValue]:
    """Turnover where a year's leavers and the snapshot are stored for the same group.

    Leavers are counted in people, so only a headcount snapshot matches them; the staff in
    post are the permanent (employed) staff, as in the census. A movement matches a role when
    its staff group is the role's name and its year ends on the snapshot day.
    """
    values = []
    for row in rows:
        if row.basis != Basis.HEADCOUNT or not row.permanent:
            continue
        matches = [
            m
            for m in movements
            if m.leavers is not None
            and m.staff_group.strip().lower() == row.role.name.lower()
            and _is_year_to(m, row.as_at)
        ]
        if len(matches) != 1:
            continue
        movement = matches[0]
        code = role_code(TURNOVER_RATE_ROLE, row.role.name)
        values.append(
            _value(
                code=code,
                period=period,
                numerator=Decimal(movement.leavers),
                denominator=row.permanent,
                value=turnover_rate(
                    leavers=movement.leavers,
                    in_post=row.permanent,
                    decimals=decimals.get(code, DEFAULT_DECIMALS),
                ),
                percent=True,
                as_at=row.as_at,
                breakdown=row.role.name,
                basis=_clip(
                    f"Headcount: leavers {_date(movement.date_from)} to {_date(movement.date_to)}"
                    f" / permanent {row.role.name.lower()} in post at {_date(row.as_at)}"
                ),
                source=_join_sources([row]),
                source_rows=(SourceRow.of(movement), SourceRow.of(row)),
            )
        )
    return values
