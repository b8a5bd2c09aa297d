"""Every figure that can be derived for one council's period, in five queries at the most."""

from __future__ import annotations

from scrutiny.models import Authority, Period
from workforce.models import Caseload, StaffingFigure, StaffMovement, TrainingCoverage

from ..models import Indicator
from .caseloads import _caseload_values
from .staffing import _staffing_values
from .training import _training_values
from .turnover import _turnover_values
from .value import DerivedValue


def derived_values(*, authority: Authority, period: Period) -> list[DerivedValue]:
    """Every figure that can be computed from the council's stored counts for the period.

    Staffing, caseloads and movements count where they are stored against the period;
    training coverage, which has only a date, counts in the month of that date.
    """
    staffing = list(
        StaffingFigure.objects.filter(authority=authority, period=period).select_related("role")
    )
    caseloads = list(
        Caseload.objects.filter(authority=authority, period=period).select_related("team")
    )
    movements = (
        list(
            StaffMovement.objects.filter(
                authority=authority, date_to__in={row.as_at for row in staffing}
            )
        )
        if staffing
        else []
    )
    coverage = []
    if period.kind == Period.Kind.MONTH:
        coverage = list(
            TrainingCoverage.objects.filter(
                authority=authority, as_at__gte=period.start, as_at__lte=period.end
            ).select_related("course")
        )
    decimals = dict(Indicator.objects.values_list("code", "decimals"))
    return [
        *_staffing_values(staffing, period, decimals),
        *_turnover_values(staffing, movements, period, decimals),
        *_caseload_values(caseloads, period, decimals),
        *_training_values(coverage, period, decimals),
    ]
