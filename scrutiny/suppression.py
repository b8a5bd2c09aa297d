"""Small-number suppression, as DfE releases do it, for every figure the public may see.

Never apply it for signed-in officers and members: the caller decides who is looking.

A count of 1 to ``threshold`` is shown as "c" (primary suppression). Zero is shown, because it
identifies no one, and a blank stays blank. In a table, more cells are then hidden (secondary
suppression) until no hidden cell can be worked out from what is shown:

1. the DfE rule: a row or column (with its total, where totals are shown) holding exactly one
   hidden cell gets a second one, and so does a line whose shown total leaves its hidden cells
   adding up to no more than their number (each "c" is at least 1, so all would be 1s);
2. an exact audit: no hidden cell may follow from adding and subtracting whole rows and columns
   (two rows that differ only in hidden cells, say, with a column total below them);
3. a bounds audit: no hidden cell may be pinned by chaining "each c is at least 1" through
   several lines.

The cell hidden next is the smallest non-zero shown cell in a line through the exposed one,
an ordinary cell before a total; totals are hidden only where nothing else can be.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from scrutiny.formatting import figure

CONFIDENTIAL = "c"

Number = int | Decimal
Pos = tuple[int, int]
Key = Hashable

# Bounds propagation on large counts can creep by one per round; stopping early only means
# fewer cells are found exposed, never that a safe cell is reported unsafe.
_MAX_BOUND_ROUNDS = 200


@dataclass(frozen=True)
class Cell:
    """One figure as the public sees it: its value, whether it is hidden, and what to print."""

    value: Number | None
    suppressed: bool = False
    # Hidden not for being small but so that another hidden figure cannot be worked out.
    secondary: bool = False
    is_total: bool = False

    @property
    def text(self) -> str:
        """What to print: "c" when hidden, blank for no figure, else the figure."""
        if self.suppressed:
            return CONFIDENTIAL
        return figure(self.value)

    @property
    def public_value(self) -> Number | None:
        """The value for a download, None when hidden (``text`` carries the "c")."""
        return None if self.suppressed else self.value

    def display(self, format_value: Callable[[Number | None], str]) -> str:
        """The figure through the page's own formatter, or "c" when hidden."""
        return CONFIDENTIAL if self.suppressed else format_value(self.value)

    def __str__(self) -> str:
        # So that {{ cell }} in a template can never print a hidden value.
        return self.text


def is_small(value: Number | None, threshold: int) -> bool:
    """Whether a count is in 1..threshold (for FTEs, above 0 and at most threshold)."""
    return value is not None and 0 < value <= threshold


def suppress_value(value: Number | None, threshold: int) -> Cell:
    """A single figure, hidden when it is a small count."""
    _check_threshold(threshold)
    _check_count(value)
    return Cell(value, suppressed=is_small(value, threshold))


def suppress_series(
    values: Sequence[int | None], threshold: int, *, total: bool = False
) -> list[Cell]:
    """Figures in a line (periods, teams); with ``total`` their sum follows and is protected."""
    return suppress_table(
        [list(values)], row_totals=total, column_totals=False, threshold=threshold
    )[0]


def suppress_rate(
    numerator: Number | Cell | None,
    denominator: Number | Cell | None,
    value: Number | None,
    threshold: int,
) -> Cell:
    """A rate, hidden when its numerator or denominator is hidden or small.

    Pass the count's ``Cell`` from a suppressed table where there is one: a percentage beside
    a count hidden only by secondary suppression would give that count away.
    """
    _check_threshold(threshold)
    hidden = any(
        part.suppressed if isinstance(part, Cell) else is_small(part, threshold)
        for part in (numerator, denominator)
    )
    return Cell(value, suppressed=hidden, secondary=hidden)


@dataclass(frozen=True)
class _Line:
    """A row or column whose shown total makes an equation: sum of ``body`` equals ``total``."""

    body: tuple[Pos, ...]
    total: Pos

    @property
    def cells(self) -> tuple[Pos, ...]:
        """Every cell in the line, its total last."""
        return (*self.body, self.total)


