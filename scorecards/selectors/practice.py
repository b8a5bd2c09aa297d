"""Practice score cards: the list with a summary of each, and one card as a grid of rounds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from scrutiny.models import Period

from ..models import PracticeAspect, PracticeScore, PracticeScorecard
from .wording import plain, rounded


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


def scorecard_grid(scorecard: PracticeScorecard, until: dt.date | None = None) -> ScorecardGrid:
    """Seed 000's score card as a table, with the 'average across all 7 aspects' it lacked;
    with ``until``, only the rounds assessed by that date."""
    aspects = list(scorecard.aspects.order_by("order"))
    scores = PracticeScore.objects.filter(aspect__scorecard=scorecard)
    if until is not None:
        scores = scores.filter(assessed_on__lte=until)
    scores = list(scores.select_related("period").order_by("assessed_on", "aspect__order"))
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
