"""Where the figure a paper printed is not what its counts give."""

from __future__ import annotations

from decimal import Decimal

from scrutiny.formatting import figure, round_half_up

from ..models import Indicator, IndicatorValue


def printed_differs(exact: Decimal, printed: Decimal | None) -> bool:
    """Whether the figure a source printed is not the exact one, at the places it printed.

    Papers print whole percentages, so the exact figure is rounded half up to the printed
    number of places before comparing: 68.75 printed as 69 agrees, 48.65 printed as 48 does not.
    """
    if printed is None:
        return False
    places = max(0, -printed.normalize().as_tuple().exponent)
    return round_half_up(exact, places) != printed


def _share_note(printed: Decimal, numerator, denominator, shown: str, what: str = "") -> str:
    """ "The paper printed 48% permanent, but 36 of 74 is 48.6%.", for a page and a derivation."""
    return (
        f"The paper printed {figure(printed)}%{what}, but {figure(numerator)}"
        f" of {figure(denominator)} is {shown}%."
    )


def printed_difference(value: IndicatorValue) -> str:
    """For a page: a note when a stored figure's printed value is not what its counts give.

    Needs no query beyond the value's indicator, which list pages already select.
    """
    computed = value.computed_value
    if computed is None or not printed_differs(computed, value.reported_value):
        return ""
    shown = f"{round_half_up(computed, value.indicator.decimals):f}"
    if value.indicator.unit == Indicator.Unit.PERCENT:
        return _share_note(value.reported_value, value.numerator, value.denominator, shown)
    return f"The paper printed {figure(value.reported_value)}; the counts give {shown}."
