"""Each validation rule, with the words it refuses in."""

import datetime as dt
from decimal import Decimal

import pytest

from returns import rules
from returns.rules import Problem


@pytest.mark.parametrize(
    ("typed", "whole", "value", "message"),
    [
        ("", True, None, None),
        ("  12 ", True, Decimal(12), None),
        ("1,234", True, Decimal(1234), None),
        ("1,120", True, Decimal(1120), None),
        ("12 345", True, Decimal(12345), None),
        ("1,234.5", False, Decimal("1234.5"), None),
        (
            "22,5",
            False,
            None,
            "Agency for Social workers must be a number, like 1,120 or 10.5: a comma can only "
            "separate thousands",
        ),
        (
            "1,2",
            True,
            None,
            "Agency for Social workers must be a number, like 1,120: a comma can only separate "
            "thousands",
        ),
        (
            "1,2345",
            True,
            None,
            "Agency for Social workers must be a number, like 1,120: a comma can only separate "
            "thousands",
        ),
        (
            "1,234 567",
            True,
            None,
            "Agency for Social workers must be a number, like 1,120: a comma can only separate "
            "thousands",
        ),
        ("1,234,567", True, None, "Agency for Social workers must be 100,000 or less"),
        ("10.5", False, Decimal("10.5"), None),
        ("10.5", True, None, "Agency for Social workers must be a whole number"),
        ("-1", True, None, "Agency for Social workers cannot be less than 0"),
        ("twelve", True, None, "Agency for Social workers must be a number, like 12"),
        ("1e400", True, None, "Agency for Social workers must be 100,000 or less"),
        ("NaN", True, None, "Agency for Social workers must be a number, like 12"),
        ("Infinity", True, None, "Agency for Social workers must be a number, like 12"),
        ("١٢", True, Decimal(12), None),  # Arabic-Indic digits are digits
        ("12½", True, None, "Agency for Social workers must be a number, like 12"),
        (
            "10.555",
            False,
            None,
            "Agency for Social workers must have no more than 2 decimal places",
        ),
        ("9" * 5000, True, None, "Agency for Social workers must be 100,000 or less"),
    ],
)
def test_counts_are_whole_non_negative_numbers_below_a_ceiling(typed, whole, value, message):
    got, problems = rules.read_number(
        typed, row="r", column="agency", what="Agency for Social workers", whole=whole
    )
    assert got == value
    assert [p.message for p in problems] == ([message] if message else [])


def test_percentages_lie_between_0_and_100():
    assert rules.check_percentage(Decimal("68"), row="r", column="c", what="Staff trained") == []
    assert rules.check_percentage(Decimal("100.1"), row="r", column="c", what="Staff trained") == [
        Problem("r", "c", "Staff trained must be between 0 and 100")
    ]


def test_a_numerator_is_never_above_its_denominator():
    assert rules.check_numerator(
        Decimal(12),
        Decimal(10),
        row="r",
        column="n",
        numerator_label="Staff trained",
        denominator_label="staff in scope",
    ) == [Problem("r", "n", "Staff trained (12) cannot be more than staff in scope (10)")]
    assert (
        rules.check_numerator(
            Decimal(10),
            Decimal(10),
            row="r",
            column="n",
            numerator_label="a",
            denominator_label="b",
        )
        == []
    )


def test_dates_fall_inside_the_quarter():
    start, end = dt.date(2015, 1, 1), dt.date(2015, 3, 31)
    inside = rules.check_date_within(
        dt.date(2015, 3, 31), start=start, end=end, row="", column="d", what="the snapshot date"
    )
    outside = rules.check_date_within(
        dt.date(2015, 4, 1), start=start, end=end, row="", column="d", what="the snapshot date"
    )
    assert inside == []
    assert outside[0].message == (
        "The snapshot date must be between 1 January 2015 and 31 March 2015"
    )


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter the snapshot date"),
        (("31", "", "2015"), "The snapshot date must include a month"),
        (("31", "2", "2015"), "The snapshot date must be a real date"),
        (("x", "2", "2015"), "The snapshot date must be a real date"),
        # Too large for the calendar's integers: refused in words, not a server error.
        (("1" + "0" * 30, "2", "2015"), "The snapshot date must be a real date"),
        (("1", "1" + "0" * 30, "2015"), "The snapshot date must be a real date"),
    ],
)
def test_a_date_is_read_from_day_month_and_year(parts, message):
    day, problems = rules.read_date(*parts, row="", column="d", what="the snapshot date")
    assert day is None
    assert [p.message for p in problems] == [message]


