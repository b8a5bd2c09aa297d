"""Complaint counts as the public sees them.

A complaint is brought by a child or their family, so a team's count of 1 to
``SUPPRESSION_THRESHOLD`` complaints is a figure about children: it is hidden from the public
as the scorecard hides small counts, through the same function
(``scrutiny.suppression.suppress_related``), with every total printed beside it protected so
that a hidden count cannot be worked out from the table or from the two tables together.
"""

from __future__ import annotations

from django.conf import settings

from scrutiny.suppression import CONFIDENTIAL, suppress_related

# The "team" of the total row; keys are tuples of strings so that they sort.
ALL = "\x00total row"


def hidden_complaint_counts(pivot, comparison) -> set:
    """Keys of the counts hidden from the public in the complaints block's two tables.

    Keys: ``("now", team, stage index)`` and ``("now", team, "total")`` for the year's table
    (team ``ALL`` for its total row); ``("before", team)`` for last year's column of the
    comparison, whose this-year column is the same figures as the first table's totals.
    """
    values: dict = {}
    sums: list = []
    width = len(pivot.headers)
    for row in pivot.rows:
        for i, cell in enumerate(row.cells):
            values[("now", row.team, str(i))] = cell
        values[("now", row.team, "total")] = row.total
        if any(cell is not None for cell in row.cells):
            body = [("now", row.team, str(i)) for i in range(width) if row.cells[i] is not None]
            sums.append((body, ("now", row.team, "total")))
    for i, total in enumerate(pivot.totals):
        values[("now", ALL, str(i))] = total
        body = [("now", r.team, str(i)) for r in pivot.rows if r.cells[i] is not None]
        if body:
            sums.append((body, ("now", ALL, str(i))))
    values[("now", ALL, "total")] = pivot.total
    sums.append(([("now", r.team, "total") for r in pivot.rows], ("now", ALL, "total")))
    body = [("now", ALL, str(i)) for i in range(width) if pivot.totals[i] is not None]
    if body and all(r.total == (sum(c or 0 for c in r.cells)) for r in pivot.rows):
        sums.append((body, ("now", ALL, "total")))
    known = {row.team: row.total for row in pivot.rows}
    for row in comparison.rows:
        values[("before", row.team)] = row.previous
        if known.get(row.team) != row.current:
            values[("late", row.team)] = row.current  # not the first table's figure
    values[("before", ALL)] = comparison.previous_total
    if comparison.current_total != pivot.total:
        values[("late", ALL)] = comparison.current_total
    sums.append(
        (
            [now_key(r.team, r.current, pivot) for r in comparison.rows],
            now_key(ALL, comparison.current_total, pivot),
        )
    )
    sums.append(([("before", r.team) for r in comparison.rows], ("before", ALL)))
    hidden, _ = suppress_related(values, sums, threshold=settings.SUPPRESSION_THRESHOLD)
    return hidden


def now_key(team: str, current, pivot) -> tuple:
    """The key of a this-year figure of the comparison: the first table's where it is the same."""
    if team == ALL:
        return ("now", ALL, "total") if current == pivot.total else ("late", ALL)
    same = any(row.team == team and row.total == current for row in pivot.rows)
    return ("now", team, "total") if same else ("late", team)


def shown(value, key, hidden: set):
    """The figure, or "c" when its key is hidden."""
    return CONFIDENTIAL if key in hidden else value
