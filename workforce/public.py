"""Staff counts as the public sees them: the same small-numbers rule as the scorecard's.

A count of 1 to ``SUPPRESSION_THRESHOLD`` staff in a role (agency, permanent, in post,
vacant) would name the people in that role's employment status, so the scorecard hides it
(scorecards.selectors.figures); the staffing table of a report block hides the same counts
through the same function (``scrutiny.suppression.suppress_related``), with each role's
total = permanent + agency protected so that a hidden count cannot be worked out.
"""

from __future__ import annotations

from scrutiny.suppression import suppress_related

from .models import StaffingFigure

# The counts the staffing table prints, by field; the total is worked out as the table does.
COUNTS = ("permanent", "agency", "vacancies", "total")


def printed_total(row: StaffingFigure):
    """The total the table prints: the source's own where it gave one, else in post."""
    return row.total_reported if row.total_reported is not None else row.in_post


def _value(row: StaffingFigure, field: str):
    return printed_total(row) if field == "total" else getattr(row, field)


def hidden_staff_counts(rows: list[StaffingFigure], threshold: int) -> set[tuple[int, str]]:
    """(figure pk, field) of every count hidden from the public among ``rows``."""
    values = {(row.pk, field): _value(row, field) for row in rows for field in COUNTS}
    sums = []
    for row in rows:
        parts = (row.permanent, row.agency, printed_total(row))
        if None not in parts and parts[0] + parts[1] == parts[2]:
            sums.append((((row.pk, "permanent"), (row.pk, "agency")), (row.pk, "total")))
    hidden, _ = suppress_related(values, sums, threshold=threshold)
    return hidden
