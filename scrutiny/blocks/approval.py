"""Whether a data block's figures may be published: only approved figures go out.

The framework does not know where figures are approved; the app that holds the quarter's
workflow registers a check (``register_approval_check``) that says, for the dates a block's
choice covers (its kind's ``span``), why its figures are still provisional ("" when they may
be published). Publishing asks every check for every data block and refuses with the block
named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from scrutiny.models import Authority

from .registry import BLOCK_TYPES

ApprovalCheck = Callable[[Authority, dt.date, dt.date], str]
_CHECKS: list[ApprovalCheck] = []


def register_approval_check(check: ApprovalCheck) -> None:
    """Add a check ``(authority, first day, last day) -> reason``; each is added once."""
    if check not in _CHECKS:
        _CHECKS.append(check)


def provisional_reason(authority: Authority, key: str, choice: str) -> str:
    """Why the block's figures are provisional, or "" if every check lets them go (and for a
    kind with no span: its figures come from no return)."""
    kind = BLOCK_TYPES.get(key)
    if kind is None or kind.span is None:
        return ""
    first, last = kind.span(authority, choice)
    return next((r for check in _CHECKS if (r := check(authority, first, last))), "")
