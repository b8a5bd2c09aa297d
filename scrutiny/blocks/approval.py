"""Whether a data block's figures may be published: only approved figures go out.

The framework does not know where figures are approved; the app that holds the quarter's
workflow registers a check (``register_approval_check``) that says, for a block's choice,
why its figures are still provisional ("" when they may be published). Publishing asks
every check for every data block and refuses with the block named.
"""

from __future__ import annotations

from collections.abc import Callable

from scrutiny.models import Authority

ApprovalCheck = Callable[[Authority, str, str], str]
_CHECKS: list[ApprovalCheck] = []


def register_approval_check(check: ApprovalCheck) -> None:
    """Add a check ``(authority, block key, choice) -> reason``; each is added once."""
    if check not in _CHECKS:
        _CHECKS.append(check)


def provisional_reason(authority: Authority, key: str, choice: str) -> str:
    """Why the block's figures are provisional, or "" if every check lets them go."""
    return next((r for check in _CHECKS if (r := check(authority, key, choice))), "")
