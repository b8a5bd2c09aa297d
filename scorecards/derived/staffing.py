"""Agency rate, % permanent and vacancy rate, per role and for all social work roles together."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from scrutiny.formatting import figure
from scrutiny.models import Period
from workforce.models import Basis, StaffingFigure

from . import codes
from .formulas import DEFAULT_DECIMALS, agency_rate, percent_permanent, vacancy_rate
from .value import DerivedValue, SourceRow, _basis_label, _clip, _date, _join_sources, _value

# The measures a role's figures are coded by, in the order ``_rates`` takes its codes.
_ROLE_MEASURES = (codes.AGENCY_RATE_ROLE, codes.PERCENT_PERMANENT_ROLE, codes.VACANCY_RATE_ROLE)


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
        role = row.role
        values += _rates(
            period=period,
            agency=row.agency,
            permanent=row.permanent,
            vacancies=row.vacancies,
            rate_codes=tuple(codes.role_code(measure, role.name) for measure in _ROLE_MEASURES),
            places=places,
            where=f"{_basis_label(row.basis)} at {_date(row.as_at)} as stored, {role.name.lower()}",
            printed_permanent=row.reported_percent_permanent,
            as_at=row.as_at,
            breakdown=role.name,
            source=_join_sources([row]),
            source_rows=(SourceRow.of(row),),
            cautions=_total_caution(row),
        )
    values.extend(_all_roles_values(rows, period, places))
    return values


def _all_roles_values(
    rows: list[StaffingFigure], period: Period, places: Callable[[str], int]
) -> list[DerivedValue]:
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

    def total(column: str) -> Decimal | None:
        """The column added up over the roles; None unless every role has it."""
        counts = [getattr(row, column) for row in group]
        return None if None in counts else sum(counts, Decimal(0))

    return _rates(
        period=period,
        agency=total("agency"),
        permanent=total("permanent"),
        vacancies=total("vacancies"),
        rate_codes=(codes.AGENCY_RATE, codes.PERCENT_PERMANENT, codes.VACANCY_RATE),
        places=places,
        where=(
            f"{_basis_label(basis)} at {_date(as_at)} as stored,"
            f" all qualified social work roles ({roles})"
        ),
        as_at=as_at,
        source=_join_sources(group),
        source_rows=tuple(SourceRow.of(row) for row in group),
        cautions=tuple(caution for row in group for caution in _total_caution(row)),
    )


def _rates(
    *,
    period: Period,
    agency: Decimal | None,
    permanent: Decimal | None,
    vacancies: Decimal | None,
    rate_codes: tuple[str, str, str],
    places: Callable[[str], int],
    where: str,
    printed_permanent: Decimal | None = None,
    **fields,
) -> list[DerivedValue]:
    """Agency rate, % permanent and vacancy rate from one set of counts, as far as they go.

    The counts are one role's, or every qualified role's added up; ``rate_codes`` name the
    three indicators in that order, and ``where`` says whose counts they are.
    """
    agency_code, permanent_code, vacancy_code = rate_codes
    in_post = None if agency is None or permanent is None else agency + permanent
    values = []
    if in_post:
        values.append(
            _value(
                code=agency_code,
                period=period,
                numerator=agency,
                denominator=in_post,
                value=agency_rate(agency=agency, employed=permanent, decimals=places(agency_code)),
                percent=True,
                basis=_clip(f"{where}: agency / (agency + permanent)"),
                **fields,
            )
        )
        values.append(
            _value(
                code=permanent_code,
                period=period,
                numerator=permanent,
                denominator=in_post,
                value=percent_permanent(
                    agency=agency, employed=permanent, decimals=places(permanent_code)
                ),
                percent=True,
                printed=printed_permanent,
                printed_what=" permanent",
                basis=_clip(f"{where}: permanent / (agency + permanent)"),
                **fields,
            )
        )
    if vacancies is not None and in_post is not None and vacancies + in_post:
        values.append(
            _value(
                code=vacancy_code,
                period=period,
                numerator=vacancies,
                denominator=vacancies + in_post,
                value=vacancy_rate(
                    vacancies=vacancies, in_post=in_post, decimals=places(vacancy_code)
                ),
                percent=True,
                basis=_clip(f"{where}: vacancies / (vacancies + in post)"),
                **fields,
            )
        )
    return values
