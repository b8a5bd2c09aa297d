"""How figures and dates read on every page: as a person writes them, not as stored."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import date_format


def figure(value) -> str:
    """A count or FTE without trailing zeros: 11.00 -> '11', 10.50 -> '10.5'; blank stays blank."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def round_half_up(value: Decimal, places: int = 1) -> Decimal:
    """Published statistics round halves up (68.65 -> 68.7), not to even."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def exact_count(value: Decimal | int | float | str | None, name: str) -> Decimal | None:
    """A count (or FTE) as an exact Decimal; None stays None; negative or not finite is an
    error (a formula is never given what the rules refused)."""
    if value is None:
        return None
    number = Decimal(str(value))
    if not number.is_finite() or number < 0:
        raise ValueError(f"{name} must be a count of zero or more, not {value!r}")
    return number


def percentage(
    part: Decimal | int | None, whole: Decimal | int | None, *, decimals: int = 1
) -> Decimal | None:
    """part / whole x 100, half up, once, from the exact share; None when either is missing
    or the whole is zero. Every percentage the product shows is worked out here."""
    part, whole = exact_count(part, "part"), exact_count(whole, "whole")
    if part is None or not whole:
        return None
    return round_half_up(part * 100 / whole, decimals)


def percent_text(value) -> str:
    """A percentage as printed: '12.5%' (one decimal place); blank stays blank."""
    return "" if value is None else f"{Decimal(value):.1f}%"


def date_range(start: dt.date, end: dt.date | None) -> str:
    """'12–21 November 2012', '30 November – 2 December 2012', or one date."""
    if end is None or end == start:
        return f"{start:%-d %B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end:%-d %B %Y}"
    if start.year == end.year:
        return f"{start:%-d %B} – {end:%-d %B %Y}"
    return f"{start:%-d %B %Y} – {end:%-d %B %Y}"


def readable(value):
    """Dates as '31 March 2015' and decimals without trailing zeros; anything else as is."""
    if isinstance(value, dt.datetime):
        return date_format(value, "j F Y, H:i")
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    if isinstance(value, Decimal):
        return figure(value)
    return value


def free_slug(stem: str, taken, reserved=frozenset()) -> str:
    """``stem``, or ``stem-2``, ``stem-3``... the first that is neither taken nor reserved
    (an address a new row may have without clashing with another row or a page)."""
    slug, number = stem, 1
    while slug in taken or slug in reserved:
        number += 1
        slug = f"{stem}-{number}"
    return slug
