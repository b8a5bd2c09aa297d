"""Writing a checked statistics file: councils, their figures, comparators, neighbours."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
from django.utils.text import slugify
from simple_history.utils import bulk_update_with_history

from scrutiny.models import Authority, NeighbourSet

from ..models import ComparatorValue, Indicator, IndicatorValue
from .checks import IMPORTED_BASIS, REGION_CODES, StatisticsResult


def councils_of(frame: pd.DataFrame, result: StatisticsResult) -> dict[str, int]:
    """The council (pk) of each new_la_code, creating those not seen as comparator-only."""
    rows = frame.drop_duplicates("new_la_code")
    old = "old_la_code" in rows
    by_code = {
        a.la_code: a
        for a in Authority.objects.filter(la_code__in=set(rows["old_la_code"]) if old else ())
    }
    by_name = {a.name.lower(): a for a in Authority.objects.filter(name__in=set(rows["la_name"]))}
    slugs = set(Authority.objects.values_list("slug", flat=True))
    found = {}
    for row in rows.itertuples():
        authority = (by_code.get(row.old_la_code) if old else None) or by_name.get(
            row.la_name.lower()
        )
        if authority is None:
            slug = base = slugify(row.la_name)[:55] or row.new_la_code.lower()
            while slug in slugs:
                slug = f"{base}-{row.new_la_code[-3:]}"
                base = slug
            slugs.add(slug)
            authority = Authority.objects.create(
                name=row.la_name,
                short_name=row.la_name[:60],
                slug=slug,
                la_code=row.old_la_code if old else "",
                region=REGION_CODES[row.region_code],
                is_active=False,
            )
            result.councils_created.append(row.la_name)
        found[row.new_la_code] = authority.pk
    return found


def long_figures(frame: pd.DataFrame, indicators: dict[str, Indicator]) -> pd.DataFrame:
    """One row per figure: level, region, code, year, indicator pk, cell."""
    figures = frame.melt(
        id_vars=["level", "region", "new_la_code", "year"],
        value_vars=list(indicators),
        var_name="column",
        value_name="cell",
    )
    figures["indicator"] = figures["column"].map({c: i.pk for c, i in indicators.items()})
    return figures


def neighbour_averages(councils: pd.DataFrame) -> pd.DataFrame:
    """Each council's neighbours' mean per indicator and year, from the neighbours' own rows."""
    years = sorted(councils["year"].unique())
    sets = NeighbourSet.objects.filter(start_year__lte=max(years)).prefetch_related("members")
    current: dict[tuple[int, int], NeighbourSet] = {}
    for neighbour_set in sets.order_by("start_year"):
        for year in years:
            if neighbour_set.start_year <= year:
                current[(neighbour_set.authority_id, year)] = neighbour_set
    links = pd.DataFrame(
        [
            (authority, year, member.neighbour_id, neighbour_set.members.count())
            for (authority, year), neighbour_set in current.items()
            for member in neighbour_set.members.all()
        ],
        columns=["whose", "year", "authority", "of"],
    )
    if links.empty:
        return links
    joined = links.merge(councils, on=["authority", "year"])
    return (
        joined.groupby(["whose", "year", "indicator"])
        .agg(value=("number", "mean"), count=("number", "size"), of=("of", "first"))
        .reset_index()
    )


def save_council_figures(councils, periods, label, result) -> None:
    existing = {
        (v.indicator_id, v.authority_id, v.period_id): v
        for v in IndicatorValue.objects.filter(
            indicator__in=set(councils["indicator"]),
            authority__in=set(councils["authority"]),
            period__in=list(periods.values()),
        )
    }
    illustrative = label.startswith("ILLUSTRATIVE")
    new, changed = [], []
    for indicator, authority, year, cell in councils[
        ["indicator", "authority", "year", "cell"]
    ].itertuples(index=False):
        value, period = Decimal(cell), periods[year]
        current = existing.get((indicator, authority, period.pk))
        if current is None:
            new.append(
                IndicatorValue(
                    indicator_id=indicator,
                    authority_id=authority,
                    period=period,
                    reported_value=value,
                    basis=IMPORTED_BASIS,
                    source=label,
                    is_illustrative=illustrative,
                )
            )
        elif current.basis != IMPORTED_BASIS:
            result.kept += 1
        elif current.reported_value == value and current.source == label:
            result.unchanged += 1
        else:
            current.reported_value, current.source = value, label
            changed.append(current)
    # A new figure's row names its file as source; a changed one keeps its history.
    IndicatorValue.objects.bulk_create(new, batch_size=2000)
    bulk_update_with_history(changed, IndicatorValue, ["reported_value", "source"], batch_size=2000)
    result.created += len(new)
    result.updated += len(changed)


def save_comparators(comparators, averages, periods, label, result) -> None:
    wanted = [
        (indicator, year, level, region, None, Decimal(cell), "")
        for indicator, year, level, region, cell in comparators[
            ["indicator", "year", "level", "region", "cell"]
        ].itertuples(index=False)
    ]
    if not averages.empty:
        wanted += [
            (
                indicator,
                year,
                ComparatorValue.Kind.NEIGHBOURS,
                "",
                whose,
                Decimal(str(round(value, 4))),
                f"Mean of {count} of {of} statistical neighbours' published figures",
            )
            for whose, year, indicator, value, count, of in averages[
                ["whose", "year", "indicator", "value", "count", "of"]
            ].itertuples(index=False)
        ]
        result.neighbour_averages = len(averages)
    existing = {
        (c.indicator_id, c.period_id, c.kind, c.region, c.authority_id): c
        for c in ComparatorValue.objects.filter(
            indicator__in={w[0] for w in wanted}, period__in=list(periods.values())
        )
    }
    new, changed = [], []
    for indicator, year, kind, region, whose, value, basis in wanted:
        period = periods[year]
        basis = basis or IMPORTED_BASIS
        current = existing.get((indicator, period.pk, kind, region, whose))
        if current is None:
            new.append(
                ComparatorValue(
                    indicator_id=indicator,
                    period=period,
                    kind=kind,
                    region=region,
                    authority_id=whose,
                    value=value,
                    basis=basis,
                    source=label,
                )
            )
        elif (current.value, current.basis, current.source) == (value, basis, label):
            result.unchanged += 1
        else:
            current.value, current.basis, current.source = value, basis, label
            changed.append(current)
    ComparatorValue.objects.bulk_create(new, batch_size=2000)
    ComparatorValue.objects.bulk_update(changed, ["value", "basis", "source"], batch_size=2000)
    result.created += len(new)
    result.updated += len(changed)
