"""The validation rules of a quarterly return, in one place.

Plain functions over plain values (text as typed, numbers, dates) returning ``Problem``
records, so the web forms and a spreadsheet import check figures the same way and word
their refusals the same way. ``row`` and ``column`` identify where the problem is for the
caller (a form field, a sheet cell); the message names the row and column in words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Far above any real council's figure, far below what the database columns hold.
COUNT_CEILING = 100_000
FTE_PLACES = 2
MOVE_THRESHOLD = Decimal("0.5")
# A comma (or a space) only between thousands, the same one throughout: 1,120 and 12 345.
THOUSANDS = re.compile(r"[+-]?\d{1,3}(?P<sep>[, ])\d{3}(?:(?P=sep)\d{3})*(?:\.\d+)?")


@dataclass(frozen=True)
class Problem:
    """Something wrong with one figure (or a whole row when ``column`` is empty)."""

    row: str
    column: str
    message: str


def number_text(value: Decimal | int | None) -> str:
    """A figure as the messages quote it: 1,234 and 10.5, never 10.50."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def read_number(
    raw: object,
    *,
    row: str,
    column: str,
    what: str,
    whole: bool = True,
    ceiling: int = COUNT_CEILING,
    places: int = FTE_PLACES,
) -> tuple[Decimal | None, list[Problem]]:
    """A count (or, with ``whole=False``, an FTE or another figure with up to ``places``
    decimals) read from what was typed; blank is None.

    ``what`` names the figure in messages, e.g. "Agency for Social workers".
    """
    text = "" if raw is None else str(raw).strip()
    if text == "":
        return None, []
    if "," in text or " " in text:
        # "22,5" is a decimal in much of Europe and "1,2" a slip: never read either as 225
        # or 12. Only grouped thousands are taken, as typed.
        if not THOUSANDS.fullmatch(text):
            example = "1,120" if whole else "1,120 or 10.5"
            return None, [
                Problem(
                    row,
                    column,
                    f"{what} must be a number, like {example}: a comma can only separate thousands",
                )
            ]
        text = text.replace(",", "").replace(" ", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        example = "12" if whole else "12 or 10.5"
        return None, [Problem(row, column, f"{what} must be a number, like {example}")]
    if value < 0:
        return None, [Problem(row, column, f"{what} cannot be less than 0")]
    if value > ceiling:
        return None, [Problem(row, column, f"{what} must be {ceiling:,} or less")]
    if whole and value != value.to_integral_value():
        return None, [Problem(row, column, f"{what} must be a whole number")]
    if not whole and value != value.quantize(Decimal(1).scaleb(-places)):
        return None, [
            Problem(row, column, f"{what} must have no more than {places} decimal places")
        ]
    return (value.to_integral_value() if whole else value), []


def check_range(
    value: Decimal | None,
    *,
    minimum: Decimal | None,
    maximum: Decimal | None,
    row: str,
    column: str,
    what: str,
) -> list[Problem]:
    """A figure lies on its scale (a score of 0 to 10, a percentage of 0 to 100)."""
    if value is None or minimum is None or maximum is None or minimum <= value <= maximum:
        return []
    return [
        Problem(
            row,
            column,
            f"{what} must be between {number_text(minimum)} and {number_text(maximum)}",
        )
    ]


def read_text(
    raw: object, *, row: str, column: str, what: str, max_length: int = 2000
) -> tuple[str | None, list[Problem]]:
    """Words as typed, trimmed; blank is None. Control characters other than new lines go."""
    text = "" if raw is None else str(raw)
    text = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable()).strip()
    text = text.replace("\r", "")
    if not text:
        return None, []
    if len(text) > max_length:
        return None, [Problem(row, column, f"{what} must be {max_length:,} characters or fewer")]
    return text, []


def read_choice(
    raw: object, choices: Sequence[tuple[str, str]], *, row: str, column: str, what: str
) -> tuple[str | None, list[Problem]]:
    """One of the offered answers, by its value or (from a spreadsheet) its label."""
    text = "" if raw is None else str(raw).strip()
    if not text:
        return None, []
    for value, label in choices:
        if text.casefold() in (str(value).casefold(), str(label).casefold()):
            return value, []
    listed = ", ".join(label for _, label in choices)
    return None, [Problem(row, column, f"{what} must be one of: {listed}")]


