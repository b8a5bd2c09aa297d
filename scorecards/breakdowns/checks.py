"""The one rule between a breakdown's groups and the whole figure, as for the workforce rows:
the groups' counts never add up to more than the whole's, and when every group is given
they add up to exactly the whole's. The return section and ``import_statistics`` both call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from returns.rules import number_text

from .models import Breakdown

# The figures that add up across groups: counts always; a reported value only for a count.
COUNTED = ("numerator", "denominator")
WORDS = {"numerator": "numerators", "denominator": "denominators", "reported_value": "values"}


def summed_columns(unit: str) -> tuple[str, ...]:
    from scorecards.models import Indicator

    return (*COUNTED, "reported_value") if unit == Indicator.Unit.COUNT else COUNTED


def parts_against_whole(
    parts: Sequence[dict],
    whole: dict | None,
    *,
    unit: str,
    groups: int,
    what: str,
) -> list[tuple[str, str]]:
    """(column, message) for each count of ``parts`` (one dict of figures per group given)
    that does not fit ``whole`` (the figures of the indicator for the council as a whole).

    ``groups`` is how many groups the breakdown has: with every one given, the parts must
    add up to the whole, not merely stay within it. ``what`` names the row in the message
    ("Children looked after by age band").
    """
    if not whole:
        return []
    found = []
    for column in summed_columns(unit):
        given = [part[column] for part in parts if part.get(column) is not None]
        total = whole.get(column)
        if total is None or not given:
            continue
        added = sum(given, Decimal(0))
        words = WORDS[column]
        if added > total:
            found.append(
                (
                    column,
                    f"{what}: the {words} of the groups add up to {number_text(added)}, "
                    f"more than the {number_text(total)} for the whole council",
                )
            )
        elif len(given) == groups and added != total:
            found.append(
                (
                    column,
                    f"{what}: the {words} of every group add up to {number_text(added)}, "
                    f"but the whole council's is {number_text(total)}; they must be equal",
                )
            )
    return found


def row_name(indicator_name: str, breakdown: Breakdown) -> str:
    """How a message names an indicator's breakdown: "Children looked after by age band"."""
    return f"{indicator_name} by {breakdown.name.lower()}"
