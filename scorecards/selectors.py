"""Reads for the scorecard pages that are more than a queryset, and how figures are worded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.safestring import SafeString

from scrutiny.models import Authority, Period

from .models import (
    ComparatorValue,
    Indicator,
    IndicatorValue,
    PracticeAspect,
    PracticeScore,
    PracticeScorecard,
    Target,
)


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
    """Where a figure stands against its target, as a GOV.UK tag carrying the words."""
    indicator = target.indicator
    value, goal, slack = Decimal(str(value)), target.value, target.tolerance
    if value == goal:
        return format_html('<strong class="govuk-tag govuk-tag--{}">On target</strong>', "green")
    word = "Above target" if value > goal else "Below target"
    if indicator.polarity == Indicator.Polarity.NEITHER:
        colour = "grey"
    elif (value > goal) == (indicator.polarity == Indicator.Polarity.HIGHER):
        colour = "green"
    elif abs(value - goal) <= slack:
        colour, word = "orange", f"{word} (within tolerance)"
    else:
        colour = "red"
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, word)


# Indicators ------------------------------------------------------------------------------


def _target_for_value(field: str):
    # A target for the whole financial year wins over a quarter's or a month's:
    # "year" sorts after "quarter" and "month", hence the descending kind.
    return Subquery(
        Target.objects.filter(
            indicator=OuterRef("indicator"),
            authority=OuterRef("authority"),
            period__start_year=OuterRef("period__start_year"),
        )
        .order_by("-period__kind", "period__start")
        .values(field)[:1]
    )


def latest_indicator_values() -> QuerySet[IndicatorValue]:
    """Each indicator's latest value per council, with that year's target if one is set."""
    latest = (
        IndicatorValue.objects.filter(
            indicator=OuterRef("indicator"), authority=OuterRef("authority")
        )
        .order_by("-period__end", "-period__start", "-pk")
        .values("pk")[:1]
    )
    return (
        IndicatorValue.objects.filter(pk=Subquery(latest))
        .select_related("indicator", "period")
        .annotate(
            target_value=_target_for_value("value"),
            target_tolerance=_target_for_value("tolerance"),
        )
    )


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


def comparison_rows(
    indicator: Indicator, authority: Authority, series: list[IndicatorValue]
) -> list[ComparisonRow]:
    """Every period with a comparator, the council's own figure alongside."""
    comparators = (
        ComparatorValue.objects.filter(indicator=indicator)
        .filter(
            Q(kind=ComparatorValue.Kind.ENGLAND)
            | Q(kind=ComparatorValue.Kind.REGION, region=authority.region)
            | Q(kind=ComparatorValue.Kind.NEIGHBOURS, authority=authority)
        )
        .select_related("period")
    )
    rows: dict[int, ComparisonRow] = {}
    for comparator in comparators:
        row = rows.setdefault(comparator.period_id, ComparisonRow(comparator.period))
        setattr(row, comparator.kind, comparator.value)
    if not rows:
        return []
    for value in series:
        if value.period_id in rows:
            rows[value.period_id].council = value.value
    return sorted(rows.values(), key=lambda r: (r.period.start, r.period.end))


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
