"""Breakdown rows of a statistics file: the DfE characteristic columns read as groups.

A row is for a group when one breakdown column names a group and every other says "Total":
either ``characteristic_type`` naming a breakdown with ``characteristic`` naming its group
(the characteristics publications), or a column of the tidy layout named after a breakdown
(``age_band``, ``gender`` ...) holding the group. A group is matched to the controlled list
by its published name; a name the list does not have is a problem (row and column), and so
are a council's groups adding up to more than its total row for a count (``checks.py``).
A row for any other breakdown (``cla_group``, two at once) is left out, as before.
Suppressed cells are never stored.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
from simple_history.utils import bulk_update_with_history

from ..importers import ImportProblem
from ..models import Indicator
from .checks import parts_against_whole
from .models import Breakdown, BreakdownValue

TOTAL = "Total"
TYPE, GROUP = "characteristic_type", "characteristic"
# Columns the statistics service names otherwise than the breakdown's own column.
ALIASES = {"age_group": "age-band", "age": "age-band", "sex": "gender"}


class Groups:
    """The controlled lists, read once: breakdowns by column and by name, groups by name."""

    def __init__(self) -> None:
        self.breakdowns = list(Breakdown.objects.prefetch_related("categories"))
        by_code = {b.code: b for b in self.breakdowns}
        self.by_column = {b.column: b for b in self.breakdowns if b.column}
        self.by_column |= {column: by_code[code] for code, column in _aliases(by_code)}
        self.by_type = {}
        for b in self.breakdowns:
            self.by_type[b.name.lower()] = b
            if b.characteristic_type:
                self.by_type[b.characteristic_type.lower()] = b
        self.names = {
            b.pk: {c.name.lower(): c.pk for c in b.categories.all()} for b in self.breakdowns
        }
        self.sizes = {b.pk: len(self.names[b.pk]) for b in self.breakdowns}

    def problem(self, breakdown: Breakdown, name: str) -> str:
        listed = ", ".join(c.name for c in breakdown.categories.all())
        return f"“{name}” is not one of the {breakdown.name.lower()} groups: {listed}."


def _aliases(by_code):
    return [(code, column) for column, code in ALIASES.items() if code in by_code]


def group_of_rows(
    frame: pd.DataFrame, columns: list[str], groups: Groups
) -> tuple[pd.DataFrame, list[ImportProblem]]:
    """Each group row's breakdown and group (pks, in columns ``breakdown`` and ``category``,
    indexed as ``frame``), and a problem for each group the controlled list does not have."""
    found = pd.DataFrame(columns=["breakdown", "category"], dtype="Int64")
    problems: list[ImportProblem] = []
    if not columns:
        return found, problems
    named = frame[columns] != TOTAL
    alone = named.sum(axis=1) == 1
    pieces = []

    def take(mask: pd.Series, column: str, breakdown_of: pd.Series) -> None:
        rows = frame.loc[mask]
        if rows.empty:
            return
        breakdowns = breakdown_of.loc[mask]
        for pk, names in groups.names.items():
            mine = rows[breakdowns == pk]
            if mine.empty:
                continue
            category = mine[column].str.lower().map(names)
            breakdown = next(b for b in groups.breakdowns if b.pk == pk)
            problems.extend(
                ImportProblem(int(i) + 2, column, groups.problem(breakdown, mine.at[i, column]))
                for i in mine.index[category.isna()]
            )
            pieces.append(
                pd.DataFrame({"breakdown": pk, "category": category}, index=mine.index).dropna()
            )

    for column in columns:
        breakdown = groups.by_column.get(column)
        if breakdown is not None:
            mask = named[column] & alone
            take(mask, column, pd.Series(breakdown.pk, index=frame.index))
    if TYPE in columns and GROUP in columns:
        others = [c for c in columns if c not in (TYPE, GROUP)]
        mask = named[GROUP] & (named[others].sum(axis=1) == 0 if others else True)
        kinds = frame[TYPE].str.lower().map({k: b.pk for k, b in groups.by_type.items()})
        take(mask & kinds.notna(), GROUP, kinds)
    if pieces:
        found = pd.concat(pieces).astype("Int64")
    return found, problems


def parts_problems(
    frame: pd.DataFrame,
    found: pd.DataFrame,
    indicators: dict[str, Indicator],
    columns: list[str],
    groups: Groups,
) -> list[ImportProblem]:
    """A council's groups for a count never add up to more than its total row (all of them
    given: exactly to it), by the one rule ``parts_against_whole``."""
    counted = [c for c, i in indicators.items() if i.unit == Indicator.Unit.COUNT]
    if not counted or found.empty:
        return []
    place = ["time_period", "geographic_level", "region_code", "new_la_code"]
    totals = frame[(frame[columns] == TOTAL).all(axis=1)].set_index(place) if columns else None
    parts = frame.loc[found.index].assign(breakdown=found["breakdown"])
    problems = []
    for key, rows in parts.groupby([*place, "breakdown"], sort=False):
        breakdown = next(b for b in groups.breakdowns if b.pk == key[-1])
        where = tuple(key[:-1])
        for column in counted:
            given = [{"reported_value": _number(c)} for c in rows[column]]
            if totals is None or where not in totals.index:
                continue
            whole = _number(totals.loc[[where], column].iloc[0])
            found_here = parts_against_whole(
                [g for g in given if g["reported_value"] is not None],
                {"reported_value": whole},
                unit=Indicator.Unit.COUNT,
                groups=groups.sizes[breakdown.pk],
                what=f"{column} by {breakdown.name.lower()} for {where[-1] or where[1]}",
            )
            problems += [
                ImportProblem(int(rows.index[0]) + 2, column, message) for _, message in found_here
            ]
    return problems


def _number(cell: str) -> Decimal | None:
    try:
        return Decimal(cell)
    except ArithmeticError:
        return None  # a suppression code: no figure


def save_breakdown_figures(figures: pd.DataFrame, periods, label: str, result) -> None:
    """Store each council's figure per group (``figures``: authority, year, indicator,
    category, cell; suppressed cells already left out). A figure entered by the council
    (no source) is kept as it entered it."""
    if figures.empty:
        return
    existing = {
        (v.indicator_id, v.authority_id, v.period_id, v.category_id): v
        for v in BreakdownValue.objects.filter(
            indicator__in=set(figures["indicator"]),
            authority__in=set(figures["authority"]),
            period__in=list(periods.values()),
        )
    }
    illustrative = label.startswith("ILLUSTRATIVE")
    new, changed = [], []
    for indicator, authority, year, category, cell in figures[
        ["indicator", "authority", "year", "category", "cell"]
    ].itertuples(index=False):
        value, period = Decimal(cell), periods[year]
        current = existing.get((indicator, authority, period.pk, int(category)))
        if current is None:
            new.append(
                BreakdownValue(
                    indicator_id=indicator,
                    authority_id=authority,
                    period=period,
                    category_id=int(category),
                    reported_value=value,
                    source=label,
                    is_illustrative=illustrative,
                )
            )
        elif not current.source:
            result.kept += 1
        elif current.reported_value == value and current.source == label:
            result.unchanged += 1
        else:
            current.reported_value, current.source = value, label
            changed.append(current)
    BreakdownValue.objects.bulk_create(new, batch_size=2000)
    bulk_update_with_history(changed, BreakdownValue, ["reported_value", "source"], batch_size=2000)
    result.group_figures += len(new) + len(changed)
    result.created += len(new)
    result.updated += len(changed)
