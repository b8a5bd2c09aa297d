"""Blocks about the workforce: staff in post, starters and leavers, caseloads and training."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from scrutiny.blocks.content import BlockContent, table_data
from scrutiny.blocks.kinds import (
    date_span,
    financial_years,
    long_date,
    of_council,
    period_span,
    periods_of,
    year_span,
)
from scrutiny.blocks.registry import BlockType
from scrutiny.models import Authority, Period

from .models import (
    Caseload,
    StaffingFigure,
    StaffMovement,
    TrainingCompletion,
    TrainingCoverage,
)
from .public import (
    hidden_caseload_counts,
    hidden_movement_counts,
    hidden_staff_counts,
    hidden_training_counts,
)
from .selectors import staffing_dates, staffing_snapshots
from .tables import (
    CaseloadTable,
    StaffingSnapshotTable,
    StaffMovementTable,
    TrainingCompletionTable,
    TrainingCoverageTable,
)
from .targets import caseload_targets


def _staffing_choices(authority: Authority) -> list[tuple[str, str]]:
    return [(d.isoformat(), long_date(d)) for d in staffing_dates(authority)]


def _staffing(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    as_at = dt.date.fromisoformat(choice)
    snapshots = staffing_snapshots(authority, as_at, staffing_dates(authority))
    # The checks column is for officers correcting figures, not for the paper.
    tables = [
        table_data(
            StaffingSnapshotTable.for_snapshot(
                s, exclude=["checks"], hidden=_hidden(s) if public else frozenset()
            )
        )
        for s in snapshots
    ]
    return BlockContent(subject=f"Staff in post at {long_date(as_at)}", tables=tables)


def _hidden(snapshot) -> frozenset:
    """The staff counts of a snapshot and its year-earlier figures the public may not see."""
    rows = [f for row in snapshot.rows for f in (row.current, row.previous) if f is not None]
    return frozenset(hidden_staff_counts(rows, settings.SUPPRESSION_THRESHOLD))


def _movement_choices(authority: Authority) -> list[tuple[str, str]]:
    rows = StaffMovement.objects.filter(authority=authority).order_by("-date_to")
    spans = {(m.date_from, m.date_to) for m in rows}
    return [
        (f"{start.isoformat()}/{end.isoformat()}", f"{long_date(start)} to {long_date(end)}")
        for start, end in sorted(spans, reverse=True)
    ]


def _movements(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    start, end = (dt.date.fromisoformat(part) for part in choice.split("/"))
    rows = (
        StaffMovement.objects.filter(authority=authority, date_from=start, date_to=end)
        .prefetch_related("leaver_reasons")
        .order_by("staff_group")
    )
    hidden = hidden_movement_counts(rows, settings.SUPPRESSION_THRESHOLD) if public else ()
    table = StaffMovementTable(rows, orderable=False, hidden=frozenset(hidden))
    return BlockContent(
        subject=f"Starters and leavers, {long_date(start)} to {long_date(end)}",
        tables=[table_data(table, "Starters and leavers")],
    )


def _caseload_choices(authority: Authority) -> list[tuple[str, str]]:
    return periods_of(Caseload.objects.filter(authority=authority))


def _caseloads(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    period = Period.objects.get(pk=int(choice))
    rows = (
        Caseload.objects.filter(authority=authority, period=period)
        .select_related("team", "period")
        .order_by("team__name", "service")
    )
    hidden = hidden_caseload_counts(rows, settings.SUPPRESSION_THRESHOLD) if public else ()
    table = CaseloadTable(
        rows,
        targets=caseload_targets(authority),
        orderable=False,
        exclude=["period"],
        hidden=frozenset(hidden),
    )
    return BlockContent(
        subject=period.label, tables=[table_data(table, f"Caseloads, {period.label}")]
    )


def _training_choices(authority: Authority) -> list[tuple[str, str]]:
    years = set(
        TrainingCompletion.objects.filter(authority=authority, period__isnull=False).values_list(
            "period__start_year", flat=True
        )
    )
    years |= {d.year - (d.month < 4) for d in _coverage_dates(authority)}
    return financial_years(years)


def _coverage_dates(authority: Authority) -> list[dt.date]:
    return list(
        TrainingCoverage.objects.filter(authority=authority).values_list("as_at", flat=True)
    )


def _training(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    year = int(choice)
    start, end = dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
    completions = (
        TrainingCompletion.objects.filter(authority=authority, period__start_year=year)
        .select_related("course", "period")
        .order_by("course__name", "staff_group")
    )
    coverage = (
        TrainingCoverage.objects.filter(authority=authority, as_at__range=(start, end))
        .select_related("course")
        .order_by("course__name", "as_at")
    )
    threshold = settings.SUPPRESSION_THRESHOLD
    hidden = frozenset(hidden_training_counts(completions, coverage, threshold) if public else ())
    tables = []
    if completions:
        table = TrainingCompletionTable(completions, orderable=False, hidden=hidden)
        tables.append(table_data(table, "Courses completed"))
    if coverage:
        table = TrainingCoverageTable(coverage, orderable=False, exclude=["source"], hidden=hidden)
        tables.append(table_data(table, "Share of staff trained"))
    return BlockContent(subject=f"Training, {year}/{(year + 1) % 100:02d}", tables=tables)


STAFF_KINDS = (
    BlockType(
        "workforce",
        "Workforce by role",
        "Permanent and agency staff and vacancies by role, last year's figures in brackets.",
        "Snapshot date",
        _staffing_choices,
        _staffing,
        sources=(of_council(StaffingFigure),),
        span=date_span,
    ),
    BlockType(
        "starters-leavers",
        "Starters and leavers",
        "Staff who started and left, with leavers' reasons.",
        "Span",
        _movement_choices,
        _movements,
        sources=(of_council(StaffMovement),),
        span=date_span,
    ),
    BlockType(
        "caseloads",
        "Caseloads",
        "Cases per case-holding worker by team, against the council's target.",
        "Period",
        _caseload_choices,
        _caseloads,
        sources=(of_council(Caseload),),
        span=period_span,
    ),
    BlockType(
        "training",
        "Training",
        "Courses completed and the share of staff trained.",
        "Financial year",
        _training_choices,
        _training,
        sources=(
            of_council(TrainingCompletion, period__isnull=False),
            of_council(TrainingCoverage),
        ),
        span=year_span,
    ),
)
