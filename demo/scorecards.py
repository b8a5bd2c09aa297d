"""Indicators and their values, targets and comparators; practice scorecards."""

from __future__ import annotations

from typing import Any

from scorecards.catalogue import coverage_from
from scorecards.models import (
    ComparatorValue,
    Indicator,
    IndicatorValue,
    PracticeAspect,
    PracticeScore,
    PracticeScorecard,
    Target,
)
from scorecards.services import derived_values_store_all
from scrutiny.models import Authority, Period

from .base import date, decimal, period, prune, upsert
from .councils import Council

INDICATOR_FIELDS = ("name", "definition", "area", "unit", "polarity", "basis", "source")


def load_indicators(*, data: list[dict[str, Any]], owner: Authority | None = None) -> None:
    """National indicators (no owner) or a council's own local measures."""
    for order, row in enumerate(data, start=1):
        upsert(
            Indicator,
            keys={"code": row["code"]},
            values={
                **{name: row.get(name, "") for name in INDICATOR_FIELDS},
                "decimals": row.get("decimals", 1),
                "coverage": row.get("coverage") or coverage_from(row.get("basis", "")),
                "is_local": owner is not None,
                "owner": owner,
                "order": row.get("order", order),
            },
        )


def load_comparators(*, data: list[dict[str, Any]]) -> None:
    for row in data:
        upsert(
            ComparatorValue,
            keys={
                "indicator": Indicator.objects.get(code=row["indicator"]),
                "period": period(row["period"]),
                "kind": row["kind"],
                "region": row.get("region", ""),
                "authority": None,
            },
            values={
                "value": decimal(row["value"]),
                "basis": row.get("basis", ""),
                "source": row.get("source", ""),
            },
        )


def load_council_scorecards(*, council: Council, data: dict[str, Any]) -> None:
    load_indicators(data=data.get("indicators", []), owner=council.authority)
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    values = [
        upsert(
            IndicatorValue,
            keys={
                "indicator": indicators[row["indicator"]],
                "authority": council.authority,
                "period": period(row["period"]),
            },
            values={
                "numerator": decimal(row.get("numerator")),
                "denominator": decimal(row.get("denominator")),
                "reported_value": decimal(row.get("reported_value")),
                "as_at": date(row.get("as_at")),
                "basis": row.get("basis", ""),
                "source": row.get("source", ""),
                "commentary": row.get("commentary", ""),
                "is_illustrative": row.get("is_illustrative", False),
            },
        )
        for row in data.get("indicator_values", [])
    ]
    # Figures with an official definition come from the workforce counts loaded before
    # this, never from the fixture: a rate is typed once, as its counts.
    derived = derived_values_store_all(authority=council.authority)
    prune(council.authority.indicator_values.all(), keep=[*values, *derived])
    targets = [
        upsert(
            Target,
            keys={
                "indicator": indicators[row["indicator"]],
                "authority": council.authority,
                "period": period(row["period"]),
            },
            values={
                "value": decimal(row["value"]),
                "tolerance": decimal(row.get("tolerance", 0)),
                "note": row.get("note", ""),
            },
        )
        for row in data.get("targets", [])
    ]
    prune(council.authority.targets.all(), keep=targets)
    load_comparators(data=data.get("comparators", []))
    cards = [
        _load_practice_scorecard(council=council, data=row)
        for row in data.get("practice_scorecards", [])
    ]
    prune(council.authority.practice_scorecards.all(), keep=cards)


def _load_practice_scorecard(*, council: Council, data: dict[str, Any]) -> PracticeScorecard:
    """Scores are listed per aspect in the order of the scorecard's scoring rounds."""
    card = upsert(
        PracticeScorecard,
        keys={"authority": council.authority, "name": data["name"]},
        values={
            "framework": data.get("framework", ""),
            "scale_min": decimal(data.get("scale_min", 0)),
            "scale_max": decimal(data.get("scale_max", 10)),
        },
    )
    rounds = [date(day) for day in data["rounds"]]
    aspects = []
    for order, aspect_data in enumerate(data["aspects"], start=1):
        aspect = upsert(
            PracticeAspect,
            keys={"scorecard": card, "order": order},
            values={
                "name": aspect_data["name"],
                "is_illustrative": aspect_data.get("is_illustrative", False),
            },
        )
        scores = [
            upsert(
                PracticeScore,
                keys={"aspect": aspect, "assessed_on": day},
                values={
                    "period": Period.containing(day, Period.Kind.QUARTER),
                    "score": decimal(score),
                    "cases_audited": None,
                    "is_illustrative": data.get("is_illustrative", False),
                },
            )
            for day, score in zip(rounds, aspect_data["scores"], strict=True)
        ]
        prune(aspect.scores.all(), keep=scores)
        aspects.append(aspect)
    prune(card.aspects.all(), keep=aspects)
    return card
