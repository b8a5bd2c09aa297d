"""Charts for scorecards and indicators: specs, rendering, alt text, tables and file cache.

Modules are named for what they do (renderer, describe) rather than after the functions
re-exported here, so ``scrutiny.charts.render`` is always the function, never a module.
"""

from .builders import (
    indicator_chart,
    round_label,
    scorecard_aspects_chart,
    scorecard_average_chart,
)
from .cache import ChartFile, PrivateChartFolder, cached_chart, chart_key
from .describe import DataTable, alt_text, data_table
from .renderer import FORMATS, RENDERER_VERSION, render
from .specs import (
    BarChart,
    ChartSpec,
    LineChart,
    Series,
    format_figure,
    spec_from_dict,
    spoken_label,
)

__all__ = [
    "BarChart",
    "ChartFile",
    "ChartSpec",
    "DataTable",
    "FORMATS",
    "LineChart",
    "PrivateChartFolder",
    "RENDERER_VERSION",
    "Series",
    "alt_text",
    "cached_chart",
    "chart_key",
    "data_table",
    "format_figure",
    "indicator_chart",
    "render",
    "round_label",
    "scorecard_aspects_chart",
    "scorecard_average_chart",
    "spec_from_dict",
    "spoken_label",
]
