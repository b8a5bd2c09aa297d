"""Every read of recommendations and their quarterly updates.

A recommendation made in a report goes with that report: a Part 2 report's recommendations,
and every update given on them, reach only those who may open the report
(``scrutiny.permissions.recommendations_visible_to``). Returns sections and their
spreadsheet, the changes page, the trackers, the assurance pages and data blocks all read
through these functions, so no page can list a recommendation its reader may not see.
``tests/test_recommendation_reads.py`` fails if other code reads the models directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery

from committees.models import Committee, Recommendation, RecommendationUpdate
from scrutiny.models import Authority
from scrutiny.permissions import ReaderVariant, recommendations_visible_to

# What may be published: a data block's rows are read as the public reads them, since the
# report that carries the block may be published (the variant packs are read as, too).
PUBLIC_READER = ReaderVariant.PUBLIC


def visible_recommendations(
    reader,
    *,
    authority: Authority | int | None = None,
    committee: Committee | None = None,
) -> QuerySet[Recommendation]:
    """The recommendations the reader may see, of a council or of a committee."""
    qs = Recommendation.objects.all()
    if authority is not None:
        qs = qs.filter(authority=authority)
    if committee is not None:
        qs = qs.filter(committee=committee)
    return recommendations_visible_to(reader, qs)


def visible_updates(reader, *, authority: Authority | int) -> QuerySet[RecommendationUpdate]:
    """The quarterly updates the reader may see: those on recommendations they may see."""
    return RecommendationUpdate.objects.filter(
        recommendation__in=visible_recommendations(reader, authority=authority).values("pk")
    )


def recommendations_with_status(
    reader, authority: Authority | None = None, *, as_at=None
) -> QuerySet[Recommendation]:
    """The reader's recommendations annotated with the status and note of their latest
    update (by period; only periods begun by ``as_at`` when it is given)."""
    latest = RecommendationUpdate.objects.filter(recommendation=OuterRef("pk"))
    if as_at is not None:
        latest = latest.filter(period__start__lte=as_at)
    latest = latest.order_by("-period__start", "-pk")
    return (
        visible_recommendations(reader, authority=authority)
        .select_related("team", "period", "authority")
        .annotate(
            latest_status=Subquery(latest.values("status")[:1]),
            latest_note=Subquery(latest.values("note")[:1]),
        )
    )


def recommendation_sources(reader, authority: Authority) -> list[str]:
    """The sources (an annual review, a meeting...) of the reader's recommendations."""
    return list(
        visible_recommendations(reader, authority=authority)
        .order_by("source")
        .values_list("source", flat=True)
        .distinct()
    )


@dataclass
class TrackedRecommendation:
    """A recommendation with who owns it, when it is due, and its updates quarter by quarter."""

    recommendation: Recommendation
    updates: list[RecommendationUpdate]


def committee_recommendations(reader, committee: Committee) -> list[TrackedRecommendation]:
    """The committee's recommendations the reader may see, with their updates, oldest first.

    One made in a report is shown only to those who may open that report, so a Part 2
    report's recommendations stay with those entitled to it; one the committee made itself
    is as public as its minutes.
    """
    rows = list(
        visible_recommendations(reader, committee=committee)
        .select_related("team", "report__authority", "authority")
        .order_by("source", "order", "pk")
    )
    updates: dict[int, list] = {r.pk: [] for r in rows}
    for update in (
        RecommendationUpdate.objects.filter(recommendation__in=rows)
        .select_related("period")
        .order_by("period__start", "pk")
    ):
        updates[update.recommendation_id].append(update)
    return [TrackedRecommendation(r, updates[r.pk]) for r in rows]
