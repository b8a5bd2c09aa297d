"""Small-number suppression: no hidden count can be read, worked out or narrowed to one value."""

import itertools
from decimal import Decimal as D

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from scrutiny.suppression import (
    Cell,
    suppress_rate,
    suppress_series,
    suppress_table,
    suppress_value,
)

THRESHOLD = 5


def shown(table: list[list[Cell]]) -> list[list[str]]:
    """The table as the public reads it."""
    return [[cell.text for cell in row] for row in table]


def hidden_positions(table: list[list[Cell]]) -> set[tuple[int, int]]:
    """Where the "c"s are."""
    return {(i, j) for i, row in enumerate(table) for j, cell in enumerate(row) if cell.suppressed}


def equations(table, *, row_totals: bool, column_totals: bool):
    """Each shown total's line, as (cells adding up, the total's cell); read off the layout."""
    height, width = len(table), len(table[0])
    lines = []
    if row_totals:
        # Every row ends in its total; the row of column totals too, when both are shown.
        for i in range(height):
            lines.append(([(i, j) for j in range(width - 1)], (i, width - 1)))
    if column_totals:
        for j in range(width):
            lines.append(([(i, j) for i in range(height - 1)], (height - 1, j)))
    return lines


def with_totals(rows, *, row_totals: bool, column_totals: bool) -> list[list[int | None]]:
    """The table as printed before suppression: totals added up here, blanks counting 0."""

    def total(figures):
        present = [f for f in figures if f is not None]
        return sum(present) if present else None

    grid = [[*row, total(row)] if row_totals else list(row) for row in rows]
    if column_totals:
        grid.append([total(column) for column in zip(*grid, strict=True)])
    return grid


def value(table, pos) -> int:
    """A cell's true value, a blank counting 0."""
    return table[pos[0]][pos[1]].value or 0


# Single figures --------------------------------------------------------------------------


def test_a_count_of_one_to_the_threshold_is_shown_as_c():
    assert [suppress_value(n, THRESHOLD).text for n in (1, THRESHOLD)] == ["c", "c"]


def test_zero_is_shown_because_it_identifies_no_one_and_a_blank_stays_blank():
    assert suppress_value(0, THRESHOLD).text == "0"
    assert suppress_value(None, THRESHOLD).text == ""


def test_a_count_above_the_threshold_is_shown():
    assert suppress_value(THRESHOLD + 1, THRESHOLD).text == str(THRESHOLD + 1)


def test_a_threshold_of_zero_hides_nothing():
    assert not suppress_value(1, 0).suppressed


def test_an_fte_is_small_like_a_count():
    # 4.5 FTE leavers is at most five people's worth: hidden; 5.5 is shown without zeros.
    assert suppress_value(D("4.5"), THRESHOLD).text == "c"
    assert suppress_value(D("5.50"), THRESHOLD).text == "5.5"


def test_a_hidden_cell_never_prints_or_downloads_its_value():
    cell = suppress_value(3, THRESHOLD)
    assert str(cell) == "c"
    assert f"{cell}" == "c"
    assert cell.public_value is None
    assert cell.display(lambda v: f"{v} children") == "c"
    assert suppress_value(7, THRESHOLD).display(lambda v: f"{v} children") == "7 children"


def test_a_negative_count_or_threshold_is_refused():
    with pytest.raises(ValueError):
        suppress_value(-1, THRESHOLD)
    with pytest.raises(ValueError):
        suppress_value(1, -1)


# Rates -----------------------------------------------------------------------------------


def test_a_rate_whose_numerator_is_small_is_hidden_too():
    # 3 of 40 children is 7.5%; with 40 shown the 7.5% gives the 3 away.
    assert suppress_rate(3, 40, D("7.5"), THRESHOLD).suppressed


def test_a_rate_over_a_small_denominator_is_hidden():
    # 0 of 3 is 0%, but it says something about every one of the 3 children.
    assert suppress_rate(0, 3, D("0"), THRESHOLD).suppressed


def test_a_rate_of_counts_above_the_threshold_is_shown():
    assert not suppress_rate(12, 40, D("30"), THRESHOLD).suppressed
    assert not suppress_rate(0, 40, D("0"), THRESHOLD).suppressed


def test_a_rate_beside_a_count_hidden_only_to_protect_another_is_hidden_too():
    # Brambles' 7 complaints are shown; suppose they were hidden to protect another count:
    # "23% of 31" would still give 7 away, so the rate follows the count's cell.
    count = Cell(7, suppressed=True, secondary=True)
    assert suppress_rate(count, 31, D("22.6"), THRESHOLD).text == "c"


# Series ----------------------------------------------------------------------------------


