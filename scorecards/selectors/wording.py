"""How figures are worded: rounded as published, in their unit, against a target."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.safestring import SafeString

from ..models import Indicator, Target
from ..rag import rag_against


def rounded(value, decimals: int) -> Decimal:
    """Half up, as published statistics round (Python's default would round half to even)."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_value(value, indicator: Indicator) -> str:
    """A figure in the indicator's unit and to its number of decimal places; blank stays blank."""
    if value is None:
        return ""
    text = f"{rounded(value, indicator.decimals):f}"
    return f"{text}%" if indicator.unit == Indicator.Unit.PERCENT else text


def against_target(value, target: Target) -> SafeString:
    """A figure against its target as a RAG tag, worded as the scorecard words every indicator.

    For a figure kept outside the scorecard's indicator values, such as a team's caseload
    against the council's local caseload target: it reads as the same figure does there.
    """
    return rag_against(value, target, target.indicator).tag


def plain(value) -> str:
    """A decimal without trailing zeros or exponent: 10.00 -> '10', 6.50 -> '6.5'."""
    return "" if value is None else f"{Decimal(value).normalize():f}"
