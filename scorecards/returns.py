"""Scorecard sections: the practice score card's aspects, and the council's indicators."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q

from returns import rules
from returns.changes import Tracked, same_quarter
from returns.entries import Entry
from returns.forms import TEXT, Column, Figures, Row
from returns.models import ReturnSectionKey
from returns.rules import Problem
from scorecards.models import Indicator, IndicatorValue, PracticeAspect, PracticeScore
from scorecards.selectors.indicators import reported_indicators
from scrutiny.models import Period


class PracticeEntry(Entry):
    """The average audit score for each aspect of the practice score card this quarter."""

    key = ReturnSectionKey.PRACTICE
    slug = "practice"
    tracked = (
        Tracked(
            PracticeScore,
            lambda r: Q(aspect__scorecard__authority=r.authority, period=r.period),
            ("score", "cases_audited"),
            lambda h: h.aspect.name,
            ("aspect",),
        ),
    )
    title = "Practice score card"
    row_heading = "Aspect of practice"
    row_noun = "aspect"
    columns = [
        Column("score", "Average score", whole=False),
        Column("cases_audited", "Cases audited"),
    ]
    hint = (
        "The average score of the quarter's audits for each aspect, on the score card's own "
        "scale, and how many cases were audited."
    )

    def load(self) -> None:
        self.aspects = list(
            PracticeAspect.objects.filter(scorecard__authority=self.authority).select_related(
                "scorecard"
            )
        )
        self.scores = list(
            PracticeScore.objects.filter(
                aspect__in=[a.pk for a in self.aspects], period_id__in=self.period_ids()
            ).order_by("-assessed_on")
        )
        self.several = len({a.scorecard_id for a in self.aspects}) > 1

    def get_rows(self) -> list[Row]:
        return [
            Row(
                str(a.pk),
                f"{a.scorecard.name}: {a.order}. {a.name}"
                if self.several
                else f"{a.order}. {a.name}",
            )
            for a in self.aspects
        ]

    def figures_for(self, period: Period | None) -> Figures:
        found: Figures = {}
        for score in self.scores:
            if period is not None and score.period_id == period.pk:
                found.setdefault(
                    str(score.aspect_id),
                    {"score": score.score, "cases_audited": _number(score.cases_audited)},
                )
        return found

    def check_row(self, row: Row, values: dict) -> list[Problem]:
        scorecard = next(a.scorecard for a in self.aspects if str(a.pk) == row.key)
        if values["score"] is None and values["cases_audited"] is not None:
            return [Problem(row.key, "score", f"Enter the average score for {row.label}")]
        return rules.check_range(
            values["score"],
            minimum=scorecard.scale_min,
            maximum=scorecard.scale_max,
            row=row.key,
            column="score",
            what=f"Average score for {row.label}",
        )

    def store(self) -> None:
        period = self.stored_period
        existing: dict[str, PracticeScore] = {}
        for score in self.scores:
            if score.period_id == period.pk:
                existing.setdefault(str(score.aspect_id), score)
        self.write_rows(
            existing,
            lambda key: PracticeScore(aspect_id=int(key), period=period, assessed_on=period.end),
            lambda values: {
                "score": values["score"],
                "cases_audited": None
                if values["cases_audited"] is None
                else int(values["cases_audited"]),
            },
        )


class IndicatorEntry(Entry):
    """Each indicator the council reports: its numerator and denominator, or its value."""

    key = ReturnSectionKey.INDICATORS
    slug = "indicators"
    tracked = (
        Tracked(
            IndicatorValue,
            same_quarter(),
            ("numerator", "denominator", "reported_value", "commentary"),
            lambda h: h.indicator.name,
            ("indicator",),
        ),
    )
    title = "Indicators"
    row_heading = "Indicator"
    row_noun = "indicator"
    columns = [
        Column("numerator", "Numerator", whole=False),
        Column("denominator", "Denominator", whole=False),
        Column("reported_value", "Value, if no counts", whole=False),
        Column("commentary", "Commentary", kind=TEXT, lines=2),
    ]
    hint = (
        "Give the numerator and denominator where you have the counts (the rate is worked out "
        "from them), or else the value as your source gives it. A commentary on an indicator "
        "explains its own movement since last quarter."
    )

    def load(self) -> None:
        # The council's own measures, the catalogue indicators it reports (before they have
        # a figure) and any it has figures for; never one worked out from the workforce
        # figures, which is shown on the scorecard but not typed.
        self.indicators = reported_indicators(self.authority)
        self.stored = list(
            IndicatorValue.objects.filter(
                authority=self.authority, period_id__in=self.period_ids()
            ).select_related("indicator")
        )

    def get_rows(self) -> list[Row]:
        return [Row(str(i.pk), i.name) for i in self.indicators]

    def figures_for(self, period: Period | None) -> Figures:
        return self.by_period(
            period,
            self.stored,
            lambda v: str(v.indicator_id),
            lambda v: {
                "numerator": v.numerator,
                "denominator": v.denominator,
                "reported_value": v.reported_value,
                "commentary": v.commentary or None,
            },
        )

    def check_row(self, row: Row, values: dict) -> list[Problem]:
        indicator = self.indicator(row.key)
        numerator, denominator = values["numerator"], values["denominator"]
        value = values["reported_value"]
        if (numerator is None) != (denominator is None):
            missing = "denominator" if denominator is None else "numerator"
            return [Problem(row.key, missing, f"Enter the {missing} for {row.label}")]
        if numerator is None and value is None:
            return [Problem(row.key, "numerator", f"Enter the figures for {row.label}")]
        if denominator == 0:
            return [
                Problem(row.key, "denominator", f"Denominator for {row.label} must be more than 0")
            ]
        problems = []
        if indicator.unit == Indicator.Unit.PERCENT:
            problems += rules.check_numerator(
                numerator,
                denominator,
                row=row.key,
                column="numerator",
                numerator_label=f"Numerator for {row.label}",
                denominator_label="the denominator",
            )
            problems += rules.check_percentage(
                value, row=row.key, column="reported_value", what=f"Value for {row.label}"
            )
        return problems

    def indicator(self, key: str) -> Indicator:
        return next(i for i in self.indicators if str(i.pk) == key)

    def value_of(self, key: str, values: dict) -> Decimal | None:
        computed = self.indicator(key).value_from_counts(
            values.get("numerator"), values.get("denominator")
        )
        return computed if computed is not None else values.get("reported_value")

    def move_figures(self):
        # An indicator's own commentary explains its own movement.
        return [
            (
                row.label,
                self.value_of(row.key, self.values.get(row.key, {})),
                self.value_of(row.key, self.previous.get(row.key, {})),
            )
            for row in self.rows
            if not self.values.get(row.key, {}).get("commentary")
        ]

    def store(self) -> None:
        period = self.stored_period
        self.write_rows(
            {str(v.indicator_id): v for v in self.stored if v.period_id == period.pk},
            lambda key: IndicatorValue(
                indicator_id=int(key), authority=self.authority, period=period
            ),
            lambda values: {
                "numerator": values["numerator"],
                "denominator": values["denominator"],
                "reported_value": values["reported_value"],
                "commentary": values["commentary"] or "",
            },
        )


def _number(value) -> Decimal | None:
    return None if value is None else Decimal(value)


SECTIONS = [PracticeEntry, IndicatorEntry]
