"""Caseloads against the council's caseload target, for the workforce pages.

Caseloads are not linked to an indicator, so the target is the council's own (local)
workforce indicator measured as an average: Slough's "target of 16". ``ScorecardsConfig``
registers ``caseload_targets`` with ``workforce.targets``, so the workforce app shows the
target and its RAG without importing this app.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.safestring import SafeString

from scrutiny.models import Authority, Period

from .models import Indicator, Target
from .selectors.wording import against_target


@dataclass(frozen=True)
class TargetForCaseloads:
    """One year's caseload target, read as the scorecard reads the indicator it belongs to."""

    target: Target

    @property
    def value(self) -> Decimal:
        return self.target.value

    def status(self, average: Decimal) -> SafeString:
        return against_target(average, self.target)


def caseload_targets(authority: Authority) -> dict[int, TargetForCaseloads]:
    """The council's average-caseload targets by financial year, in one query."""
    targets = (
        Target.objects.filter(
            authority=authority,
            indicator__is_local=True,
            indicator__area=Indicator.Area.WORKFORCE,
            indicator__unit=Indicator.Unit.AVERAGE,
        )
        .select_related("indicator", "period")
        .order_by("indicator__order", "indicator__code", "period__start")
    )
    # Should a council keep two such measures, the first in its own order is the caseload
    # one; a target for the whole year wins over a quarter's.
    by_year: dict[int, Target] = {}
    indicator_id = None
    for target in targets:
        indicator_id = indicator_id or target.indicator_id
        if target.indicator_id != indicator_id:
            continue
        year = target.period.start_year
        if year not in by_year or target.period.kind == Period.Kind.YEAR:
            by_year[year] = target
    return {year: TargetForCaseloads(target) for year, target in by_year.items()}