def test_a_rows_parts_never_exceed_its_whole_worded_as_slough_would_read_it():
    problems = rules.check_parts_within_whole(
        [("permanent", Decimal(6)), ("agency", Decimal(19)), ("vacancies", None)],
        Decimal(15),
        row="Consultant practitioners",
        column="permanent",
        whole_label="posts",
    )
    assert [p.message for p in problems] == [
        "Permanent (6) and agency (19) make 25, more than the 15 posts given"
    ]
    assert (
        rules.check_parts_within_whole(
            [("permanent", Decimal(6)), ("agency", Decimal(5)), ("vacancies", Decimal(4))],
            Decimal(15),
            row="r",
            column="c",
            whole_label="posts",
        )
        == []
    )


def test_totals_agree_with_their_rows():
    assert (
        rules.check_total(
            [Decimal(3735), Decimal(839), Decimal(42)],
            Decimal(4616),
            row="",
            column="t",
            what="Total",
        )
        == []
    )
    assert [
        p.message
        for p in rules.check_total(
            [Decimal(3735), Decimal(839), None], Decimal(4616), row="", column="t", what="Total"
        )
    ] == ["Total (4,616) does not match the rows, which add up to 4,574"]


def test_the_same_team_twice_is_refused_with_the_row_named():
    problems = rules.check_unique(
        [("Brambles", 1), ("Ambleside", 2), ("Brambles", 1)], column="", what="team"
    )
    assert problems == [
        Problem("Brambles", "", "Brambles is entered more than once: enter each team once")
    ]


@pytest.mark.parametrize(
    ("current", "previous", "far"),
    [
        (16, 10, True),
        (15, 10, False),
        (4, 10, True),
        (5, 10, False),
        (1, 0, True),
        (0, 0, False),
        (None, 10, False),
        (10, None, False),
    ],
)
def test_a_figure_moves_far_beyond_half_or_away_from_zero(current, previous, far):
    as_decimal = lambda v: None if v is None else Decimal(v)  # noqa: E731
    assert rules.moved_far(as_decimal(current), as_decimal(previous)) is far


def test_large_moves_need_a_commentary_only_to_complete():
    moves = rules.far_moves([("Agency for Social workers", Decimal(20), Decimal(10))])
    assert str(moves[0]) == "Agency for Social workers: 10 last quarter, 20 now"
    assert rules.check_commentary(moves, "", completing=False) == []
    assert rules.check_commentary(moves, "Recruitment drive", completing=True) == []
    assert rules.check_commentary(moves, "  ", completing=True) == [
        Problem(
            "",
            "commentary",
            "Explain why 1 figure moved by more than half since last quarter "
            "before you mark the section as completed",
        )
    ]


def test_a_red_or_amber_rag_needs_a_commentary_before_completing_but_green_does_not():
    from returns.rules import check_commentary, red_or_amber

    flags = red_or_amber([("RAG for A", "red"), ("RAG for B", "green"), ("RAG for C", "amber")])
    assert [str(f) for f in flags] == ["RAG for A: Red", "RAG for C: Amber"]
    assert [p.message for p in check_commentary([], "", completing=True, flags=flags)] == [
        "Explain the 2 red or amber RAGs before you mark the section as completed"
    ]
    assert check_commentary([], "Recruitment is slow", completing=True, flags=flags) == []
    assert check_commentary([], "", completing=False, flags=flags) == []
    assert red_or_amber([("RAG for B", "green"), ("RAG for D", None)]) == []


def test_text_and_choices_are_read_by_the_same_rules():
    from returns.rules import check_range, read_choice, read_text

    assert read_text("  a\x00b \r\n", row="0", column="c", what="Theme") == ("ab", [])
    assert read_text("x" * 201, row="0", column="c", what="Theme", max_length=200)[1][
        0
    ].message == ("Theme must be 200 characters or fewer")
    choices = [("red", "Red"), ("green", "Green")]
    assert read_choice("GREEN", choices, row="0", column="rag", what="RAG") == ("green", [])
    assert read_choice("Purple", choices, row="0", column="rag", what="RAG")[1][0].message == (
        "RAG must be one of: Red, Green"
    )
    assert check_range(
        Decimal("10.5"), minimum=Decimal(0), maximum=Decimal(10), row="0", column="s", what="Score"
    )[0].message == ("Score must be between 0 and 10")
