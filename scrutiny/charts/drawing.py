"""The matplotlib Figure for a chart spec: lines or bars, target and comparator lines,
labelled line ends, legible ticks. Imported by ``renderer`` only when a chart is drawn."""

from __future__ import annotations

import math

import matplotlib

# pyplot keeps every figure in global state and leaks in a long-running server; the Agg
# backend draws off screen. matplotlib.use() does not import pyplot.
matplotlib.use("Agg")
# SVG ids (clip paths, glyphs) are random unless salted; a fixed salt makes the same spec
# give the same bytes, so cached files and tests are stable.
matplotlib.rcParams["svg.hashsalt"] = "scrutiny-charts"

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from . import palette  # noqa: E402
from .describe import NO_DATA  # noqa: E402
from .specs import BarChart, ChartSpec, Series  # noqa: E402

WIDTH_IN, HEIGHT_IN = 8.0, 4.5
LEGEND_ROW_IN = 0.3
# Beyond this many periods, label every n-th tick so the labels stay legible.
MAX_TICK_LABELS = 12
MAX_BAR_VALUE_LABELS = 16


def draw(spec: ChartSpec) -> Figure:
    """Build the matplotlib Figure for a spec (no canvas output yet)."""
    labels = spec.labels
    legend_rows = _legend_rows(spec)
    figure = Figure(
        figsize=(WIDTH_IN, HEIGHT_IN + legend_rows * LEGEND_ROW_IN),
        facecolor=palette.BACKGROUND,
        layout="constrained",
    )
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    _style_axes(axes, spec)
    if not spec.has_data:
        axes.set_yticks([])
        axes.set_xticks([])
        axes.text(
            0.5,
            0.5,
            NO_DATA,
            transform=axes.transAxes,
            ha="center",
            va="center",
            fontsize=palette.BASE_FONT_SIZE + 1,
            color=palette.MUTED_TEXT_COLOUR,
        )
        return figure
    low, high = _y_limits(spec)
    axes.set_ylim(low, high)
    axes.set_xlim(-0.5, len(labels) - 0.5)
    if isinstance(spec, BarChart):
        handles = _draw_bars(axes, spec, labels)
    else:
        handles = _draw_lines(axes, spec, labels)
    end_labels = _draw_comparators(axes, spec, labels)
    if spec.target is not None:
        axes.axhline(
            float(spec.target),
            color=palette.TARGET_COLOUR,
            linestyle=palette.TARGET_LINESTYLE,
            linewidth=1.5,
            zorder=2.5,  # over bars, under the lines it is a target for
        )
        end_labels.append((float(spec.target), f"Target {spec.target_text}"))
    _x_ticks(axes, labels)
    if len(spec.series) > 1 or (isinstance(spec, BarChart) and spec.series):
        figure.legend(
            handles=handles,
            loc="outside lower center",
            ncols=_legend_columns(spec),
            frameon=False,
            fontsize=palette.BASE_FONT_SIZE,
            labelcolor=palette.TEXT_COLOUR,
            handlelength=3.5,
        )
    # Last, once everything that takes space is in place, so the layout it measures is final.
    _label_line_ends(axes, end_labels, low, high)
    return figure


def _style_axes(axes, spec: ChartSpec) -> None:
    """Title, spines, ticks and grid: the same plain style on every chart."""
    axes.set_title(
        spec.title,
        loc="left",
        fontsize=palette.TITLE_FONT_SIZE,
        color=palette.TEXT_COLOUR,
        pad=12,
    )
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(palette.MUTED_TEXT_COLOUR)
    axes.tick_params(
        labelsize=palette.BASE_FONT_SIZE,
        colors=palette.TEXT_COLOUR,
        color=palette.MUTED_TEXT_COLOUR,
    )
    axes.yaxis.grid(True, color=palette.GRID_COLOUR, linewidth=0.8)
    axes.set_axisbelow(True)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=6, min_n_ticks=3))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda y, _: _tick(y, spec.unit)))
    if spec.y_label:
        axes.set_ylabel(spec.y_label, fontsize=palette.BASE_FONT_SIZE, color=palette.TEXT_COLOUR)


def _tick(value: float, unit: str) -> str:
    """A y-axis tick label, with '%' where the figures are percentages."""
    text = f"{value:,.10g}"
    return f"{text}%" if unit == "%" else text


def _y_limits(spec: ChartSpec) -> tuple[float, float]:
    """The y-axis range: the spec's own, or zero to just above the largest figure."""
    values = [float(v) for s in (*spec.series, *spec.comparators) for _, _, v in s.present]
    if spec.target is not None:
        values.append(float(spec.target))
    lowest, highest = min(values), max(values)
    # Bars must start at zero to be honest; lines too unless told, so small moves look small.
    low = float(spec.y_min) if spec.y_min is not None else min(0.0, lowest * 1.1)
    if spec.y_max is not None:
        high = float(spec.y_max)
    else:
        span = (highest - low) or abs(highest) or 1.0
        high = highest + span * 0.1
        if spec.unit == "%" and highest <= 100 < high:
            high = 100.0
    return low, high


def _series_values(series: Series, labels: list[str]) -> list[float]:
    """A series' figures as floats on the chart's periods, NaN where missing."""
    # NaN breaks the line: a missing figure is a gap, never a zero.
    return [math.nan if (v := series.value_at(label)) is None else float(v) for label in labels]


