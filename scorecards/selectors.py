"""Reads for the scorecard pages that are more than a queryset, and how figures are worded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Avg, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.safestring import SafeString

from scrutiny.models import Authority, NeighbourSet, NeighbourSetMember, Period

from . import related
from .derived import printed_difference
from .models import (
    ComparatorValue,
    Indicator,
    IndicatorValue,
    PracticeAspect,
    PracticeScore,
    PracticeScorecard,
    Target,
)
from .rag import Rag, rag_for
from .suppression import Cell, is_small, suppress_value
from .trends import Direction, describe, direction, quartile


def rounded(value, decimals: int) -> Decimal:
    """Half up, as published statistics round (Python's default would round half to even)."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_value(value, indicator: Indicator) -> str:
    """A figure in the indicator's unit and to its number of decimal places; blank stays blank."""
    if value is None:
        return ""
    text = f"{rounded(value, indicator.decimals):f}"
    return f"{text}%" if indicator.unit == Indicator.Unit.PERCENT else text


def against_target(value, target: Target) -> SafeString:
    """Where a figure stands against its target, in words, coloured by the one RAG rule.

    Kept for the workforce caseload table, which words its tags by position ("Above target");
    scorecards print the RAG word itself (``Rag.label``). Both take colour from ``rag_for``.
    """
    indicator = target.indicator
    value = Decimal(str(value))
    goal = Decimal(target.value)
    rating = rag_for(value, goal, Decimal(target.tolerance or 0), indicator.polarity)
    word = "On target" if value == goal else "Above target" if value > goal else "Below target"
    if rating is Rag.AMBER:
        word = f"{word} (within tolerance)"
    return format_html('<strong class="{}">{}</strong>', rating.tag_class, word)


# Indicators ------------------------------------------------------------------------------


def indicators_for(authority: Authority) -> QuerySet[Indicator]:
    """Indicators a council's page may show: national ones, and any it has a value for."""
    has_value = IndicatorValue.objects.filter(indicator=OuterRef("pk"), authority=authority)
    return Indicator.objects.filter(Q(is_local=False) | Q(Exists(has_value)))


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
        .filter(
            Q(kind=ComparatorValue.Kind.ENGLAND)
            | Q(kind=ComparatorValue.Kind.REGION, region=authority.region)
            | Q(kind=ComparatorValue.Kind.NEIGHBOURS, authority=authority)
        )
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


def comparator_for(comparators: list[ComparatorValue], kind: str, period: Period):
    """The comparator of a kind for exactly this period, else for its financial year."""
    of_kind = [
        c for c in comparators if c.kind == kind and c.period.start_year == period.start_year
    ]
    return _best(of_kind, period)


# Practice scorecards ---------------------------------------------------------------------


def _latest_round(scorecard_ref) -> Subquery:
    return Subquery(
        PracticeScore.objects.filter(aspect__scorecard=scorecard_ref)
        .order_by("-assessed_on")
        .values("assessed_on")[:1]
    )


def scorecards_with_summary() -> QuerySet[PracticeScorecard]:
    """Scorecards with their number of aspects and rounds and their latest round's average."""
    per_card = PracticeScore.objects.filter(aspect__scorecard=OuterRef("pk")).values(
        "aspect__scorecard"
    )
    aspects = (
        PracticeAspect.objects.filter(scorecard=OuterRef("pk"))
        .values("scorecard")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return PracticeScorecard.objects.annotate(
        aspect_count=Coalesce(Subquery(aspects, output_field=IntegerField()), 0),
        round_count=Coalesce(
            Subquery(
                per_card.annotate(n=Count("assessed_on", distinct=True)).values("n"),
                output_field=IntegerField(),
            ),
            0,
        ),
        latest_round=_latest_round(OuterRef("pk")),
        latest_average=Subquery(
            per_card.filter(assessed_on=_latest_round(OuterRef(OuterRef("pk"))))
            .annotate(a=Avg("score"))
            .values("a")
        ),
    )


@dataclass
class ScoringRound:
    """One round of scoring: its date, its period and the average across the aspects."""

    assessed_on: dt.date
    period: Period
    average: Decimal | None = None
    scored: int = 0
    illustrative: bool = False


def plain(value) -> str:
    """A decimal without trailing zeros or exponent: 10.00 -> '10', 6.50 -> '6.5'."""
    return "" if value is None else f"{Decimal(value).normalize():f}"


def scale_label(scorecard: PracticeScorecard) -> str:
    return f"{plain(scorecard.scale_min)} to {plain(scorecard.scale_max)}"


@dataclass
class AspectRow:
    """One aspect's scores, one cell per round (None where not scored)."""

    aspect: PracticeAspect
    scores: list[PracticeScore | None]

    def cells(self, decimals: int) -> list[tuple[str, bool]]:
        return [
            (f"{rounded(s.score, decimals):f}", s.is_illustrative) if s else ("", False)
            for s in self.scores
        ]


@dataclass
class ScorecardGrid:
    """Aspects by rounds, with the average across all aspects per round."""

    rounds: list[ScoringRound]
    rows: list[AspectRow]
    decimals: int = 0

    @property
    def table(self) -> list[tuple[PracticeAspect, list[tuple[str, bool]]]]:
        """Each aspect with its scores, all to the same places so the column lines up."""
        return [(row.aspect, row.cells(self.decimals)) for row in self.rows]

    @property
    def has_illustrative(self) -> bool:
        return any(r.illustrative for r in self.rounds)


AVERAGE_DECIMALS = 1


def scorecard_grid(scorecard: PracticeScorecard) -> ScorecardGrid:
    """Seed 000's score card as a table, with the 'average across all 7 aspects' it lacked."""
    aspects = list(scorecard.aspects.order_by("order"))
    scores = list(
        PracticeScore.objects.filter(aspect__scorecard=scorecard)
        .select_related("period")
        .order_by("assessed_on", "aspect__order")
    )
    rounds: dict[dt.date, ScoringRound] = {}
    cells: dict[tuple[int, dt.date], PracticeScore] = {}
    for score in scores:
        rounds.setdefault(score.assessed_on, ScoringRound(score.assessed_on, score.period))
        cells[(score.aspect_id, score.assessed_on)] = score
    for day, scoring_round in rounds.items():
        present = [cells[(a.pk, day)] for a in aspects if (a.pk, day) in cells]
        scoring_round.scored = len(present)
        scoring_round.illustrative = any(s.is_illustrative for s in present)
        if present:
            mean = sum(s.score for s in present) / len(present)
            scoring_round.average = rounded(mean, AVERAGE_DECIMALS)
    rows = [AspectRow(a, [cells.get((a.pk, day)) for day in rounds]) for a in aspects]
    # As many places as the most precise score needs: 4 and 4.2 print as 4.0 and 4.2.
    decimals = max((max(-s.score.normalize().as_tuple().exponent, 0) for s in scores), default=0)
    return ScorecardGrid(list(rounds.values()), rows, decimals)


# Figures as a reader may see them ----------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """One IndicatorValue as this reader may see it: its value and counts as Cells ("c" hidden).

    Quacks like an IndicatorValue where the chart builders and ``comparison_rows`` look
    (``period``, ``period_id``, ``value``), with ``value`` None when hidden: a gap, never drawn.
    """

    record: IndicatorValue
    shown: Cell
    numerator: Cell
    denominator: Cell

    @property
    def period(self) -> Period:
        return self.record.period

    @property
    def period_id(self) -> int:
        return self.record.period_id

    @property
    def value(self) -> Decimal | None:
        return self.shown.public_value

    @property
    def suppressed(self) -> bool:
        return self.shown.suppressed

    @property
    def commentary(self) -> str:
        # Words written about a hidden figure may well repeat it.
        return "" if self.suppressed else self.record.commentary

    @property
    def printed_note(self) -> str:
        """Where the paper printed other than its counts give: "The paper printed 48%, but ...".

        Blank where any of the figure or its counts is hidden: the note quotes them all.
        """
        if self.suppressed or self.numerator.suppressed or self.denominator.suppressed:
            return ""
        return printed_difference(self.record)


def figures_for(record: IndicatorValue, threshold: int | None) -> Figures:
    """The figure unchanged when ``threshold`` is None (a reader who may see the council's
    figures); else small counts, and any figure worked out from a small count, hidden."""
    value = record.value
    if threshold is None:
        return Figures(record, Cell(value), Cell(record.numerator), Cell(record.denominator))
    numerator = suppress_value(record.numerator, threshold)
    denominator = suppress_value(record.denominator, threshold)
    unit = record.indicator.unit
    primary = unit == Indicator.Unit.COUNT and is_small(value, threshold)
    hidden = primary or numerator.suppressed or denominator.suppressed
    if _rest_is_small(record, threshold) and not hidden:
        # 11 permanent of 16 shown beside each other say that 5 are agency staff: the share
        # and its numerator go, leaving the total.
        hidden = True
        numerator = Cell(record.numerator, suppressed=True, secondary=True)
    shown = Cell(value, suppressed=hidden, secondary=hidden and not primary)
    return Figures(record, shown, numerator, denominator)


def figures_of(records: list[IndicatorValue], threshold: int | None) -> dict[int, Figures]:
    """Each record's Figures by pk, with counts that related rows would give away hidden too.

    ``figures_for`` hides what one record reveals; the per-role workforce figures and their
    all-roles totals also reveal each other (``related``), so their counts are hidden as one
    table per council and period. Pass every related record the reader will see anywhere.
    """
    figures = {record.pk: figures_for(record, threshold) for record in records}
    if threshold is None:
        return figures
    linked = [record for record in records if related.is_related(record.indicator.code)]
    if not linked:
        return figures
    already = {
        (pk, part)
        for pk, shown in figures.items()
        for part in ("numerator", "denominator")
        if getattr(shown, part).suppressed
    }
    hidden = related.hidden_counts(linked, threshold, hide=already)
    for record in linked:
        before = figures[record.pk]
        top, bottom = (record.pk, "numerator") in hidden, (record.pk, "denominator") in hidden
        if (top and not before.numerator.suppressed) or (
            bottom and not before.denominator.suppressed
        ):
            figures[record.pk] = Figures(
                record,
                Cell(record.value, suppressed=True, secondary=not before.shown.suppressed)
                if not before.shown.suppressed
                else before.shown,
                before.numerator
                if before.numerator.suppressed or not top
                else Cell(record.numerator, suppressed=True, secondary=True),
                before.denominator
                if before.denominator.suppressed or not bottom
                else Cell(record.denominator, suppressed=True, secondary=True),
            )
    return figures


def _rest_is_small(record: IndicatorValue, threshold: int) -> bool:
    """Whether a percentage of a whole leaves a small count outside it (denominator - numerator)."""
    if record.indicator.unit != Indicator.Unit.PERCENT:
        return False
    if record.numerator is None or record.denominator is None:
        return False
    rest = record.denominator - record.numerator
    return rest >= 0 and is_small(rest, threshold)


def reader_threshold(can_view: bool) -> int | None:
    """None for a reader who may see the council's figures; else the suppression threshold."""
    return None if can_view else settings.SUPPRESSION_THRESHOLD


# The council scorecard for a period -------------------------------------------------------

PeriodKey = tuple[str, int, int | None]


def previous_key(period: Period) -> PeriodKey:
    """The period before (quarter, month or year) as (kind, start_year, number), without a query.

    ``Period.previous`` would create the row if it is missing; a page must not write.
    """
    kind, year, number = period.kind, period.start_year, period.number
    if kind == Period.Kind.YEAR:
        return kind, year - 1, None
    if kind == Period.Kind.QUARTER:
        return (kind, year - 1, 4) if number == 1 else (kind, year, number - 1)
    # Months run April (4) to March (3) within a financial year.
    if number == 4:
        return kind, year - 1, 3
    return kind, year, 12 if number == 1 else number - 1


def last_year_key(period: Period) -> PeriodKey:
    """The same period a year earlier, as (kind, start_year, number)."""
    return period.kind, period.start_year - 1, period.number


def _key(period: Period) -> PeriodKey:
    return period.kind, period.start_year, period.number


def _is_period(key: PeriodKey) -> Q:
    kind, year, number = key
    return Q(period__kind=kind, period__start_year=year, period__number=number)


def key_label(key: PeriodKey) -> str:
    """A period's label from its key, for a period that may have no row."""
    kind, year, number = key
    start, end = Period.bounds(kind, year, number)
    return Period(kind=kind, start_year=year, number=number, start=start, end=end).label


def scorecard_periods(authority: Authority) -> list[Period]:
    """Periods the council has any figure for, latest first."""
    has_value = IndicatorValue.objects.filter(authority=authority).values("period")
    return list(Period.objects.filter(pk__in=has_value).order_by("-end", "-start"))


RAG_ORDER = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2, Rag.NO_TARGET: 3}
TREND_ORDER = {
    Direction.WORSENED: 0,
    Direction.NO_CHANGE: 1,
    Direction.IMPROVED: 2,
    Direction.DECREASED: 3,
    Direction.INCREASED: 4,
}


@dataclass(frozen=True)
class NeighboursAverage:
    """The statistical neighbours' figure beside the council's, and what it is."""

    value: Decimal
    kind: str  # "published average", or "mean of 4 neighbours’ figures here"
    basis: str
    period: Period
    computed: bool = False

    @property
    def period_id(self) -> int:
        return self.period.pk


@dataclass
class ScorecardRow:
    """One indicator on the council's scorecard for a period, as this reader may see it."""

    indicator: Indicator
    period: Period
    current: Figures
    previous: Figures | None = None
    last_year: Figures | None = None
    previous_label: str = ""
    last_year_label: str = ""
    target: Target | None = None
    england: ComparatorValue | None = None
    region: ComparatorValue | None = None
    neighbours: ComparatorValue | None = None
    neighbour_values: list[Decimal] = field(default_factory=list)

    @property
    def neighbours_average(self) -> NeighboursAverage | None:
        """The neighbours' figure shown: the published average if stored, else their mean."""
        if self.neighbours is not None:
            return NeighboursAverage(
                self.neighbours.value,
                "published average",
                self.neighbours.basis,
                self.neighbours.period,
            )
        if not self.neighbour_values:
            return None
        count = len(self.neighbour_values)
        mean = sum(self.neighbour_values, Decimal(0)) / count
        noun = "neighbour" if count == 1 else "neighbours"
        return NeighboursAverage(
            mean, f"mean of {count} {noun}’ figures here", "", self.period, computed=True
        )

    @property
    def value(self) -> Decimal | None:
        """The figure as shown (None when hidden), so sorting cannot reveal a hidden one."""
        return self.current.value

    @property
    def withheld(self) -> bool:
        return self.current.suppressed

    @property
    def rag(self) -> Rag | None:
        """The RAG rating; None when the figure is hidden, since a rating would hint at it."""
        if self.withheld:
            return None
        return rag_for(
            self.current.value,
            None if self.target is None else self.target.value,
            None if self.target is None else self.target.tolerance,
            self.indicator.polarity,
            decimals=self.indicator.decimals,
        )

    @property
    def rag_rank(self) -> int:
        return RAG_ORDER.get(self.rag, len(RAG_ORDER))

    @property
    def previous_value(self) -> Decimal | None:
        return self.previous.value if self.previous else None

    @property
    def last_year_value(self) -> Decimal | None:
        return self.last_year.value if self.last_year else None

    @property
    def trend_withheld(self) -> bool:
        return self.withheld or bool(self.previous and self.previous.suppressed)

    @property
    def trend(self) -> Direction | None:
        """Which way the figure moved since the last period, judged as printed."""
        if self.trend_withheld:
            return None
        indicator = self.indicator
        return direction(
            self.current.value, self.previous_value, indicator.polarity, indicator.decimals
        )

    @property
    def trend_rank(self) -> int:
        return TREND_ORDER.get(self.trend, len(TREND_ORDER))

    @property
    def trend_text(self) -> str:
        """The trend as a sentence a screen reader speaks: "Improved from 33.0% in ...".

        Blank when a figure it compares is hidden: the sentence would print it.
        """
        if self.trend_withheld:
            return ""
        return describe(
            self.current.value,
            self.previous_value,
            polarity=self.indicator.polarity,
            decimals=self.indicator.decimals,
            unit=self.indicator.unit,
            current_label=self.period.label,
            previous_label=self.previous_label,
        )

    @property
    def quartile(self) -> str | None:
        """A (best) to D among the council's statistical neighbours, where four or more report."""
        if self.withheld:
            return None
        return quartile(
            self.current.value,
            self.neighbour_values,
            self.indicator.polarity,
            decimals=self.indicator.decimals,
        )


@dataclass
class AreaGroup:
    """The scorecard rows of one area (workforce, front door...)."""

    area: str
    label: str
    rows: list[ScorecardRow]


@dataclass
class Scorecard:
    """A council's scorecard for one period, grouped by area."""

    authority: Authority
    period: Period | None
    periods: list[Period]
    groups: list[AreaGroup]
    suppressed: bool

    @property
    def rows(self) -> list[ScorecardRow]:
        return [row for group in self.groups for row in group.rows]


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


def _best(candidates: list, period: Period):
    """The row for exactly this period if there is one, else the financial year's."""
    exact = [c for c in candidates if c.period_id == period.pk]
    if exact:
        return exact[0]
    yearly = [c for c in candidates if c.period.kind == Period.Kind.YEAR]
    return yearly[0] if yearly else None


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
    wanted = {p.pk: p for p in periods if p == period or _key(p) in (before, year_ago)}
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
        (r.indicator_id, _key(r.period)): shown[r.pk] for r in records
    }

    targets: dict[int, list[Target]] = {}
    for target in with_related(
        Target.objects.filter(
            authority=authority, indicator_id__in=ids, period__start_year=period.start_year
        ).order_by("period__start"),
        period=Period,
    ):
        targets.setdefault(target.indicator_id, []).append(target)

    comparators: dict[tuple[int, str], list[ComparatorValue]] = {}
    for comparator in (
        ComparatorValue.objects.filter(indicator_id__in=ids)
        .filter(
            Q(kind=ComparatorValue.Kind.ENGLAND)
            | Q(kind=ComparatorValue.Kind.REGION, region=authority.region)
            | Q(kind=ComparatorValue.Kind.NEIGHBOURS, authority=authority)
        )
        .filter(
            Q(period=period)
            | Q(period__kind=Period.Kind.YEAR, period__start_year=period.start_year)
        )
        .select_related("period")
    ):
        comparators.setdefault((comparator.indicator_id, comparator.kind), []).append(comparator)

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
            current=by_key[(indicator.pk, _key(period))],
            previous=by_key.get((indicator.pk, before)),
            last_year=by_key.get((indicator.pk, year_ago)),
            previous_label=previous_label,
            last_year_label=last_year_label,
            target=_best(targets.get(indicator.pk, []), period),
            england=_best(comparators.get((indicator.pk, "england"), []), period),
            region=_best(comparators.get((indicator.pk, "region"), []), period),
            neighbours=_best(comparators.get((indicator.pk, "neighbours"), []), period),
            neighbour_values=neighbour_values.get(indicator.pk, []),
        )
        group = groups.setdefault(
            indicator.area, AreaGroup(indicator.area, indicator.get_area_display(), [])
        )
        group.rows.append(row)
    order = {area: n for n, area in enumerate(Indicator.Area.values)}
    ordered = sorted(groups.values(), key=lambda g: order.get(g.area, len(order)))
    return Scorecard(authority, period, periods, ordered, threshold is not None)


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


