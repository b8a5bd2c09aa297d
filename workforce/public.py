"""Staff counts as the public sees them: the same small-numbers rule as the scorecard's.

A count of 1 to ``SUPPRESSION_THRESHOLD`` staff in a role (agency, permanent, in post,
vacant) would name the people in that role's employment status, so the scorecard hides it
(scorecards.selectors.figures); the staffing table of a report block hides the same counts
through the same function (``scrutiny.suppression.suppress_related``), with each role's
total = permanent + agency protected so that a hidden count cannot be worked out.
"""

from __future__ import annotations

from scrutiny.suppression import suppress_rate, suppress_related, suppress_value

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


def hidden_movement_counts(rows, threshold: int) -> set[tuple[int, str]]:
    """(movement pk, field) of every count of starters and leavers hidden from the public.

    The fields are "starters", "leavers", "net_change", "no_reason" and "reason:<pk>" (a
    leaver reason's count). What the table prints adds up, and the same rule protects it:
    starters = leavers + net change (or leavers = starters + its fall), and the leavers by
    reason plus those with no reason given = leavers; so a small count hidden in one place
    cannot be worked out from the others.
    """
    values, sums = {}, []
    for row in rows:
        reasons = list(row.leaver_reasons.all())
        starters, leavers, net = (row.pk, "starters"), (row.pk, "leavers"), (row.pk, "net_change")
        values[starters], values[leavers] = row.starters, row.leavers
        if row.net_change is not None:
            # The size of the change, the sign says which way the sum runs.
            values[net] = abs(row.net_change)
            rising = row.net_change >= 0
            sums.append(((leavers, net), starters) if rising else ((starters, net), leavers))
        parts = []
        for reason in reasons:
            values[(row.pk, f"reason:{reason.pk}")] = reason.count
            parts.append((row.pk, f"reason:{reason.pk}"))
        no_reason = row.leavers_without_reason
        if no_reason is not None and no_reason >= 0:
            values[(row.pk, "no_reason")] = no_reason
            sums.append(((*parts, (row.pk, "no_reason")), leavers))
    hidden, _ = suppress_related(values, sums, threshold=threshold)
    return hidden


def hidden_caseload_counts(rows, threshold: int) -> set[tuple[int, str]]:
    """(caseload pk, field) of the figures about children hidden from the public: a team's
    count of cases held when it is small, and its average caseload with it (the average times
    the workers shown would give the count back). Workers' FTE and the RAG status stay."""
    hidden = set()
    for row in rows:
        if suppress_value(row.cases_held, threshold).suppressed:
            hidden |= {(row.pk, "cases_held"), (row.pk, "average")}
    return hidden


def hidden_training_counts(completions, coverage, threshold: int) -> set[tuple[int, str]]:
    """(row pk, field) of the training figures hidden from the public: a small count of staff
    who completed a course or are planned to (as staff in a role are), and of staff trained
    or in scope, with the share trained worked out from them (the rate rule)."""
    hidden = set()
    for row in completions:
        for field in ("completed", "planned"):
            if suppress_value(getattr(row, field), threshold).suppressed:
                hidden.add((row.pk, field))
    for row in coverage:
        for field in ("staff_trained", "staff_in_scope"):
            if suppress_value(getattr(row, field), threshold).suppressed:
                hidden.add((row.pk, field))
        if suppress_rate(row.staff_trained, row.staff_in_scope, row.percent, threshold).suppressed:
            hidden.add((row.pk, "percent"))
    return hidden