def check_percentage(value: Decimal | None, *, row: str, column: str, what: str) -> list[Problem]:
    """A percentage lies between 0 and 100."""
    if value is not None and not (0 <= value <= 100):
        return [Problem(row, column, f"{what} must be between 0 and 100")]
    return []


def check_numerator(
    numerator: Decimal | None,
    denominator: Decimal | None,
    *,
    row: str,
    column: str,
    numerator_label: str,
    denominator_label: str,
) -> list[Problem]:
    """A numerator never exceeds its denominator (12 of 10 children is not a rate)."""
    if numerator is None or denominator is None or numerator <= denominator:
        return []
    return [
        Problem(
            row,
            column,
            f"{numerator_label} ({number_text(numerator)}) cannot be more than "
            f"{denominator_label} ({number_text(denominator)})",
        )
    ]


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def read_date(
    day: object, month: object, year: object, *, row: str, column: str, what: str
) -> tuple[dt.date | None, list[Problem]]:
    """A date typed as day, month and year (the GOV.UK date input)."""
    parts = [("" if p is None else str(p).strip()) for p in (day, month, year)]
    if not any(parts):
        return None, [Problem(row, column, f"Enter {what}")]
    missing = [name for name, part in zip(("day", "month", "year"), parts, strict=True) if not part]
    if missing:
        return None, [Problem(row, column, f"{_first_upper(what)} must include a {missing[0]}")]
    try:
        d, m, y = (int(p) for p in parts)
        if not (1000 <= y <= 9999):
            raise ValueError
        return dt.date(y, m, d), []
    except (ValueError, OverflowError):  # a day of 10**30 is no date either
        return None, [Problem(row, column, f"{_first_upper(what)} must be a real date")]


def check_date_within(
    day: dt.date | None,
    *,
    start: dt.date,
    end: dt.date,
    row: str,
    column: str,
    what: str,
) -> list[Problem]:
    """A date falls inside the quarter (or other span) the figures are for."""
    if day is None or start <= day <= end:
        return []
    return [
        Problem(
            row,
            column,
            f"{_first_upper(what)} must be between {start:%-d %B %Y} and {end:%-d %B %Y}",
        )
    ]


def check_parts_within_whole(
    parts: Sequence[tuple[str, Decimal | None]],
    whole: Decimal | None,
    *,
    row: str,
    column: str,
    whole_label: str,
) -> list[Problem]:
    """A row's parts never add up to more than its whole (Slough's "6 and 19 of 15 posts").

    ``parts`` are (label, value) pairs; blank parts are left out of the sum.
    """
    given = [(label, value) for label, value in parts if value is not None]
    if whole is None or not given:
        return []
    total = sum((value for _, value in given), Decimal(0))
    if total <= whole:
        return []
    named = [f"{label} ({number_text(value)})" for label, value in given]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    listed = listed[0].upper() + listed[1:]
    verb = "is" if len(named) == 1 else "make"
    return [
        Problem(
            row,
            column,
            f"{listed} {verb} {number_text(total)}, "
            f"more than the {number_text(whole)} {whole_label} given",
        )
    ]


def check_total(
    values: Iterable[Decimal | None],
    total: Decimal | None,
    *,
    row: str,
    column: str,
    what: str,
) -> list[Problem]:
    """A total given agrees with the rows it totals."""
    if total is None:
        return []
    added = sum((v for v in values if v is not None), Decimal(0))
    if added == total:
        return []
    return [
        Problem(
            row,
            column,
            f"{what} ({number_text(total)}) does not match the rows, "
            f"which add up to {number_text(added)}",
        )
    ]


def check_unique(keys: Sequence[tuple[str, object]], *, column: str, what: str) -> list[Problem]:
    """Each team or role appears once; ``keys`` are (row label, key) in row order."""
    seen: set[object] = set()
    problems = []
    for label, key in keys:
        if key in seen:
            problems.append(
                Problem(label, column, f"{label} is entered more than once: enter each {what} once")
            )
        seen.add(key)
    return problems


def moved_far(current: Decimal | None, previous: Decimal | None) -> bool:
    """Has a figure moved by more than half since last quarter, or away from zero?"""
    if current is None or previous is None:
        return False
    if previous == 0:
        return current != 0
    return abs(Decimal(current) - Decimal(previous)) / Decimal(previous) > MOVE_THRESHOLD


