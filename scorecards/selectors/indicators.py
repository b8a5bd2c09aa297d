"""One indicator for one council: its figures, targets and comparators, period by period."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from scrutiny.models import Authority, Period

from ..derived.codes import is_derived
from ..models import ComparatorValue, Indicator, IndicatorValue, Target


def indicators_for(authority: Authority) -> QuerySet[Indicator]:
    """Indicators a council's page may show: national ones, and any it has a value for."""
    has_value = IndicatorValue.objects.filter(indicator=OuterRef("pk"), authority=authority)
    return Indicator.objects.filter(Q(is_local=False) | Q(Exists(has_value)))


def reported_indicators(authority: Authority) -> list[Indicator]:
    """The indicators a council reports, in order: its own, the catalogue ones it chose (before
    they have a figure) and any it has figures for; never one worked out from the workforce
    figures, which has no box to type in and takes its targets where it is worked out. The
    return's indicators section and the targets page both list these."""
    rows = (
        Indicator.objects.filter(
            Q(values__authority=authority) | Q(owner=authority) | Q(reporters__authority=authority)
        )
        .distinct()
        .order_by("area", "order", "name")
    )
    return [indicator for indicator in rows if not is_derived(indicator.code)]


def indicator_series(indicator: Indicator, authority: Authority) -> list[IndicatorValue]:
    return list(
        IndicatorValue.objects.filter(indicator=indicator, authority=authority)
        .select_related("indicator", "period")
        .order_by("period__start", "period__end")
    )


def indicator_targets(indicator: Indicator, authority: Authority) -> QuerySet[Target]:
    return (
        Target.objects.filter(indicator=indicator, authority=authority)
        .select_related("indicator", "period")
        .order_by("period__start", "period__end")
    )


def comparators_q(authority: Authority) -> Q:
    """The comparators a council's figures stand beside: England's, its region's, neighbours'."""
    return (
        Q(kind=ComparatorValue.Kind.ENGLAND)
        | Q(kind=ComparatorValue.Kind.REGION, region=authority.region)
        | Q(kind=ComparatorValue.Kind.NEIGHBOURS, authority=authority)
    )


@dataclass
class ComparisonRow:
    """One period: this council's figure beside England's, the region's and its neighbours'."""

    period: Period
    council: Decimal | None = None
    england: Decimal | None = None
    region: Decimal | None = None
    neighbours: Decimal | None = None
    council_suppressed: bool = False


def indicator_comparators(indicator: Indicator, authority: Authority) -> list[ComparatorValue]:
    """England's, the council's region's and its neighbours' figures for the indicator."""
    return list(
        ComparatorValue.objects.filter(indicator=indicator)
        .filter(comparators_q(authority))
        .select_related("period")
    )


def comparison_rows(
    indicator: Indicator,
    authority: Authority,
    series: list,
    comparators: list[ComparatorValue] | None = None,
) -> list[ComparisonRow]:
    """Every period with a comparator, the council's own figure alongside.

    ``series`` holds IndicatorValues or Figures (whose hidden figures stay hidden).
    """
    if comparators is None:
        comparators = indicator_comparators(indicator, authority)
    rows: dict[int, ComparisonRow] = {}
    for comparator in comparators:
        row = rows.setdefault(comparator.period_id, ComparisonRow(comparator.period))
        setattr(row, comparator.kind, comparator.value)
    if not rows:
        return []
    for value in series:
        if value.period_id in rows:
            rows[value.period_id].council = value.value
            rows[value.period_id].council_suppressed = getattr(value, "suppressed", False)
    return sorted(rows.values(), key=lambda r: (r.period.start, r.period.end))


def target_for(targets: list[Target], period: Period) -> Target | None:
    """The target for exactly this period, else the one for its financial year."""
    same_year = [t for t in targets if t.period.start_year == period.start_year]
    return _best(same_year, period)


def benchmarks_for(
    authority: Authority, period: Period, indicator_ids
) -> dict[int, list[ComparatorValue]]:
    """The comparators a council's figures for ``period`` may stand beside, by indicator:
    this period's, its financial year's, and of those that ended before it began only the
    latest of each kind (picked in the database, so the rows read do not grow with the years
    of history loaded). ``comparator_for`` chooses among them."""
    chosen = comparators_q(authority)
    latest_earlier = (
        ComparatorValue.objects.filter(chosen)
        .filter(
            indicator=OuterRef("indicator"), kind=OuterRef("kind"), period__end__lt=period.start
        )
        .order_by("-period__end")
        .values("period__end")[:1]
    )
    found: dict[int, list[ComparatorValue]] = {}
    for comparator in (
        ComparatorValue.objects.filter(indicator_id__in=indicator_ids)
        .filter(chosen)
        .filter(
            Q(period=period)
            | Q(period__kind=Period.Kind.YEAR, period__start_year=period.start_year)
            | Q(period__end__lt=period.start, period__end=Subquery(latest_earlier))
        )
        .select_related("period")
    ):
        found.setdefault(comparator.indicator_id, []).append(comparator)
    return found


def comparator_for(comparators: list[ComparatorValue], kind: str, period: Period):
    """The comparator of a kind for exactly this period, else for its financial year, else
    the latest published for a period that ended before this one began: England's 2019/20
    figure beside a council's Q3 2020/21, as published statistics lag the quarter. The
    tables say which period a comparator is for whenever it is not the figure's own."""
    of_kind = [c for c in comparators if c.kind == kind]
    same_year = _best([c for c in of_kind if c.period.start_year == period.start_year], period)
    if same_year is not None:
        return same_year
    earlier = [c for c in of_kind if c.period.end < period.start]
    # The latest to end; of two ending together (Q4 and the year), the year's.
    return max(
        earlier,
        key=lambda c: (c.period.end, c.period.kind == Period.Kind.YEAR),
        default=None,
    )


def _best(candidates: list, period: Period):
    """The row for exactly this period if there is one, else the financial year's."""
    exact = [c for c in candidates if c.period_id == period.pk]
    if exact:
        return exact[0]
    yearly = [c for c in candidates if c.period.kind == Period.Kind.YEAR]
    return yearly[0] if yearly else None