@dataclass
class IndicatorTrend:
    """An indicator's series for one council as a reader sees it, and the chart of it."""

    series: list[Figures]
    comparators: list[ComparatorValue]
    targets: list[Target]
    comparison: list[ComparisonRow]
    chart: object | None  # a charts.LineChart, or None without any figure to draw
    hidden_periods: set[str]


def indicator_trend(
    indicator: Indicator, authority: Authority, *, threshold: int | None
) -> IndicatorTrend:
    """The series (small counts hidden at ``threshold``), comparators, targets and chart."""
    from .charts import indicator_chart

    values = indicator_series(indicator, authority)
    shown = figures_of([*values, *related_figures(indicator, authority, threshold)], threshold)
    series = [shown[value.pk] for value in values]
    comparators = indicator_comparators(indicator, authority)
    targets = list(indicator_targets(indicator, authority))
    comparison = comparison_rows(indicator, authority, series, comparators)
    chart = None
    if series or comparison:
        latest = series[-1].period if series else None
        target = target_for(targets, latest) if latest else None
        chart = indicator_chart(
            indicator,
            series,
            council=authority.short_name,
            target=None if target is None else target.value,
            comparison=comparison,
            region=authority.get_region_display(),
        )
    hidden = {f.period.label for f in series if f.suppressed}
    return IndicatorTrend(series, comparators, targets, comparison, chart, hidden)
