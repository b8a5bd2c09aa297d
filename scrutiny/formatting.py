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


def readable(value):
    """Dates as '31 March 2015' and decimals without trailing zeros; anything else as is."""
    if isinstance(value, dt.datetime):
        return date_format(value, "j F Y, H:i")
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    if isinstance(value, Decimal):
        return figure(value)
    return value
