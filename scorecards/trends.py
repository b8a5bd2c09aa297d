"""Whether a figure got better or worse, said in words, and where it sits among its neighbours."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from enum import Enum

from scrutiny.formatting import round_half_up

from .rag import HIGHER, UNRANKED, check_polarity, exact

# LAIT bands need at least one council per quarter besides this one.
MIN_COMPARATORS = 4
BANDS = "ABCD"


class Direction(Enum):
    """Which way a figure moved; improved/worsened only where the indicator has a better way."""

    IMPROVED = "improved"
    WORSENED = "worsened"
    INCREASED = "increased"
    DECREASED = "decreased"
    NO_CHANGE = "no change"

    @property
    def words(self) -> str:
        """The direction as it reads mid-sentence: "improved", "no change"."""
        return self.value

    @property
    def label(self) -> str:
        """The direction as it opens a sentence or fills a table cell: "Improved"."""
        return self.value.capitalize()


def _rounded(value: Decimal | int | None, decimals: int | None, name: str) -> Decimal | None:
    """The figure as a Decimal, rounded half up when ``decimals`` is given."""
    value = exact(value, name)
    if value is None or decimals is None:
        return value
    return round_half_up(value, decimals)


def change(
    current: Decimal | int | None,
    previous: Decimal | int | None,
    *,
    decimals: int | None = None,
) -> Decimal | None:
    """Current minus previous; None when either is missing.

    With ``decimals`` both are rounded half up first, so the change printed agrees with the two
    figures printed and with ``direction`` (14.04 and 13.96 at 1 dp differ by 0.0, not 0.1).
    """
    current = _rounded(current, decimals, "current")
    previous = _rounded(previous, decimals, "previous")
    if current is None or previous is None:
        return None
    return current - previous


def direction(
    current: Decimal | int | None,
    previous: Decimal | int | None,
    polarity: str,
    decimals: int,
) -> Direction | None:
    """How the figure moved, judged on both rounded to the indicator's decimals; None if unknown."""
    check_polarity(polarity)
    difference = change(current, previous, decimals=decimals)
    if difference is None:
        return None
    if difference == 0:
        return Direction.NO_CHANGE
    if polarity in UNRANKED:
        return Direction.INCREASED if difference > 0 else Direction.DECREASED
    return Direction.IMPROVED if (difference > 0) == (polarity == HIGHER) else Direction.WORSENED


def format_figure(value: Decimal | int, decimals: int, unit: str) -> str:
    """A figure rounded half up to ``decimals``, with "%" for a percentage, as scorecards print."""
    text = f"{round_half_up(exact(value), decimals):f}"
    return f"{text}%" if unit == "percent" else text


def describe(
    current: Decimal | int | None,
    previous: Decimal | int | None,
    *,
    polarity: str,
    decimals: int,
    unit: str,
    current_label: str,
    previous_label: str,
) -> str:
    """A sentence such as "Improved from 33.0% in 2013/14 to 14.0% in 2014/15"."""
    moved = direction(current, previous, polarity, decimals)
    if current is None and previous is None:
        return f"No figure for {current_label} or {previous_label}"
    if current is None:
        was = format_figure(previous, decimals, unit)
        return f"No figure for {current_label} ({was} in {previous_label})"
    now = format_figure(current, decimals, unit)
    if previous is None:
        return f"{now} in {current_label}; no figure for {previous_label} to compare with"
    was = format_figure(previous, decimals, unit)
    if moved is Direction.NO_CHANGE:
        return f"No change: {now} in both {previous_label} and {current_label}"
    return f"{moved.label} from {was} in {previous_label} to {now} in {current_label}"


def quartile(
    value: Decimal | int | None,
    neighbour_values: Iterable[Decimal | int | None],
    polarity: str,
    *,
    decimals: int | None = None,
) -> str | None:
    """The LAIT quartile band, "A" (best) to "D" (worst), of a council among its neighbours.

    The group is the council and every neighbour with a figure (missing ones are left out).
    Its rank is 1 + the number in the group strictly better than it, so councils that tie
    share the best rank of their tie (1, 2, 2, 4), as Excel's RANK and LAIT do. Of a group of
    n, rank r is in band A when r <= n/4, B when r <= n/2, C when r <= 3n/4, else D: a rank
    exactly on a quarter's edge is in the better band (with 152 councils, ranks 1-38 are A).
    With ``decimals`` every figure is rounded half up first, so councils that print the same
    figure tie. None when the council has no figure, the indicator has no better direction,
    or fewer than four neighbours have a figure.
    """
    check_polarity(polarity)
    own = _rounded(value, decimals, "value")
    others = [
        _rounded(other, decimals, "neighbour value")
        for other in neighbour_values
        if other is not None
    ]
    if own is None or polarity in UNRANKED or len(others) < MIN_COMPARATORS:
        return None
    if polarity == HIGHER:
        better = sum(1 for other in others if other > own)
    else:
        better = sum(1 for other in others if other < own)
    rank, size = better + 1, len(others) + 1
    # ceil(4 * rank / size) in integers, so an exact edge is never lost to a float.
    return BANDS[(4 * rank + size - 1) // size - 1]
