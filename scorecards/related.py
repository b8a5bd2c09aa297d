"""Indicators whose counts add up across rows: per-role workforce figures and their totals.

Each workforce rate is stored as its own indicator (``agency-rate-social-workers``, ...) with
its counts, and the all-roles figure (``sw-agency-rate``) with the sum of the qualified
roles' counts. Hiding a small count on one row is not enough: the other roles' counts and the
all-roles total would give it back by subtraction, on another row, another page or in a
download. So, for one council and period, every count these indicators print is one cell of
a table the public could draw up for itself:

                      agency   permanent   in post (= agency + permanent)   vacancies   ...
    social workers       a1        p1            n1                              v1
    managers             a2        p2            n2                              v2
    all roles         a1+a2     p1+p2         n1+n2                           v1+v2

and ``suppression.suppress_related`` hides more cells until none can be worked out. The
rule holds a total to its roles only where the figures really add up: the all-roles figure
counts only qualified social work roles, and may be on another basis or snapshot than a
role's own figure; a total that does not equal the sum of its roles ties nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal

from django.utils.text import slugify

from scrutiny.suppression import suppress_related

from .derived import (
    AGENCY_RATE,
    AGENCY_RATE_ROLE,
    PERCENT_PERMANENT,
    PERCENT_PERMANENT_ROLE,
    VACANCY_RATE,
    VACANCY_RATE_ROLE,
)
from .models import IndicatorValue

# Each measure's numerator and denominator, as cells of the table above.
CELLS = {
    AGENCY_RATE_ROLE: ("agency", "in post"),
    PERCENT_PERMANENT_ROLE: ("permanent", "in post"),
    VACANCY_RATE_ROLE: ("vacancies", "posts"),
}
ALL_ROLES_CODES = {
    AGENCY_RATE: AGENCY_RATE_ROLE,
    PERCENT_PERMANENT: PERCENT_PERMANENT_ROLE,
    VACANCY_RATE: VACANCY_RATE_ROLE,
}
# The row of the table that totals the roles; sorts after any role's slug.
ALL_ROLES = "~all qualified roles"
# What each row says: agency + permanent = in post; vacancies + in post = posts.
ROW_SUMS = ((("agency", "permanent"), "in post"), (("vacancies", "in post"), "posts"))

Cell = tuple[str, str]  # (column, role slug or ALL_ROLES)


def place(code: str) -> tuple[str, str] | None:
    """(measure, role slug or ALL_ROLES) for a related indicator's code; None for any other."""
    if code in ALL_ROLES_CODES:
        return ALL_ROLES_CODES[code], ALL_ROLES
    for measure in CELLS:
        prefix = f"{measure}-"
        if code.startswith(prefix) and len(code) > len(prefix):
            return measure, code[len(prefix) :]
    return None


def is_related(code: str) -> bool:
    return place(code) is not None


def code_prefixes() -> list[str]:
    """What a related indicator's code starts with (per role), for a query."""
    return [f"{measure}-" for measure in CELLS]


def qualified_role_slugs() -> set[str]:
    """The roles the all-roles figures count (one query, made only when needed)."""
    from workforce.models import Role

    names = Role.objects.filter(is_qualified_social_work=True).values_list("name", flat=True)
    return {slugify(name) for name in names}


def hidden_counts(
    records: Iterable[IndicatorValue],
    threshold: int,
    *,
    hide: Iterable[tuple[int, str]] = (),
    qualified: Callable[[], set[str]] = qualified_role_slugs,
) -> set[tuple[int, str]]:
    """(record pk, "numerator" or "denominator") of every count the public may not see.

    ``records`` are one council's figures (any periods; each period is its own table), their
    ``indicator`` loaded. ``hide`` names counts hidden already for another reason (a share
    that leaves a small rest). Only records of related indicators with both counts count.
    """
    by_period: dict[tuple[int, int], list[tuple[IndicatorValue, str, str]]] = defaultdict(list)
    for record in records:
        where = place(record.indicator.code)
        if where is None or record.numerator is None or record.denominator is None:
            continue
        by_period[(record.authority_id, record.period_id)].append((record, *where))
    forced = set(hide)
    found: set[tuple[int, str]] = set()
    roles_counted: list[set[str]] = []  # fetched once, on first need

    def counted() -> set[str]:
        if not roles_counted:
            roles_counted.append(qualified())
        return roles_counted[0]

    for group in by_period.values():
        values: dict[Cell, Decimal] = {}
        clashing: set[Cell] = set()
        places: dict[tuple[int, str], Cell] = {}
        for record, measure, role in group:
            top, bottom = CELLS[measure]
            for part, column, value in (
                ("numerator", top, record.numerator),
                ("denominator", bottom, record.denominator),
            ):
                cell = (column, role)
                if values.setdefault(cell, value) != value:
                    clashing.add(cell)  # two bases or snapshots: not one cell after all
                places[(record.pk, part)] = cell
        sums = [
            (tuple((column, role) for column in body), (total, role))
            for role in {role for _, role in values}
            for body, total in ROW_SUMS
        ]
        sums += _total_sums(values, counted)
        sums = [
            (body, total)
            for body, total in sums
            if not clashing.intersection((*body, total))
            and all(cell in values for cell in (*body, total))
        ]
        hide_here = {cell for key, cell in places.items() if key in forced}
        hidden, _ = suppress_related(values, sums, threshold=threshold, hide=hide_here)
        found |= {key for key, cell in places.items() if cell in hidden}
    return found


def _total_sums(values: dict[Cell, Decimal], counted: Callable[[], set[str]]) -> list:
    """Each column's all-roles figure as the sum of its roles, where the figures agree."""
    sums = []
    for column in {column for column, _ in values}:
        total = values.get((column, ALL_ROLES))
        if total is None:
            continue
        roles = sorted(role for c, role in values if c == column and role != ALL_ROLES)
        if sum((values[(column, r)] for r in roles), Decimal(0)) != total:
            # A role outside the qualified social work ones may be on the page too.
            roles = [role for role in roles if role in counted()]
            if not roles or sum((values[(column, r)] for r in roles), Decimal(0)) != total:
                continue
        sums.append((tuple((column, role) for role in roles), (column, ALL_ROLES)))
    return sums