def suppress_table(
    rows: Sequence[Sequence[int | None]],
    *,
    row_totals: bool,
    column_totals: bool,
    threshold: int,
) -> list[list[Cell]]:
    """A table of counts as the public may see it, with its totals worked out and protected.

    ``rows`` holds the counts only. With ``row_totals`` each row gains its total as a last
    cell; with ``column_totals`` a last row of column totals follows (with the grand total in
    its corner when both are shown). A blank counts as 0 in a total; a line of blanks has a
    blank total.
    """
    _check_threshold(threshold)
    width = len(rows[0]) if rows else 0
    if any(len(row) != width for row in rows):
        raise ValueError("Every row must have the same number of cells")
    for row in rows:
        for value in row:
            _check_count(value)
            if value is not None and not isinstance(value, int):
                raise TypeError("Table cells must be whole counts (int) or None")

    values, lines, totals = _layout(rows, row_totals=row_totals, column_totals=column_totals)
    primary = {pos for pos, value in values.items() if is_small(value, threshold)}
    hidden = _protect(lines, values, primary, totals)

    height = max((i for i, _ in values), default=-1) + 1
    span = max((j for _, j in values), default=-1) + 1
    return [
        [
            Cell(
                values[(i, j)],
                suppressed=(i, j) in hidden,
                secondary=(i, j) in hidden and (i, j) not in primary,
                is_total=(i, j) in totals,
            )
            for j in range(span)
        ]
        for i in range(height)
    ]


def suppress_related(
    values: Mapping[Key, Number | None],
    sums: Sequence[tuple[Sequence[Key], Key]],
    *,
    threshold: int,
    hide: Iterable[Key] = (),
) -> tuple[set[Key], set[Key]]:
    """Figures printed on different rows or pages that add up, as (hidden, hidden secondarily).

    ``values`` names every printed count (a per-role agency count, the all-roles total...);
    ``sums`` says which add up to which: ``((a, b, c), total)`` for a + b + c = total, each
    name in as many sums as it is part of. ``hide`` names counts hidden already for another
    reason. The same rule as ``suppress_table``: small counts go, and then more, until no
    hidden count follows from the shown ones, however the sums are combined.
    """
    _check_threshold(threshold)
    for value in values.values():
        _check_count(value)
    exact = {key: None if value is None else Fraction(value) for key, value in values.items()}
    lines = []
    for body, total in sums:
        cells = [*body, total]
        if any(exact.get(key) is None for key in cells):
            continue  # a sum with a missing figure says nothing exact
        lines.append(_Line(tuple(body), total))
    totals = {line.total for line in lines}
    primary = {key for key, value in values.items() if is_small(value, threshold)}
    primary |= {key for key in hide if key in values}
    hidden = _protect(lines, exact, primary, totals)
    return hidden, hidden - primary


def _protect(lines: list[_Line], values: dict, primary: set, totals: set) -> set:
    """The primary cells and every further cell hidden so that none can be worked out."""
    hidden = set(primary)
    while (pos := _next_to_hide(lines, values, hidden, totals)) is not None:
        hidden.add(pos)
    return hidden


def _check_threshold(threshold: int) -> None:
    """ValueError for a negative threshold."""
    if threshold < 0:
        raise ValueError("threshold must be zero or more")


def _check_count(value: Number | None) -> None:
    """ValueError for a negative count."""
    if value is not None and value < 0:
        raise ValueError("Counts cannot be negative")


def _sum(values: list[int | None]) -> int | None:
    """The total of a line, blanks counting 0; blank if every cell is blank."""
    present = [value for value in values if value is not None]
    return sum(present) if present else None


def _layout(
    rows: Sequence[Sequence[int | None]], *, row_totals: bool, column_totals: bool
) -> tuple[dict[Pos, int | None], list[_Line], set[Pos]]:
    """Every cell's value including totals, the equations the shown totals make, the totals."""
    height, width = len(rows), len(rows[0]) if rows else 0
    values: dict[Pos, int | None] = {
        (i, j): value for i, row in enumerate(rows) for j, value in enumerate(row)
    }
    lines: list[_Line] = []
    totals: set[Pos] = set()
    if row_totals:
        for i in range(height):
            values[(i, width)] = _sum([values[(i, j)] for j in range(width)])
            totals.add((i, width))
            lines.append(_Line(tuple((i, j) for j in range(width)), (i, width)))
    if column_totals:
        # With row totals shown, the last column is a column of figures too, with a total.
        span = width + 1 if row_totals else width
        for j in range(span):
            values[(height, j)] = _sum([values[(i, j)] for i in range(height)])
            totals.add((height, j))
            lines.append(_Line(tuple((i, j) for i in range(height)), (height, j)))
        if row_totals:
            # The grand total is also the total of the row of column totals.
            lines.append(_Line(tuple((height, j) for j in range(width)), (height, width)))
    return values, lines, totals


