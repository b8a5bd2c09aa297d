"""Blocks about recommendations: where each stands, and the rationale behind each."""

from __future__ import annotations

import datetime as dt

from committees.models import RecommendationUpdate
from committees.selectors.recommendations import (
    PUBLIC_READER,
    recommendation_sources,
    recommendations_with_status,
    visible_recommendations,
)
from scrutiny.blocks.content import BlockContent, simple_table
from scrutiny.blocks.registry import BlockType
from scrutiny.models import Authority


def _public_recommendations(authority: Authority):
    """The rows the kinds' choices come from (one function, so both kinds share it)."""
    return visible_recommendations(PUBLIC_READER, authority=authority)


def _source_choices(authority: Authority) -> list[tuple[str, str]]:
    return [(s, s) for s in recommendation_sources(PUBLIC_READER, authority)]


def _recommendations(authority: Authority, source: str, as_at: dt.date | None = None):
    # A block may be published, so it holds only what the public may read: never a Part 2
    # report's recommendations, nor those of a report not yet published.
    return (
        recommendations_with_status(PUBLIC_READER, authority, as_at=as_at)
        .filter(source=source)
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
        sources=(_public_recommendations,),
        history=True,
    ),
    BlockType(
        "strategic-focus",
        "Strategic focus",
        "The rationale that leads to each recommendation.",
        "Recommendations from",
        _source_choices,
        _strategic_focus,
        sources=(_public_recommendations,),
    ),
)
