"""Figures read beside a council's own: its statistical neighbours', and its related rows.

Related rows are those whose counts add up across indicators (``scorecards.related``), so
that one row may give another's hidden counts away.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet, Subquery

from scrutiny.models import Authority, NeighbourSet, NeighbourSetMember, Period

from .. import related
from ..models import Indicator, IndicatorValue


def neighbour_figures(
    authority: Authority, period: Period, indicator_ids: list[int]
) -> QuerySet[IndicatorValue]:
    """The period's figures of the council's statistical neighbours, from the list in force."""
    in_force = (
        NeighbourSet.objects.filter(authority=authority, start_year__lte=period.start_year)
        .order_by("-start_year")
        .values("pk")[:1]
    )
    members = NeighbourSetMember.objects.filter(neighbour_set=Subquery(in_force)).values(
        "neighbour"
    )
    # One IN over the small indicator table, so that the figures are found by council and
    # period (an OR across the join had SQLite scan them all).
    wanted = Indicator.objects.filter(Q(pk__in=indicator_ids) | related_linked_q(prefix="")).values(
        "pk"
    )
    return IndicatorValue.objects.filter(
        indicator__in=wanted, period=period, authority__in=members
    ).select_related("indicator")


def related_linked_q(prefix: str = "indicator__") -> Q:
    """Figures (or, with ``prefix`` blank, indicators) whose counts add up across rows."""
    linked = Q(**{f"{prefix}code__in": related.ALL_ROLES_CODES})
    for start in related.code_prefixes():
        linked |= Q(**{f"{prefix}code__startswith": start})
    return linked


def related_figures(
    indicator: Indicator, authority: Authority, threshold: int | None
) -> list[IndicatorValue]:
    """The council's other figures that could give this indicator's hidden counts away.

    One query, and only for a related indicator read by the public.
    """
    if threshold is None or not related.is_related(indicator.code):
        return []
    return list(
        IndicatorValue.objects.filter(authority=authority)
        .filter(related_linked_q())
        .exclude(indicator=indicator)
        .select_related("indicator")
    )