def test_a_series_without_a_total_hides_only_its_small_counts():
    assert [c.text for c in suppress_series([3, 10, 0, None], THRESHOLD)] == ["c", "10", "0", ""]


def test_a_series_with_its_total_hides_a_second_figure_so_the_total_gives_nothing_away():
    # 3 + 10 + 12 = 25: hiding only the 3 would leave 25 - 10 - 12 = 3; the next smallest
    # figure, 10, goes too.
    cells = suppress_series([3, 10, 12], THRESHOLD, total=True)
    assert [c.text for c in cells] == ["c", "c", "12", "25"]
    assert cells[1].secondary and cells[3].is_total


# Tables ----------------------------------------------------------------------------------


def test_totals_are_worked_out_and_placed_last():
    table = suppress_table([[6, 7], [8, 9]], row_totals=True, column_totals=True, threshold=5)
    assert shown(table) == [["6", "7", "13"], ["8", "9", "17"], ["14", "16", "30"]]
    assert [cell.is_total for cell in table[0]] == [False, False, True]
    assert all(cell.is_total for cell in table[2])


def test_one_suppressed_cell_in_a_row_with_its_total_shown_takes_the_next_smallest_with_it():
    # 2 + 7 + 9 = 18: with 7, 9 and 18 shown the 2 is 18 - 16. Hiding 7 as well leaves
    # 2 + 7 = 9 to share between two cells.
    table = suppress_table([[2, 7, 9]], row_totals=True, column_totals=False, threshold=5)
    assert shown(table) == [["c", "c", "9", "18"]]


def test_a_suppressed_cell_with_no_total_in_its_lines_needs_no_company():
    table = suppress_table([[2, 7, 9]], row_totals=False, column_totals=False, threshold=5)
    assert shown(table) == [["c", "7", "9"]]


def test_zeros_and_blanks_are_never_hidden_so_a_c_always_means_at_least_one():
    # The 2 is alone in its row beside zeros: no other cell can be hidden, so the total goes.
    table = suppress_table([[2, 0, None]], row_totals=True, column_totals=False, threshold=5)
    assert shown(table) == [["c", "0", "", "c"]]


def test_two_rows_alike_but_for_a_suppressed_count_cannot_be_told_apart_by_the_column_totals():
    # Rows 3 8 9 (20) and 7 8 9 (24). The 3 is small; hiding the 8 beside it protects it within
    # its row. A rule that stopped at rows would then print column totals 10 and 16 under the
    # other row's 7 and 8: 10 - 7 = 3 and 16 - 8 = 8. So the other row's 7 and 8 go too, and
    # each row and each column keeps two hidden cells.
    table = suppress_table([[3, 8, 9], [7, 8, 9]], row_totals=True, column_totals=True, threshold=5)
    assert shown(table) == [["c", "c", "9", "20"], ["c", "c", "9", "24"], ["10", "16", "18", "44"]]


def test_hidden_cells_a_shown_total_leaves_room_only_for_ones_are_protected():
    # 1 + 1 + 10 = 12: hiding the two 1s leaves 12 - 10 = 2 for two cells of at least 1 each,
    # so both must be 1. The 10 goes too.
    table = suppress_table([[1, 1, 10]], row_totals=True, column_totals=False, threshold=5)
    assert shown(table) == [["c", "c", "c", "12"]]


def test_a_count_worked_out_by_difference_across_several_lines_is_protected():
    # Rows: 7 0 2 (9) / 12 7 2 (21) / 3 0 0 (3), column totals 22 7 4 (33). The small counts
    # are the two 2s, the 3, row 3's total 3 and column C's total 4. Protecting them line by
    # line hides row 1's 7 (beside its 2), row 2's 7 (beside its 2), column B's total 7 (its
    # only other non-zero cell) and row 1's total 9 (beside row 3's total). Every line then has
    # two hidden cells, yet by difference:
    #   row 2: B + C = 21 - 12 = 9; column B: B = B's total (the rest are 0);
    #   totals row: B's total + C's total = 33 - 22 = 11; so C's total = 11 - B = C + 2,
    #   and column C: row 1's C = C's total - row 2's C = 2.
    # Row 2's 12 must go as well, so that row 2's hidden cells no longer add to a known 9.
    rows = [[7, 0, 2], [12, 7, 2], [3, 0, 0]]
    table = suppress_table(rows, row_totals=True, column_totals=True, threshold=5)
    assert shown(table) == [
        ["c", "0", "c", "c"],
        ["c", "c", "c", "21"],
        ["c", "0", "0", "c"],
        ["22", "c", "c", "33"],
    ]
    assert_no_linear_combination_reveals_a_hidden_cell(table, True, True)


