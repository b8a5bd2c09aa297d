"""Charts in words: the alt text a screen reader speaks, and the table shown beside it."""

from __future__ import annotations

from typing import NamedTuple

from .specs import ChartSpec, Series, rounded, spoken_label

NO_DATA = "No figures recorded yet"
# Beyond this many series, one sentence each would bury the point: summarise instead.
SENTENCE_PER_SERIES_UP_TO = 3
# Name at most this many missing periods before counting them instead.
GAPS_NAMED_UP_TO = 3


class DataTable(NamedTuple):
    """A chart's figures as a table: period down the side, one column per series."""

    headers: list[str]
    rows: list[list[str]]


def data_table(spec: ChartSpec) -> DataTable:
    """The chart's data as headers and rows of text, blank where a figure is missing."""
    columns = [*spec.series, *spec.comparators]
    headers = ["Period", *(s.name for s in columns)]
    if spec.target is not None:
        headers.append("Target")
    rows = []
    for label in spec.labels:
        row = [label, *(spec.figure(s.value_at(label)) for s in columns)]
        if spec.target is not None:
            row.append(spec.target_text)
        rows.append(row)
    return DataTable(headers, rows)


def alt_text(spec: ChartSpec) -> str:
    """What the chart shows, in a sentence or three, for alt text and the SVG <title>."""
    series = [s for s in spec.series if s.present]
    if not series:
        return f"{spec.title}: {NO_DATA.lower()}." if spec.title else f"{NO_DATA}."
    if len(spec.series) <= SENTENCE_PER_SERIES_UP_TO:
        sentences = [_trend(spec, s) for s in spec.series]
    else:
        sentences = [_overview(spec)]
    if spec.target is not None:
        sentences[0] = f"{sentences[0]}, against a target of {spec.target_text}"
    sentences = [f"{s}." for s in sentences]
    if spec.comparators:
        sentences.append(_comparison(spec, series))
    if len(series) > 1:
        sentences.append(_largest_change(spec, series))
    return " ".join(s for s in sentences if s)


def _trend(spec: ChartSpec, series: Series) -> str:
    """One series in a clause: rose, fell, stayed at or was, first to last figure."""
    present = series.present
    if not present:
        return f"{series.name} has {NO_DATA.lower()}"
    (_, first_label, first), (_, last_label, last) = present[0], present[-1]
    first_text, last_text = spec.figure(first), spec.figure(last)
    start, end = spoken_label(first_label), spoken_label(last_label)
    if len(present) == 1:
        sentence = f"{series.name} was {first_text} in {start}"
    else:
        shown = {rounded(v, spec.decimals) for _, _, v in present}
        first_shown, last_shown = rounded(first, spec.decimals), rounded(last, spec.decimals)
        if len(shown) == 1:
            sentence = f"{series.name} stayed at {first_text} from {start} to {end}"
        elif last_shown > first_shown:
            sentence = f"{series.name} rose from {first_text} in {start} to {last_text} in {end}"
        elif last_shown < first_shown:
            sentence = f"{series.name} fell from {first_text} in {start} to {last_text} in {end}"
        else:
            sentence = f"{series.name} was {first_text} in {start} and again {last_text} in {end}"
    return sentence + _gaps(series)


def _gaps(series: Series) -> str:
    """The periods without a figure between a series' first and last, in brackets."""
    present = series.present
    first, last = present[0][0], present[-1][0]
    # Only gaps between the first and last figure: a series that starts late is not missing.
    missing = [label for label, value in series.points[first : last + 1] if value is None]
    if not missing:
        return ""
    if len(missing) <= GAPS_NAMED_UP_TO:
        return f" (no figure for {_join([spoken_label(m) for m in missing])})"
    return f" (no figure for {len(missing)} periods in between)"


def _overview(spec: ChartSpec) -> str:
    """What a chart of many series covers: how many, and from when to when."""
    labels = spec.labels
    present = [label for s in spec.series for _, label, _ in s.present]
    first = min(present, key=labels.index)
    last = max(present, key=labels.index)
    span = (
        f"in {spoken_label(first)}"
        if first == last
        else (f"from {spoken_label(first)} to {spoken_label(last)}")
    )
    return f"{spec.title}, {len(spec.series)} series {span}"


def _comparison(spec: ChartSpec, series: list[Series]) -> str:
    """The comparators' figures, at the period of the chart's latest figure."""
    # Compare like with like: each comparator at the period of the chart's latest own figure
    # where it has one, else at its own latest figure (and say which period that is).
    anchor = series[0].present[-1][1]
    by_period: dict[str, list[str]] = {}
    for comparator in spec.comparators:
        if comparator.value_at(anchor) is not None:
            label, value = anchor, comparator.value_at(anchor)
        elif comparator.present:
            _, label, value = comparator.present[-1]
        else:
            continue
        by_period.setdefault(label, []).append(f"{comparator.name} {spec.figure(value)}")
    parts = [f"{_join(items)} in {spoken_label(label)}" for label, items in by_period.items()]
    return f"For comparison: {'; '.join(parts)}." if parts else ""


def _largest_change(spec: ChartSpec, series: list[Series]) -> str:
    """Which series moved most between its first and latest figure."""
    moved = [s for s in series if len(s.present) > 1]
    if not moved:
        return ""
    biggest = max(moved, key=lambda s: abs(s.present[-1][2] - s.present[0][2]))
    first, last = biggest.present[0][2], biggest.present[-1][2]
    if rounded(first, spec.decimals) == rounded(last, spec.decimals):
        return "None of the series changed between its first and latest figure."
    verb = "rose" if last > first else "fell"
    return (
        f"The largest change was in {biggest.name}, which {verb} from "
        f"{spec.figure(first)} to {spec.figure(last)}."
    )


def _join(items: list[str]) -> str:
    """Items as a list in prose: 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