def _draw_lines(axes, spec: ChartSpec, labels: list[str]) -> list:
    """One line per series; returns the legend handles."""
    handles = []
    for index, series in enumerate(spec.series):
        style = palette.series_style(index)
        (line,) = axes.plot(
            range(len(labels)),
            _series_values(series, labels),
            label=series.name,
            color=style["color"],
            linestyle=style["linestyle"],
            marker=style["marker"],
            linewidth=2.25,
            markersize=7,
            zorder=3 + index,
        )
        handles.append(line)
    return handles


def _draw_bars(axes, spec: ChartSpec, labels: list[str]) -> list:
    """Grouped, hatched bars per series; returns the legend handles."""
    handles = []
    count = len(spec.series) or 1
    width = 0.8 / count
    show_values = len(labels) * count <= MAX_BAR_VALUE_LABELS
    for index, series in enumerate(spec.series):
        style = palette.series_style(index)
        offsets = [i - 0.4 + width * (index + 0.5) for i in range(len(labels))]
        values = _series_values(series, labels)
        drawn = [(x, v) for x, v in zip(offsets, values, strict=True) if not math.isnan(v)]
        bars = axes.bar(
            [x for x, _ in drawn],
            [v for _, v in drawn],
            width=width * 0.92,
            color=style["color"],
            hatch=style["hatch"],
            edgecolor=palette.TEXT_COLOUR,
            linewidth=0.8,
            label=series.name,
            zorder=2,
        )
        handles.append(bars)
        if show_values:
            axes.bar_label(
                bars,
                labels=[spec.figure(v) for _, v in drawn],
                padding=3,
                fontsize=palette.BASE_FONT_SIZE - 1,
                color=palette.TEXT_COLOUR,
            )
        for x, value in zip(offsets, values, strict=True):
            if math.isnan(value):
                # Otherwise a missing bar and a bar of zero look the same.
                axes.annotate(
                    "no figure",
                    xy=(x, 0),
                    xytext=(0, 4),
                    textcoords="offset points",
                    rotation=90,
                    ha="center",
                    va="bottom",
                    color=palette.MUTED_TEXT_COLOUR,
                    fontsize=palette.BASE_FONT_SIZE - 1,
                )
    return handles


def _draw_comparators(axes, spec: ChartSpec, labels: list[str]) -> list[tuple[float, str]]:
    """Dotted comparator lines; returns (last figure, name) for end labels."""
    ends = []
    for index, comparator in enumerate(spec.comparators):
        if not comparator.present:
            continue
        style = palette.comparator_style(index)
        axes.plot(
            range(len(labels)),
            _series_values(comparator, labels),
            color=style["color"],
            linestyle=style["linestyle"],
            marker=style["marker"],
            linewidth=2,
            markersize=8,
            markeredgewidth=1.5,
            zorder=2,
        )
        ends.append((float(comparator.present[-1][2]), comparator.name))
    return ends


def _label_line_ends(axes, ends: list[tuple[float, str]], low: float, high: float) -> None:
    """Write each label in the right margin at its line's last figure."""
    # Labelled at the line end, not only in a legend: no matching colours to a key. Labels
    # closer than a line of text are pushed apart so they never overprint.
    if not ends:
        return
    figure = axes.get_figure()
    # Lay the figure out once to learn how tall the axes really are, in points.
    figure.get_layout_engine().execute(figure)
    axes_height_pt = axes.get_position().height * figure.get_figheight() * 72
    gap = (high - low) * (palette.BASE_FONT_SIZE * 1.3) / axes_height_pt
    placed: list[tuple[float, float, str]] = []
    for value, text in sorted(ends):
        y = max(value, placed[-1][1] + gap) if placed else value
        placed.append((value, y, text))
    overflow = placed[-1][1] - high
    if overflow > 0:
        placed = [(v, y - overflow, t) for v, y, t in placed]
    for _, y, text in placed:
        axes.annotate(
            text,
            xy=(1, y),
            xycoords=axes.get_yaxis_transform(),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            annotation_clip=False,
            fontsize=palette.BASE_FONT_SIZE,
            color=palette.TEXT_COLOUR,
        )


def _x_ticks(axes, labels: list[str]) -> None:
    """Period labels on the x-axis, thinned and slanted when they would collide."""
    step = math.ceil(len(labels) / MAX_TICK_LABELS)
    positions = list(range(0, len(labels), step))
    axes.set_xticks(positions, [labels[i] for i in positions])
    axes.set_xticks(range(len(labels)), minor=True)
    longest = max((len(label) for label in labels), default=0)
    if len(positions) * longest > 70:
        for tick in axes.get_xticklabels():
            tick.set_rotation(30)
            tick.set_horizontalalignment("right")
            tick.set_rotation_mode("anchor")


def _legend_rows(spec: ChartSpec) -> int:
    """How many rows the legend below the chart will take."""
    if len(spec.series) <= 1 and not isinstance(spec, BarChart):
        return 0
    return math.ceil(len(spec.series) / _legend_columns(spec)) if spec.series else 0


def _legend_columns(spec: ChartSpec) -> int:
    """Legend columns: fewer when series names are long."""
    longest = max((len(s.name) for s in spec.series), default=0)
    return 1 if longest > 35 else 2 if longest > 18 else 3