def test_the_wokingham_2014_15_complaints_table_at_threshold_5():
    # Seed 001, section 7.9: complaints by team and stage, with row and column totals.
    stages = ["Early Resolution", "Stage 1", "Stage 2", "LGO", "Out of Scope"]
    teams = {
        "Ambleside Social Work Team": [1, 2, None, 0, 1],
        "Brambles Social Work Team": [6, 1, 0, 0, 0],
        "Disabled Children's Team": [3, 2, 1, 0, 0],
        "Family Placement Team": [1, 0, 0, 0, 0],
        "Here 4 U": [2, 2, 0, 0, 0],
        "Referral and Assessment": [3, 0, 1, 0, 0],
        "Safeguarding and Quality Assurance": [2, 1, 0, 0, 0],
        "Special Needs": [1, 0, 0, 0, 0],
        "Various Children's Teams": [0, 1, 0, 0, 0],
    }
    table = suppress_table(list(teams.values()), row_totals=True, column_totals=True, threshold=5)
    # The seed's own totals: rows 4 7 6 1 4 4 3 1 1, columns 19 9 2 0 1, grand total 31.
    assert [row[-1].value for row in table[:-1]] == [4, 7, 6, 1, 4, 4, 3, 1, 1]
    assert [cell.value for cell in table[-1]] == [19, 9, 2, 0, 1, 31]
    assert len(table[0]) == len(stages) + 1

    # By hand. Primary: every count 1-5, totals included: all the body's non-zero cells but
    # Brambles' 6; the team totals 4, 1, 4, 4, 3, 1, 1; the Stage 2 and Out of Scope totals.
    # Secondary:
    # - Brambles: its Stage 1 of 1 is its only hidden cell, and 7 - 6 = 1 would give it away,
    #   so its Early Resolution 6 goes too (smaller than its total 7).
    # - The totals row prints 19, 9 and 31: Stage 2 + Out of Scope = 31 - 19 - 9 - 0 = 3. Stage
    #   2 has two hidden teams (DCT, R and A), so its total is at least 2, and Out of Scope's at
    #   least 1: they must be 2 and 1, which says DCT's and R and A's Stage 2 are 1 each and
    #   Ambleside's Out of Scope is 1. So the Stage 1 total 9 goes too (the smallest other
    #   cell in that row); then Stage 1 + 2 + Out of Scope share 12 with at least 9 needed.
    # - Everything else can stay: the zeros, Brambles' total 7, DCT's 6 (three hidden cells
    #   sharing 6), Early Resolution's 19 (eight hidden cells sharing 19) and the 31.
    c = "c"
    assert shown(table) == [
        [c, c, "", "0", c, c],
        [c, c, "0", "0", "0", "7"],
        [c, c, c, "0", "0", "6"],
        [c, "0", "0", "0", "0", c],
        [c, c, "0", "0", "0", c],
        [c, "0", c, "0", "0", c],
        [c, c, "0", "0", "0", c],
        [c, "0", "0", "0", "0", c],
        ["0", c, "0", "0", "0", c],
        ["19", c, c, "0", c, "31"],
    ]
    secondary = {
        (i, j) for i, row in enumerate(table) for j, cell in enumerate(row) if cell.secondary
    }
    assert secondary == {(1, 0), (9, 1)}
    assert_no_linear_combination_reveals_a_hidden_cell(table, True, True)


def test_ragged_rows_are_refused():
    with pytest.raises(ValueError):
        suppress_table([[1, 2], [3]], row_totals=True, column_totals=True, threshold=5)


# Properties ------------------------------------------------------------------------------

counts = st.one_of(st.none(), st.integers(0, 3), st.integers(0, 40))


@st.composite
def tables(draw, max_side: int = 5, cell_values=counts):
    """Random tables of counts with blanks, either totals or none, and a threshold of 0-5."""
    height = draw(st.integers(1, max_side))
    width = draw(st.integers(1, max_side))
    rows = draw(
        st.lists(
            st.lists(cell_values, min_size=width, max_size=width), min_size=height, max_size=height
        )
    )
    return rows, draw(st.booleans()), draw(st.booleans()), draw(st.integers(0, 5))


