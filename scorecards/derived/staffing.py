"""Agency rate, % permanent and vacancy rate, per role and for all social work roles together."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from scrutiny.formatting import figure
from scrutiny.models import Period
from workforce.models import Basis, StaffingFigure

from .codes import (
    AGENCY_RATE,
    AGENCY_RATE_ROLE,
    PERCENT_PERMANENT,
    PERCENT_PERMANENT_ROLE,
    VACANCY_RATE,
    VACANCY_RATE_ROLE,
    role_code,
)
from .formulas import DEFAULT_DECIMALS, agency_rate, percent_permanent, vacancy_rate
from .value import DerivedValue, SourceRow, _basis_label, _clip, _date, _join_sources, _value


def _total_caution(row: StaffingFigure) -> tuple[str, ...]:
    if row.total_reported is None or row.in_post is None or row.in_post == row.total_reported:
        return ()
    return (
        f"{row.role}: permanent ({figure(row.permanent)}) + agency ({figure(row.agency)}) = "
        f"{figure(row.in_post)}, but the total given is {figure(row.total_reported)}.",
    )


def _staffing_values(
    rows: list[StaffingFigure], period: Period, decimals: dict[str, int]
) -> list[DerivedValue]:
    def places(code: str) -> int:
        return decimals.get(code, DEFAULT_DECIMALS)

    # One row per role: the DfE's FTE basis where both are stored, then the latest snapshot.
    best: dict[int, StaffingFigure] = {}
    for row in sorted(rows, key=lambda r: (r.basis != Basis.FTE, -r.as_at.toordinal())):
        best.setdefault(row.role_id, row)

    values = []
    for row in sorted(best.values(), key=lambda r: (r.role.order, r.role.name)):
        role, in_post = row.role, row.in_post
        where = f"{_basis_label(row.basis)} at {_date(row.as_at)} as stored, {role.name.lower()}"
        common = {
            "as_at": row.as_at,
            "breakdown": role.name,
            "source": _join_sources([row]),
            "source_rows": (SourceRow.of(row),),
            "cautions": _total_caution(row),
        }
        if in_post:
            code = role_code(AGENCY_RATE_ROLE, role.name)
            values.append(
                _value(
                    code=code,
                    period=period,
                    numerator=row.agency,
                    denominator=in_post,
                    value=agency_rate(
                        agency=row.agency, employed=row.permanent, decimals=places(code)
                    ),
                    percent=True,
                    basis=_clip(f"{where}: agency / (agency + permanent)"),
                    **common,
                )
            )
            code = role_code(PERCENT_PERMANENT_ROLE, role.name)
            values.append(
                _value(
                    code=code,
                    period=period,
                    numerator=row.permanent,
                    denominator=in_post,
                    value=percent_permanent(
                        agency=row.agency, employed=row.permanent, decimals=places(code)
                    ),
                    percent=True,
                    printed=row.reported_percent_permanent,
                    printed_what=" permanent",
                    basis=_clip(f"{where}: permanent / (agency + permanent)"),
                    **common,
                )
            )
        if row.vacancies is not None and in_post is not None and row.vacancies + in_post:
            code = role_code(VACANCY_RATE_ROLE, role.name)
            values.append(
                _value(
                    code=code,
                    period=period,
                    numerator=row.vacancies,
                    denominator=row.vacancies + in_post,
                    value=vacancy_rate(
                        vacancies=row.vacancies, in_post=in_post, decimals=places(code)
                    ),
                    percent=True,
                    basis=_clip(f"{where}: vacancies / (vacancies + in post)"),
                    **common,
                )
            )
    values.extend(_all_roles_values(rows, period, places))
    return values


def _all_roles_values(rows: list[StaffingFigure], period: Period, places) -> list[DerivedValue]:
    """All qualified social work roles at one snapshot, only where every role has the counts."""
    snapshots: dict[tuple[str, dt.date], list[StaffingFigure]] = defaultdict(list)
    for row in rows:
        if row.role.is_qualified_social_work:
            snapshots[(row.basis, row.as_at)].append(row)
    if not snapshots:
        return []
    (basis, as_at), group = min(
        snapshots.items(), key=lambda item: (item[0][0] != Basis.FTE, -item[0][1].toordinal())
    )
    group.sort(key=lambda r: (r.role.order, r.role.name))
    roles = ", ".join(row.role.name.lower() for row in group)
    where = f"{_basis_label(basis)} at {_date(as_at)} as stored, all qualified social work roles"
    common = {
        "as_at": as_at,
        "source": _join_sources(group),
        "source_rows": tuple(SourceRow.of(row) for row in group),
        "cautions": tuple(caution for row in group for caution in _total_caution(row)),
    }
    values = []
    if all(row.in_post is not None for row in group):
        agency = sum((row.agency for row in group), Decimal(0))
        permanent = sum((row.permanent for row in group), Decimal(0))
        if agency + permanent:
            values.append(
                _value(
                    code=AGENCY_RATE,
                    period=period,
                    numerator=agency,
                    denominator=agency + permanent,
                    value=agency_rate(
                        agency=agency, employed=permanent, decimals=places(AGENCY_RATE)
                    ),
                    percent=True,
                    basis=_clip(f"{where} ({roles}): agency / (agency + permanent)"),
                    **common,
                )
            )
            values.append(
                _value(
                    code=PERCENT_PERMANENT,
                    period=period,
                    numerator=permanent,
                    denominator=agency + permanent,
                    value=percent_permanent(
                        agency=agency, employed=permanent, decimals=places(PERCENT_PERMANENT)
                    ),
                    percent=True,
                    basis=_clip(f"{where} ({roles}): permanent / (agency + permanent)"),
                    **common,
                )
            )
    if all(row.in_post is not None and row.vacancies is not None for row in group):
        vacancies = sum((row.vacancies for row in group), Decimal(0))
        in_post = sum((row.in_post for row in group), Decimal(0))
        if vacancies + in_post:
            values.append(
                _value(
                    code=VACANCY_RATE,
                    period=period,
                    numerator=vacancies,
                    denominator=vacancies + in_post,
                    value=vacancy_rate(
                        vacancies=vacancies, in_post=in_post, decimals=places(VACANCY_RATE)
                    ),
                    percent=True,
                    basis=_clip(f"{where} ({roles}): vacancies / (vacancies + in post)"),
                    **common,
                )
            )
    return values
