"""Blocks about recommendations: where each stands, and the rationale behind each."""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, Subquery

from scrutiny.models import Authority, Recommendation, RecommendationUpdate
from scrutiny.permissions import exempt_reports

from ..content import BlockContent, simple_table
from ..registry import BlockType
from ._common import of_council


def _source_choices(authority: Authority) -> list[tuple[str, str]]:
    sources = (
        Recommendation.objects.filter(authority=authority)
        .order_by("source")
        .values_list("source", flat=True)
        .distinct()
    )
    return [(s, s) for s in sources]


def _recommendations(authority: Authority, source: str, as_at: dt.date | None = None):
    latest = RecommendationUpdate.objects.filter(recommendation=OuterRef("pk"))
    if as_at is not None:
        latest = latest.filter(period__start__lte=as_at)
    latest = latest.order_by("-period__start", "-pk")
    # A Part 2 report's recommendations never go into a block: the block may be published.
    return (
        Recommendation.objects.filter(authority=authority, source=source)
        .exclude(report__in=exempt_reports())
        .select_related("team")
        .annotate(
            latest_status=Subquery(latest.values("status")[:1]),
            latest_note=Subquery(latest.values("note")[:1]),
        )
        .order_by("order", "pk")
    )


def _tracker(
    authority: Authority, choice: str, *, public: bool, as_at: dt.date | None
) -> BlockContent:
    """Seed 001's section 5: each recommendation, and whether it was achieved, and how (as
    the latest update for a quarter ended by ``as_at`` said)."""
    labels = dict(RecommendationUpdate.Status.choices)
    rows = [
        [
            r.reference or str(n),
            r.text,
            labels.get(r.latest_status, "No update yet"),
            r.latest_note or "",
        ]
        for n, r in enumerate(_recommendations(authority, choice, as_at), start=1)
    ]
    headers = [("No.", False), ("Recommendation", False), ("Status", False), ("Update", False)]
    table = simple_table(f"Recommendations from the {choice}", headers, rows)
    return BlockContent(subject=choice, tables=[table])


def _strategic_focus(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    """Why, then what: the rationale that leads to each recommendation."""
    rows = [[r.rationale, r.text] for r in _recommendations(authority, choice)]
    headers = [("Rationale", False), ("Recommendation", False)]
    return BlockContent(
        subject=choice,
        tables=[simple_table(f"Strategic focus: {choice}", headers, rows, row_headers=False)],
    )


RECOMMENDATION_KINDS = (
    BlockType(
        "recommendation-tracker",
        "Recommendation tracker",
        "Each recommendation with its latest status and update (Achieved, Partially...).",
        "Recommendations from",
        _source_choices,
        _tracker,
        sources=(of_council(Recommendation),),
        history=True,
    ),
    BlockType(
        "strategic-focus",
        "Strategic focus",
        "The rationale that leads to each recommendation.",
        "Recommendations from",
        _source_choices,
        _strategic_focus,
        sources=(of_council(Recommendation),),
    ),
)
