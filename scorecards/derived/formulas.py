"""The formulas, pure and exact: each rounds half up, once, from the exact figure."""

from __future__ import annotations

from decimal import Decimal

from scrutiny.formatting import exact_count as _exact
from scrutiny.formatting import percentage, round_half_up

DEFAULT_DECIMALS = 1


def agency_rate(
    *, agency: Decimal | int | None, employed: Decimal | int | None, decimals: int = 1
) -> Decimal | None:
    """Agency / (agency + employed) x 100 (DfE workforce census)."""
    if agency is None or employed is None:
        return None
    return percentage(
        agency, _exact(agency, "agency") + _exact(employed, "employed"), decimals=decimals
    )


def percent_permanent(
    *, agency: Decimal | int | None, employed: Decimal | int | None, decimals: int = 1
) -> Decimal | None:
    """100 - agency rate, worked out as employed / (agency + employed) x 100.

    Each of the two is rounded half up from its exact share, so at an exact half they can
    add up to 100.1 (1 agency worker in 80: 1.3% agency, 98.8% permanent), as published
    statistics rounded independently do.
    """
    if agency is None or employed is None:
        return None
    return percentage(
        employed, _exact(agency, "agency") + _exact(employed, "employed"), decimals=decimals
    )


def vacancy_rate(
    *, vacancies: Decimal | int | None, in_post: Decimal | int | None, decimals: int = 1
) -> Decimal | None:
    """Vacancies / (vacancies + in post) x 100 (DfE: FTE; here on whichever basis is stored)."""
    if vacancies is None or in_post is None:
        return None
    whole = _exact(vacancies, "vacancies") + _exact(in_post, "in post")
    return percentage(vacancies, whole, decimals=decimals)


def turnover_rate(
    *, leavers: Decimal | int | None, in_post: Decimal | int | None, decimals: int = 1
) -> Decimal | None:
    """Leavers in the year / staff in post at the snapshot x 100 (DfE workforce census)."""
    return percentage(leavers, in_post, decimals=decimals)


def average_caseload(
    *, cases: Decimal | int | None, fte: Decimal | int | None, decimals: int = 1
) -> Decimal | None:
    """Cases held / FTE of the workers holding them; None when no FTE holds cases."""
    cases, fte = _exact(cases, "cases"), _exact(fte, "FTE")
    if cases is None or not fte:
        return None
    return round_half_up(cases / fte, decimals)


def share_trained(
    *, trained: Decimal | int | None, in_scope: Decimal | int | None, decimals: int = 1
) -> Decimal | None:
    """Staff trained / staff in scope x 100."""
    return percentage(trained, in_scope, decimals=decimals)