def _next_to_hide(
    lines: list[_Line], values: dict[Pos, int | None], hidden: set[Pos], totals: set[Pos]
) -> Pos | None:
    """The cell to hide next, or None when no hidden cell can be worked out."""

    def candidates(positions) -> list[Pos]:
        """Cells that may be hidden next, in the order to try them."""
        # Smallest first, an ordinary cell before a total; zeros and blanks are never hidden.
        found = {p for p in positions if p not in hidden and (values[p] or 0) > 0}
        return sorted(found, key=lambda p: (p in totals, values[p], p))

    for line in lines:
        if _line_discloses(line, values, hidden):
            # A disclosing line always has a non-zero shown cell: its total at the least.
            return candidates(line.cells)[0]
    for audit in (_worked_out, _pinned):
        exposed = set(audit(lines, values, hidden))
        if not exposed:
            continue
        near = [pos for line in lines if exposed.intersection(line.cells) for pos in line.cells]
        # Far from the exposed cells only when their lines have nothing left to hide. Hiding
        # every non-zero cell always ends it: doubling every hidden figure then fits the rest.
        choices = candidates(near) or candidates(values)
        # The smallest that frees an exposed cell, so one exposure does not cost two cells.
        for pos in choices:
            if not exposed <= set(audit(lines, values, hidden | {pos})):
                return pos
        return choices[0]
    return None


def _line_discloses(line: _Line, values: dict[Pos, int | None], hidden: set[Pos]) -> bool:
    """One hidden cell in the line, or hidden cells its shown total leaves no room but 1s for."""
    count = sum(1 for pos in line.cells if pos in hidden)
    if count == 0:
        return False
    if count == 1:
        return True
    if line.total in hidden:
        return False
    left = values[line.total] - sum(values[p] or 0 for p in line.body if p not in hidden)
    return left <= count


def _worked_out(lines: list[_Line], values: dict[Pos, int | None], hidden: set[Pos]) -> list[Pos]:
    """Hidden cells that follow exactly from adding and subtracting the shown lines."""
    unknowns = sorted(hidden)
    column = {pos: k for k, pos in enumerate(unknowns)}
    matrix: list[list[Fraction]] = []
    for line in lines:
        row = [Fraction(0)] * len(unknowns)
        for pos in line.body:
            if pos in column:
                row[column[pos]] = Fraction(1)
        if line.total in column:
            row[column[line.total]] = Fraction(-1)
        if any(row):
            matrix.append(row)
    # Reduced row echelon form: a cell is determined exactly when some row is that cell alone.
    pivot = 0
    for k in range(len(unknowns)):
        found = next((r for r in range(pivot, len(matrix)) if matrix[r][k] != 0), None)
        if found is None:
            continue
        matrix[pivot], matrix[found] = matrix[found], matrix[pivot]
        lead = matrix[pivot][k]
        matrix[pivot] = [x / lead for x in matrix[pivot]]
        for r in range(len(matrix)):
            if r != pivot and matrix[r][k] != 0:
                factor = matrix[r][k]
                matrix[r] = [x - factor * y for x, y in zip(matrix[r], matrix[pivot], strict=True)]
        pivot += 1
    determined = []
    for row in matrix[:pivot]:
        nonzero = [k for k, x in enumerate(row) if x != 0]
        if len(nonzero) == 1:
            determined.append(unknowns[nonzero[0]])
    return sorted(determined)


def _pinned(lines: list[_Line], values: dict[Pos, int | None], hidden: set[Pos]) -> list[Pos]:
    """Hidden cells whose range collapses to one value, each "c" being at least 1."""
    low: dict[Pos, float] = dict.fromkeys(hidden, 1)
    high: dict[Pos, float] = dict.fromkeys(hidden, math.inf)

    def bounds(pos: Pos) -> tuple[float, float]:
        """What a reader can know of a cell: its range if hidden, else its value."""
        if pos in hidden:
            return low[pos], high[pos]
        return values[pos] or 0, values[pos] or 0

    for _ in range(_MAX_BOUND_ROUNDS):
        changed = False
        for line in lines:
            for pos in line.cells:
                if pos not in hidden:
                    continue
                if pos == line.total:
                    new_low = sum(bounds(p)[0] for p in line.body)
                    new_high = sum(bounds(p)[1] for p in line.body)
                else:
                    others = [bounds(p) for p in line.body if p != pos]
                    total_low, total_high = bounds(line.total)
                    new_low = total_low - sum(high for _, high in others)
                    new_high = total_high - sum(low for low, _ in others)
                if new_low > low[pos]:
                    low[pos], changed = new_low, True
                if new_high < high[pos]:
                    high[pos], changed = new_high, True
        if not changed:
            break
    return sorted(pos for pos in hidden if low[pos] == high[pos])
