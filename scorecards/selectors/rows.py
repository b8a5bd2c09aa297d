"""A council's scorecard as pages show it: one row per indicator, grouped by area."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from scrutiny.models import Authority, Period

from ..models import ComparatorValue, Indicator, Target
from ..rag import Rag, rag_against
from ..trends import Direction, describe, direction, quartile
from .figures import Figures

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
        return rag_against(self.current.value, self.target, self.indicator)

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
