"""Published statistics in the Department for Education's tidy open-data CSV layout, with pandas.

A file has the columns ``time_period``, ``time_identifier``, ``geographic_level``,
``country_code``, ``region_code``, ``new_la_code`` and ``la_name`` (``country_name``,
``region_name`` and ``old_la_code`` may come too), then breakdown columns, then one column per
indicator. A column named after a catalogue indicator's code with underscores for hyphens
(``cin_rate`` is ``cin-rate``) is that indicator; other columns map through the declared
mapping of the publication named (``PUBLICATIONS``). Suppressed cells (``c x z k u``) stay
suppressed: no figure is stored for them, never a 0.

National rows become England comparators, regional rows regional ones, local-authority rows
the council's own figures (a council not seen before is created as a comparator-only
council); each council with statistical neighbours then gets its neighbours' average,
computed from those neighbours' own rows in the file. Everything is checked before anything is
written, every problem is listed by row and column, and the file applies all together or not
at all. A figure a council entered itself is never overwritten by an import.
"""

from __future__ import annotations

from typing import BinaryIO

from django.db import transaction

from scrutiny.models import Period

from ..breakdowns.statistics import Groups, group_of_rows, parts_problems, save_breakdown_figures
from ..importers import ImportProblem
from .checks import (
    LEVELS,
    MAX_BYTES,
    PUBLICATIONS,
    REGION_CODES,
    SUPPRESSED,
    TOTAL,
    StatisticsResult,
    check_frame,
    indicator_columns,
    read_frame,
    source_label,
    start_years,
)
from .load import (
    councils_of,
    long_figures,
    neighbour_averages,
    save_comparators,
    save_council_figures,
)

__all__ = ["MAX_BYTES", "PUBLICATIONS", "REGION_CODES", "StatisticsResult", "statistics_import"]


def group_figures(rows, indicators, codes):
    """A council's figures by group, one row each, suppressed cells left out (never stored)."""
    if rows.empty:
        return rows
    figures = rows.melt(
        id_vars=["new_la_code", "year", "category"],
        value_vars=list(indicators),
        var_name="column",
        value_name="cell",
    )
    figures = figures[~figures["cell"].isin(SUPPRESSED)].copy()
    figures["indicator"] = figures["column"].map({c: i.pk for c, i in indicators.items()})
    figures["authority"] = figures["new_la_code"].map(codes)
    return figures


def statistics_import(
    *,
    source: bytes | BinaryIO,
    filename: str = "statistics.csv",
    publication: str | None = None,
    dry_run: bool = False,
) -> StatisticsResult:
    """Check a published-statistics CSV and, if every cell is sound, load all of it at once."""
    data = source if isinstance(source, bytes) else source.read(MAX_BYTES + 1)
    frame, problems = read_frame(data)
    result = StatisticsResult(problems=problems)
    if problems:
        return result
    if publication and publication not in PUBLICATIONS:
        result.problems = [ImportProblem(None, "", f"No publication is declared as {publication}.")]
        return result
    indicators, breakdowns, result.problems = indicator_columns(list(frame.columns), publication)
    if result.problems:
        return result
    result.problems = check_frame(frame, indicators, breakdowns)
    groups = Groups()
    found, problems = group_of_rows(frame, breakdowns, groups)
    if not result.problems:
        problems += parts_problems(frame, found, indicators, breakdowns, groups)
    result.problems = sorted(result.problems + problems, key=lambda p: p.row or 0)
    result.rows = len(frame)
    if result.problems or dry_run:
        return result
    totals = (frame[breakdowns] == TOTAL).all(axis=1)  # True for every row if none
    result.breakdown_rows = int((~totals).sum())
    frame["level"] = frame["geographic_level"].map(LEVELS)
    frame["region"] = frame["region_code"].map(REGION_CODES).fillna("")
    frame["year"] = start_years(frame).astype(int)
    by_group = frame.loc[found.index[frame.loc[found.index, "level"] == "authority"]].copy()
    by_group["category"] = found["category"]
    every = frame
    frame = frame[totals].copy()
    figures = long_figures(frame, indicators)
    suppressed = figures["cell"].isin(SUPPRESSED)
    result.suppressed = int(suppressed.sum())
    figures = figures[~suppressed].copy()
    figures["number"] = figures["cell"].astype(float)
    label = source_label(filename)
    with transaction.atomic():
        periods = {year: Period.year(int(year)) for year in every["year"].unique()}
        codes = councils_of(every[every["level"] == "authority"], result)
        councils = figures[figures["level"] == "authority"].copy()
        councils["authority"] = councils["new_la_code"].map(codes)
        save_council_figures(councils, periods, label, result)
        save_breakdown_figures(group_figures(by_group, indicators, codes), periods, label, result)
        comparators = figures[figures["level"] != "authority"]
        averages = neighbour_averages(councils)
        save_comparators(comparators, averages, periods, label, result)
    return result
