"""Reads for the scorecard pages that are more than a queryset, and how figures are worded.

One module per question; every name is re-exported here, so ``from scorecards.selectors import
council_scorecard`` and ``selectors.council_scorecard`` keep working.
"""

from .figures import (
    Figures,
    figures_for,
    figures_of,
    reader_threshold,
)
from .indicators import (
    ComparisonRow,
    comparator_for,
    comparators_q,
    comparison_rows,
    indicator_comparators,
    indicator_series,
    indicator_targets,
    indicators_for,
    target_for,
)
from .neighbours import (
    neighbour_figures,
    related_figures,
    related_linked_q,
)
from .periods import (
    PeriodKey,
    key_label,
    last_year_key,
    period_key,
    previous_key,
)
from .practice import (
    AVERAGE_DECIMALS,
    AspectRow,
    ScorecardGrid,
    ScoringRound,
    scale_label,
    scorecard_grid,
    scorecards_with_summary,
)
from .rows import (
    RAG_ORDER,
    TREND_ORDER,
    AreaGroup,
    NeighboursAverage,
    Scorecard,
    ScorecardRow,
)
from .scorecard import (
    council_scorecard,
    scorecard_periods,
    with_related,
)
from .trend import (
    IndicatorTrend,
    indicator_trend,
)
from .wording import (
    against_target,
    format_value,
    plain,
    rounded,
)

__all__ = [
    "AVERAGE_DECIMALS",
    "AreaGroup",
    "AspectRow",
    "ComparisonRow",
    "Figures",
    "IndicatorTrend",
    "NeighboursAverage",
    "PeriodKey",
    "RAG_ORDER",
    "Scorecard",
    "ScorecardGrid",
    "ScorecardRow",
    "ScoringRound",
    "TREND_ORDER",
    "against_target",
    "comparator_for",
    "comparators_q",
    "comparison_rows",
    "council_scorecard",
    "figures_for",
    "figures_of",
    "format_value",
    "indicator_comparators",
    "indicator_series",
    "indicator_targets",
    "indicator_trend",
    "indicators_for",
    "key_label",
    "last_year_key",
    "neighbour_figures",
    "period_key",
    "plain",
    "previous_key",
    "reader_threshold",
    "related_figures",
    "related_linked_q",
    "rounded",
    "scale_label",
    "scorecard_grid",
    "scorecard_periods",
    "scorecards_with_summary",
    "target_for",
    "with_related",
]