@dataclass(frozen=True)
class Move:
    """A figure that moved far since last quarter, in words."""

    what: str
    previous: Decimal
    current: Decimal

    def __str__(self) -> str:
        was, now = number_text(self.previous), number_text(self.current)
        return f"{self.what}: {was} last quarter, {now} now"


def far_moves(figures: Iterable[tuple[str, Decimal | None, Decimal | None]]) -> list[Move]:
    """The figures, given as (what, current, previous), that moved far since last quarter."""
    return [
        Move(what, previous, current)
        for what, current, previous in figures
        if moved_far(current, previous)
    ]


RED_OR_AMBER = {"red": "Red", "amber": "Amber"}


@dataclass(frozen=True)
class Flag:
    """A red or amber RAG, in words."""

    what: str
    rag: str

    def __str__(self) -> str:
        return f"{self.what}: {RED_OR_AMBER.get(self.rag, self.rag)}"


def red_or_amber(rags: Iterable[tuple[str, str | None]]) -> list[Flag]:
    """The RAGs, given as (what, rag), that are red or amber."""
    return [Flag(what, rag) for what, rag in rags if rag in RED_OR_AMBER]


def check_commentary(
    moves: Sequence[Move],
    commentary: str,
    *,
    completing: bool,
    column: str = "commentary",
    flags: Sequence[Flag] = (),
) -> list[Problem]:
    """Large moves, and red or amber RAGs, need explaining before the section is completed."""
    if not (moves or flags) or not completing or (commentary or "").strip():
        return []
    reasons = []
    if moves:
        count = len(moves)
        figures = "figure" if count == 1 else "figures"
        reasons.append(f"why {count} {figures} moved by more than half since last quarter")
    if flags:
        count = len(flags)
        reasons.append("the red or amber RAG" if count == 1 else f"the {count} red or amber RAGs")
    return [
        Problem(
            "",
            column,
            f"Explain {' and '.join(reasons)} before you mark the section as completed",
        )
    ]


def check_nothing_to_report(
    entered: Sequence[str],
    nothing_to_report: bool,
    *,
    completing: bool,
    noun: str,
    column: str = "nothing_to_report",
) -> list[Problem]:
    """A section is filled in or says it has nothing to report, never both and never neither.

    ``entered`` names the rows with something in them. A section with nothing entered is
    completed only when the officer chose "Nothing to report this quarter"; that choice with
    figures entered is refused rather than either being dropped.
    """
    if nothing_to_report and entered:
        listed = entered[0] if len(entered) == 1 else f"{len(entered)} {noun}s"
        return [
            Problem(
                "",
                column,
                f"You chose nothing to report, but {listed} has figures: clear them, or "
                "untick nothing to report"
                if len(entered) == 1
                else f"You chose nothing to report, but {listed} have figures: clear them, "
                "or untick nothing to report",
            )
        ]
    if completing and not entered and not nothing_to_report:
        return [
            Problem(
                "",
                column,
                f"Enter at least one {noun}, or choose nothing to report this quarter, before "
                "you mark the section as completed",
            )
        ]
    return []


def check_copy_forward(
    entered_now: Sequence[str], copyable: Sequence[str], *, previous: str, noun: str
) -> list[Problem]:
    """Last quarter's rows are copied only into a section with nothing entered yet, and only
    when there is something to copy: either refusal is told, never a silent nothing."""
    if entered_now:
        return [
            Problem(
                "",
                "",
                f"This quarter already has figures for {len(entered_now)} {noun}"
                f"{'' if len(entered_now) == 1 else 's'}: copying the figures of {previous} "
                "would overwrite them, so nothing was copied",
            )
        ]
    if not copyable:
        return [Problem("", "", f"There is nothing from {previous} to copy")]
    return []


def check_copied_confirmed(
    unconfirmed: Sequence[tuple[str, str]], *, completing: bool, previous: str
) -> list[Problem]:
    """Rows copied from last quarter are confirmed one by one before the section is completed.

    ``unconfirmed`` are (row, label) pairs; each problem sits at its row's confirm box.
    """
    if not completing:
        return []
    return [
        Problem(
            row,
            "confirmed",
            f"Confirm the figures for {label} copied from {previous}, or change them, before "
            "you mark the section as completed",
        )
        for row, label in unconfirmed
    ]