def assert_no_single_line_reveals_a_hidden_cell(table, row_totals, column_totals):
    """A reader of one line knows its shown figures and that each "c" is at least 1."""
    for body, total in equations(table, row_totals=row_totals, column_totals=column_totals):
        line = [*body, total]
        secret = [pos for pos in line if pos in hidden_positions(table)]
        for pos in secret:
            others = [p for p in secret if p != pos]
            assert others, f"{pos} is the only hidden cell in its line"
            # Find another set of values for the line's hidden cells, each still at least 1,
            # in which the line still adds up and this cell differs.
            alternative = {p: value(table, p) for p in line}
            if table[total[0]][total[1]].suppressed:
                # Add one to a hidden body cell and to the total.
                bump = pos if pos != total else others[0]
                alternative[bump] += 1
                alternative[total] += 1
            elif alternative[pos] >= 2:
                alternative[pos] -= 1
                alternative[others[0]] += 1
            else:
                donor = next((p for p in others if alternative[p] >= 2), None)
                assert donor is not None, f"every hidden cell with {pos} must be 1"
                alternative[pos] += 1
                alternative[donor] -= 1
            assert sum(alternative[p] for p in body) == alternative[total]
            assert all(alternative[p] >= 1 for p in secret)
            assert all(alternative[p] == value(table, p) for p in line if p not in secret)
            assert alternative[pos] != value(table, pos)


def assert_no_linear_combination_reveals_a_hidden_cell(table, row_totals, column_totals):
    """No sum or difference of whole lines isolates a hidden cell (rank test, numpy)."""
    secret = sorted(hidden_positions(table))
    index = {pos: k for k, pos in enumerate(secret)}
    matrix = []
    for body, total in equations(table, row_totals=row_totals, column_totals=column_totals):
        row = [0.0] * len(secret)
        for pos in body:
            if pos in index:
                row[index[pos]] = 1.0
        if total in index:
            row[index[total]] = -1.0
        matrix.append(row)
    if not secret or not matrix:
        return
    rank = np.linalg.matrix_rank(np.array(matrix))
    for pos, k in index.items():
        alone = [0.0] * len(secret)
        alone[k] = 1.0
        # If adding "this cell alone" as an equation adds nothing new, the lines determine it.
        assert np.linalg.matrix_rank(np.array([*matrix, alone])) > rank, f"{pos} is determined"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_every_small_count_is_hidden_and_every_zero_or_blank_shown(case):
    rows, row_totals, column_totals, threshold = case
    table = suppress_table(
        rows, row_totals=row_totals, column_totals=column_totals, threshold=threshold
    )
    for row in table:
        for cell in row:
            if cell.value is not None and 1 <= cell.value <= threshold:
                assert cell.suppressed and not cell.secondary
            if not cell.value:
                assert not cell.suppressed


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_no_suppressed_cell_can_be_recovered_from_any_single_row_or_column_sum(case):
    rows, row_totals, column_totals, threshold = case
    table = suppress_table(
        rows, row_totals=row_totals, column_totals=column_totals, threshold=threshold
    )
    assert_no_single_line_reveals_a_hidden_cell(table, row_totals, column_totals)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_no_suppressed_cell_can_be_worked_out_by_adding_and_subtracting_lines(case):
    rows, row_totals, column_totals, threshold = case
    table = suppress_table(
        rows, row_totals=row_totals, column_totals=column_totals, threshold=threshold
    )
    assert_no_linear_combination_reveals_a_hidden_cell(table, row_totals, column_totals)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(max_side=3, cell_values=st.one_of(st.none(), st.sampled_from([0, 1, 2, 3, 6, 7]))))
def test_in_small_tables_every_hidden_cell_could_hold_two_values_whatever_the_reasoning(case):
    # Brute force: try every value 1..9 in every hidden body cell (totals follow from them) and
    # keep the tables that print exactly the same. Each hidden cell, totals included, must
    # differ between two of them: no chain of reasoning can then settle it.
    rows, row_totals, column_totals, threshold = case
    table = suppress_table(
        rows, row_totals=row_totals, column_totals=column_totals, threshold=threshold
    )
    height, width = len(rows), len(rows[0])
    secret_body = [(i, j) for i, j in hidden_positions(table) if i < height and j < width]
    assume(len(secret_body) <= 5)  # 9**5 trial tables at most
    seen: dict[tuple[int, int], set[int]] = {pos: set() for pos in hidden_positions(table)}
    for guess in itertools.product(range(1, 10), repeat=len(secret_body)):
        trial = [list(row) for row in rows]
        for (i, j), guessed in zip(secret_body, guess, strict=True):
            trial[i][j] = guessed
        values = with_totals(trial, row_totals=row_totals, column_totals=column_totals)
        if any(
            values[i][j] != cell.value
            for i, row in enumerate(table)
            for j, cell in enumerate(row)
            if not cell.suppressed
        ):
            continue
        for pos in seen:
            seen[pos].add(values[pos[0]][pos[1]])
    for pos, values_seen in seen.items():
        assert len(values_seen) >= 2, f"{pos} can only be {values_seen}"
