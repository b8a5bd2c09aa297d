"""How figures are worded: rounded as published, in their unit, against a target."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import format_html
from django.utils.safestring import SafeString

from ..models import Indicator, Target
from ..rag import Rag, rag_for


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
    """Where a figure stands against its target, in words, coloured by the one RAG rule.

    Kept for the workforce caseload table, which words its tags by position ("Above target");
    scorecards print the RAG word itself (``Rag.label``). Both take colour from ``rag_for``.
    """
    indicator = target.indicator
    value = Decimal(str(value))
    goal = Decimal(target.value)
    rating = rag_for(value, goal, Decimal(target.tolerance or 0), indicator.polarity)
    word = "On target" if value == goal else "Above target" if value > goal else "Below target"
    if rating is Rag.AMBER:
        word = f"{word} (within tolerance)"
    return format_html('<strong class="{}">{}</strong>', rating.tag_class, word)


def plain(value) -> str:
    """A decimal without trailing zeros or exponent: 10.00 -> '10', 6.50 -> '6.5'."""
    return "" if value is None else f"{Decimal(value).normalize():f}"
