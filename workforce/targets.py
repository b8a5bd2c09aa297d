"""The caseload target the workforce pages show beside each team's average caseload.

Workforce figures know nothing of indicators and targets. The app that keeps targets (the
scorecards) registers, from its ``AppConfig.ready()``, the function that finds a council's
caseload targets by financial year, so this app never imports it; without one registered,
caseloads show no target.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Protocol

from scrutiny.models import Authority

from .models import Caseload


class CaseloadTarget(Protocol):
    """A caseload target: its value, and an average caseload against it as a RAG tag."""

    value: Decimal

    def status(self, average: Decimal) -> str: ...


Finder = Callable[[Authority], dict[int, CaseloadTarget]]
_FINDER: list[Finder] = []


def register_caseload_targets(finder: Finder) -> None:
    """Set the function that finds a council's caseload targets (one app keeps targets)."""
    _FINDER[:] = [finder]


def caseload_targets(authority: Authority) -> dict[int, CaseloadTarget]:
    """The council's caseload targets by the financial year they start in."""
    return _FINDER[0](authority) if _FINDER else {}


def target_for(targets: dict[int, CaseloadTarget], caseload: Caseload) -> CaseloadTarget | None:
    return targets.get(caseload.period.start_year)
