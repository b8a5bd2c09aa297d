"""The return's "Indicators by group" section: a row for each group of each breakdown the
council reports for an indicator, entered as counts or as the value, like the indicators
section, with the groups checked against the indicator's figure for the whole council."""

from __future__ import annotations

from returns.changes import Tracked, same_quarter
from returns.forms import Column, Figures, Row
from returns.models import ReturnSectionKey
from returns.rules import Problem
from scorecards.models import Indicator, IndicatorValue
from scorecards.returns import IndicatorEntry
from scrutiny.models import Period

from .checks import parts_against_whole, row_name
from .models import BreakdownCategory, BreakdownValue, ReportedBreakdown


class BreakdownEntry(IndicatorEntry):
    """Each group's numerator and denominator (or value) for the breakdowns the council reports."""

    key = ReturnSectionKey.BREAKDOWNS
    slug = "breakdowns"
    tracked = (
        Tracked(
            BreakdownValue,
            same_quarter(),
            ("numerator", "denominator", "reported_value"),
            lambda h: f"{h.indicator.name}, {h.category.breakdown.name.lower()} {h.category.name}",
            ("indicator", "category__breakdown"),
        ),
    )
    title = "Indicators by group"
    row_heading = "Indicator and group"
    row_noun = "group"
    columns = [
        Column("numerator", "Numerator", whole=False),
        Column("denominator", "Denominator", whole=False),
        Column("reported_value", "Value, if no counts", whole=False),
    ]
    hint = (
        "For each group (an age band, say) give its numerator and denominator, or else its "
        "value. The groups' counts cannot add up to more than the indicator's counts for the "
        "whole council in the indicators section, and with every group given they must add "
        "up to them exactly. Choose the breakdowns your council reports on the indicators "
        "you report page."
    )

    def load(self) -> None:
        self.reported = list(
            ReportedBreakdown.objects.filter(authority=self.authority)
            .select_related("indicator", "breakdown")
            .order_by("indicator__area", "indicator__order", "indicator__name", "breakdown__order")
        )
        self.indicators = list({r.indicator_id: r.indicator for r in self.reported}.values())
        self.categories = list(
            BreakdownCategory.objects.filter(
                breakdown__in={r.breakdown_id for r in self.reported}
            ).order_by("breakdown", "order")
        )
        self.stored = list(
            BreakdownValue.objects.filter(authority=self.authority, period_id__in=self.period_ids())
        )
        current = self.periods["current"]
        self.wholes = (
            {
                v.indicator_id: v
                for v in IndicatorValue.objects.filter(
                    authority=self.authority,
                    period=current,
                    indicator__in=[i.pk for i in self.indicators],
                )
            }
            if current is not None
            else {}
        )

    def groups(self) -> list[tuple[ReportedBreakdown, list[BreakdownCategory]]]:
        return [
            (r, [c for c in self.categories if c.breakdown_id == r.breakdown_id])
            for r in self.reported
        ]

    def get_rows(self) -> list[Row]:
        return [
            Row(
                f"{r.indicator_id}-{c.pk}",
                f"{r.indicator.name}, {r.breakdown.name.lower()}: {c.name}",
            )
            for r, categories in self.groups()
            for c in categories
        ]

    def figures_for(self, period: Period | None) -> Figures:
        return self.by_period(
            period,
            self.stored,
            lambda v: f"{v.indicator_id}-{v.category_id}",
            lambda v: {
                "numerator": v.numerator,
                "denominator": v.denominator,
                "reported_value": v.reported_value,
            },
        )

    def indicator(self, key: str) -> Indicator:
        indicator_id = key.split("-", 1)[0]
        return next(i for i in self.indicators if str(i.pk) == indicator_id)

    def move_figures(self):
        return [
            (
                row.label,
                self.value_of(row.key, self.values.get(row.key, {})),
                self.value_of(row.key, self.previous.get(row.key, {})),
            )
            for row in self.rows
        ]

    def check_section(self) -> list[Problem]:
        index = {row.key: n for n, row in enumerate(self.rows)}
        problems = []
        for reported, categories in self.groups():
            keys = [f"{reported.indicator_id}-{c.pk}" for c in categories]
            parts = [
                self.values[k]
                for k in keys
                if any(v is not None for v in self.values.get(k, {}).values())
            ]
            whole = self.wholes.get(reported.indicator_id)
            if not parts or whole is None or not keys:
                continue
            found = parts_against_whole(
                parts,
                {
                    "numerator": whole.numerator,
                    "denominator": whole.denominator,
                    "reported_value": whole.reported_value,
                },
                unit=reported.indicator.unit,
                groups=len(categories),
                what=row_name(reported.indicator.name, reported.breakdown),
            )
            problems += [Problem(str(index[keys[0]]), column, message) for column, message in found]
        return problems

    def store(self) -> None:
        period = self.stored_period

        def create(key: str) -> BreakdownValue:
            indicator_id, category_id = (int(part) for part in key.split("-"))
            return BreakdownValue(
                indicator_id=indicator_id,
                category_id=category_id,
                authority=self.authority,
                period=period,
            )

        self.write_rows(
            {
                f"{v.indicator_id}-{v.category_id}": v
                for v in self.stored
                if v.period_id == period.pk
            },
            create,
            lambda values: {
                "numerator": values["numerator"],
                "denominator": values["denominator"],
                "reported_value": values["reported_value"],
            },
        )


SECTIONS = [BreakdownEntry]
