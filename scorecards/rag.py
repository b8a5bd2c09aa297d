"""Red, amber or green against a target, decided exactly on Decimals, with words beside colour."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

from django.utils.html import format_html
from django.utils.safestring import SafeString

from scrutiny.formatting import round_half_up

if TYPE_CHECKING:
    from .models import Indicator, Target

HIGHER = "higher"
LOWER = "lower"
NEITHER = "neither"
CLOSE = "close"
POLARITIES = frozenset({HIGHER, LOWER, NEITHER, CLOSE})
# Polarities by which a move or a rank is neither better nor worse in itself: close to
# target is better only against the target, which a trend or quartile does not know.
UNRANKED = frozenset({NEITHER, CLOSE})


class Rag(Enum):
    """A RAG rating; pages show its label inside a tag of its colour, never the colour alone."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    NO_TARGET = "no-target"

    @property
    def label(self) -> str:
        """The words a page prints inside the tag."""
        return _LABELS[self]

    @property
    def colour(self) -> str:
        """The GOV.UK tag colour: the modifier in ``govuk-tag--<colour>``."""
        return _COLOURS[self]

    @property
    def tag_class(self) -> str:
        """The full class list for a GOV.UK tag showing this rating."""
        return f"govuk-tag govuk-tag--{self.colour}"

    @property
    def tag(self) -> SafeString:
        """The rating's word inside a GOV.UK tag of its colour, as every page shows it."""
        return format_html('<strong class="{}">{}</strong>', self.tag_class, self.label)


_LABELS = {Rag.RED: "Red", Rag.AMBER: "Amber", Rag.GREEN: "Green", Rag.NO_TARGET: "No target"}
# GOV.UK has no amber tag; orange is its nearest, and programmes already use it for amber.
_COLOURS = {Rag.RED: "red", Rag.AMBER: "orange", Rag.GREEN: "green", Rag.NO_TARGET: "grey"}


def check_polarity(polarity: str) -> str:
    """The polarity unchanged, or ValueError if it is not higher, lower, neither or close."""
    if polarity not in POLARITIES:
        raise ValueError(f"Unknown polarity {polarity!r}: expected one of {sorted(POLARITIES)}")
    return str(polarity)


def exact(value: Decimal | int | None, name: str = "value") -> Decimal | None:
    """A Decimal from a Decimal or int; a float is refused because it is not the figure typed."""
    if value is None:
        return None
    # bool is an int, but True as a figure is always a mistake.
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{name} must be a Decimal or int, not {type(value).__name__}")
    return Decimal(value)


def rag_for(
    value: Decimal | int | None,
    target: Decimal | int | None,
    tolerance: Decimal | int | None,
    polarity: str,
    *,
    decimals: int | None = None,
    band: Decimal | int | None = None,
) -> Rag:
    """Green on or beyond target, Amber short of it by at most the tolerance, Red further off.

    For a close-to-target polarity, Green is within ``band`` of the target on either side,
    Amber within the tolerance beyond the band, Red further off on either side.

    ``decimals``, when given, rounds the value half up first, so that the rating agrees with the
    figure printed beside it (14.04 shown as 14.0 against a target of 14.0 is on target).
    """
    check_polarity(polarity)
    value, target = exact(value, "value"), exact(target, "target")
    slack = exact(tolerance, "tolerance") or Decimal(0)
    green_band = exact(band, "band") or Decimal(0)
    if slack < 0 or green_band < 0:
        raise ValueError("tolerance and band must be zero or more")
    if value is None or target is None or polarity == NEITHER:
        return Rag.NO_TARGET
    if decimals is not None:
        value = round_half_up(value, decimals)
    # How far short of target the value is: positive means on the wrong side.
    if polarity == CLOSE:
        shortfall = abs(value - target) - green_band
    elif polarity == HIGHER:
        shortfall = target - value
    else:
        shortfall = value - target
    if shortfall <= 0:
        return Rag.GREEN
    if shortfall <= slack:
        return Rag.AMBER
    return Rag.RED


def rag_against(value: Decimal | int | None, target: Target | None, indicator: Indicator) -> Rag:
    """A figure's rating against its target (None: no target), judged as the indicator prints it.

    The one rule for every indicator wherever its figure is shown: the scorecard, the
    downloads, the caseload table and report blocks all rate through here, so one figure
    never reads Green in one place and "Above target" in another.
    """
    return rag_for(
        value,
        None if target is None else target.value,
        None if target is None else target.tolerance,
        indicator.polarity,
        decimals=indicator.decimals,
        band=None if target is None else target.band,
    )
