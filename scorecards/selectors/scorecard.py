"""A council's scorecard for a period, read in five queries however many indicators it has."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet

from scrutiny.models import Authority, Period

from ..models import Indicator, IndicatorValue, Target
from .figures import Figures, figures_of, reader_threshold
from .indicators import benchmarks_for, comparator_for, target_for
from .neighbours import neighbour_figures
from .periods import (
    PeriodKey,
    key_label,
    keys_for,
    last_year_key,
    period_key,
    previous_key,
)
from .rows import AreaGroup, Scorecard, ScorecardRow


def with_related(queryset: QuerySet, **related) -> list:
    """The queryset's rows with the named foreign keys' rows attached, one instance per row.

    Like ``select_related``, one query; but ``select_related`` builds a new instance of the
    related row for every row (180 figures came with 180 copies of 60 indicators), and
    building model instances was most of the scorecard's time. Here each is built once.
    """
    model, db = queryset.model, queryset.db
    own = [f.attname for f in model._meta.concrete_fields]
    theirs = {name: [f.attname for f in rel._meta.concrete_fields] for name, rel in related.items()}
    columns = own + [f"{name}__{attname}" for name, names in theirs.items() for attname in names]
    keys = {name: names.index(related[name]._meta.pk.attname) for name, names in theirs.items()}
    fields = {name: model._meta.get_field(name) for name in related}
    built: dict[str, dict] = {name: {} for name in related}
    rows = []
    for values in queryset.values_list(*columns):
        row = model.from_db(db, own, values[: len(own)])
        start = len(own)
        for name, rel in related.items():
            part = values[start : start + len(theirs[name])]
            start += len(theirs[name])
            instance = built[name].get(part[keys[name]])
            if instance is None:
                instance = built[name][part[keys[name]]] = rel.from_db(db, theirs[name], part)
            fields[name].set_cached_value(row, instance)
        rows.append(row)
    return rows


def first_of(by_key: dict, indicator_id: int, key: PeriodKey):
    """The figure for the period ``key`` names, or for its last month if it has none."""
    return next(
        (by_key[(indicator_id, k)] for k in keys_for(key) if (indicator_id, k) in by_key), None
    )


def scorecard_periods(authority: Authority) -> list[Period]:
    """Periods the council has any figure for, latest first."""
    has_value = IndicatorValue.objects.filter(authority=authority).values("period")
    return list(Period.objects.filter(pk__in=has_value).order_by("-end", "-start"))


def council_scorecard(
    authority: Authority, period_slug: str | None, *, threshold: int | None
) -> Scorecard:
    """Every indicator with a figure for the council in the period: five queries however many.

    ``period_slug`` None means the latest period with figures; an unknown slug raises
    Period.DoesNotExist. ``threshold`` None shows every figure; else small counts are hidden.
    """
    periods = scorecard_periods(authority)
    if not periods:
        return Scorecard(authority, None, [], [], threshold is not None)
    if period_slug:
        period = next((p for p in periods if p.slug == period_slug), None)
        if period is None:
            raise Period.DoesNotExist(period_slug)
    else:
        period = periods[0]
    before, year_ago = previous_key(period), last_year_key(period)

    # The periods compared with are among the council's periods, or it has no figure there.
    compared = {*keys_for(before), *keys_for(year_ago)}
    wanted = {p.pk: p for p in periods if p == period or period_key(p) in compared}
    records = with_related(
        IndicatorValue.objects.filter(authority=authority, period_id__in=wanted).order_by(),
        indicator=Indicator,
    )
    for record in records:
        IndicatorValue.period.field.set_cached_value(record, wanted[record.period_id])
    indicators = {r.indicator_id: r.indicator for r in records if r.period_id == period.pk}
    ids = list(indicators)
    shown = figures_of(records, threshold)
    by_key: dict[tuple[int, PeriodKey], Figures] = {
        (r.indicator_id, period_key(r.period)): shown[r.pk] for r in records
    }

    targets: dict[int, list[Target]] = {}
    for target in with_related(
        Target.objects.filter(
            authority=authority, indicator_id__in=ids, period__start_year=period.start_year
        ).order_by("period__start"),
        period=Period,
    ):
        targets.setdefault(target.indicator_id, []).append(target)

    comparators = benchmarks_for(authority, period, ids)

    neighbour_values: dict[int, list[Decimal]] = {}
    # Their related rows come too, so that a neighbour's figure is hidden here exactly as on
    # its own page; a figure the public may not see there never enters an average here.
    # Another council's small counts are hidden whoever reads: a reader entitled to this
    # council's figures is not thereby entitled to its neighbours'.
    theirs = list(neighbour_figures(authority, period, ids))
    shown_theirs = figures_of(theirs, reader_threshold(False))
    for record in theirs:
        value = shown_theirs[record.pk].value
        if record.indicator_id in indicators and value is not None:
            neighbour_values.setdefault(record.indicator_id, []).append(value)

    groups: dict[str, AreaGroup] = {}
    previous_label, last_year_label = key_label(before), key_label(year_ago)
    for indicator in sorted(indicators.values(), key=lambda i: (i.order, i.name)):
        row = ScorecardRow(
            indicator=indicator,
            period=period,
            current=by_key[(indicator.pk, period_key(period))],
            previous=first_of(by_key, indicator.pk, before),
            last_year=first_of(by_key, indicator.pk, year_ago),
            previous_label=previous_label,
            last_year_label=last_year_label,
            target=target_for(targets.get(indicator.pk, []), period),
            england=comparator_for(comparators.get(indicator.pk, []), "england", period),
            region=comparator_for(comparators.get(indicator.pk, []), "region", period),
            neighbours=comparator_for(comparators.get(indicator.pk, []), "neighbours", period),
            neighbour_values=neighbour_values.get(indicator.pk, []),
        )
        group = groups.setdefault(
            indicator.area, AreaGroup(indicator.area, indicator.get_area_display(), [])
        )
        group.rows.append(row)
    order = {area: n for n, area in enumerate(Indicator.Area.values)}
    ordered = sorted(groups.values(), key=lambda g: order.get(g.area, len(order)))
    return Scorecard(authority, period, periods, ordered, threshold is not None)
