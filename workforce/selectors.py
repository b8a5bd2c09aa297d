"""Reads for the workforce pages that are more than a queryset."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet, Subquery, Sum

from scrutiny.formatting import figure, percent_text
from scrutiny.models import Authority

from .models import (
    Basis,
    Caseload,
    StaffingFigure,
    StaffMovement,
    TrainingCompletion,
    TrainingCoverage,
)
from .targets import CaseloadTarget, caseload_targets, target_for

# A snapshot "a year earlier" may be taken on a slightly different day (31 March one year,
# 1 April the next); within a quarter of the anniversary it is still last year's figure.
YEAR_EARLIER_WINDOW = dt.timedelta(days=92)


def staffing_dates(authority: Authority) -> list[dt.date]:
    """Snapshot dates with staffing figures for the council, latest first."""
    return list(
        StaffingFigure.objects.filter(authority=authority)
        .order_by("-as_at")
        .values_list("as_at", flat=True)
        .distinct()
    )


def _a_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def year_earlier_date(as_at: dt.date, dates: list[dt.date]) -> dt.date | None:
    """The snapshot date nearest to a year before ``as_at``, if one is close enough."""
    anniversary = _a_year_before(as_at)
    near = [d for d in dates if abs(d - anniversary) <= YEAR_EARLIER_WINDOW]
    return min(near, key=lambda d: (abs(d - anniversary), d), default=None)


@dataclass
class SnapshotRow:
    """One role at the snapshot, beside the same role's figure a year earlier."""

    role: str
    current: StaffingFigure | None
    previous: StaffingFigure | None


@dataclass
class StaffingSnapshot:
    """Staffing by role at one date on one basis, with a year-earlier comparison."""

    as_at: dt.date
    previous_as_at: dt.date | None
    basis: str
    basis_label: str
    rows: list[SnapshotRow] = field(default_factory=list)

    @property
    def has_vacancies(self) -> bool:
        return any(
            f is not None and f.vacancies is not None
            for row in self.rows
            for f in (row.current, row.previous)
        )


def staffing_snapshots(authority: Authority, as_at: dt.date, dates: list[dt.date]):
    """Staffing at ``as_at``, one snapshot per basis, each row paired with last year's."""
    previous_as_at = year_earlier_date(as_at, dates)
    wanted = [as_at] + ([previous_as_at] if previous_as_at else [])
    figures = (
        StaffingFigure.objects.filter(authority=authority, as_at__in=wanted)
        .select_related("role")
        .order_by("basis", "role__order", "role__name")
    )
    by_basis: dict[str, dict[int, SnapshotRow]] = {}
    for staff in figures:
        rows = by_basis.setdefault(staff.basis, {})
        row = rows.setdefault(staff.role_id, SnapshotRow(staff.role.name, None, None))
        if staff.as_at == as_at:
            row.current = staff
        else:
            row.previous = staff
    labels = dict(Basis.choices)
    snapshots = []
    for basis, rows in by_basis.items():
        kept = [row for row in rows.values() if row.current is not None]
        if kept:
            snapshots.append(
                StaffingSnapshot(as_at, previous_as_at, basis, labels.get(basis, basis), kept)
            )
    return snapshots


def movements_with_reasons() -> QuerySet[StaffMovement]:
    """Movements with their leaver reasons fetched in one more query, not one per row."""
    return StaffMovement.objects.prefetch_related("leaver_reasons")


@dataclass
class WorkforceOverview:
    """What the workforce home page shows beside the staffing table."""

    dates: list[dt.date]
    as_at: dt.date | None
    snapshots: list[StaffingSnapshot]
    latest_movement: StaffMovement | None
    latest_caseloads: list[Caseload]
    caseload_target: CaseloadTarget | None
    training_total: int | None
    training_courses: int
    latest_coverage: TrainingCoverage | None

    @property
    def highest_caseload(self) -> Caseload | None:
        known = [c for c in self.latest_caseloads if c.average is not None]
        return max(known, key=lambda c: c.average, default=None)

    @property
    def movement_headline(self) -> str:
        m = self.latest_movement
        if m is None:
            return ""
        counts = []
        if m.starters is not None:
            counts.append(f"{m.starters} started")
        if m.leavers is not None:
            counts.append(f"{m.leavers} left")
        text = f"{m.staff_group}, {m.date_from:%-d %B %Y} to {m.date_to:%-d %B %Y}: "
        text += " and ".join(counts) or "no counts given"
        if m.net_change is not None:
            text += f", a net change of {m.net_change:+d}" if m.net_change else ", no net change"
        return text + "."

    @property
    def caseload_headline(self) -> str:
        highest = self.highest_caseload
        if highest is None:
            return ""
        text = (
            f"{highest.period.label}: the highest average caseload was "
            f"{figure(highest.average)} ({highest.label})"
        )
        if self.caseload_target is not None:
            text += f", against a target of {figure(self.caseload_target.value)}"
        return text + "."

    @property
    def coverage_headline(self) -> str:
        c = self.latest_coverage
        if c is None or c.percent is None:
            return ""
        computed = c.staff_trained is not None and c.staff_in_scope
        share = percent_text(c.percent) if computed else f"{figure(c.percent)}%"
        return (
            f"{share} of {c.staff_group or 'staff'} had completed {c.course.name} "
            f"at {c.as_at:%-d %B %Y}."
        )


def parse_as_at(value: str | None, dates: list[dt.date]) -> dt.date | None:
    """The snapshot date asked for, if it is one we hold; otherwise the latest."""
    if value:
        try:
            asked = dt.date.fromisoformat(value)
        except ValueError:
            asked = None
        if asked in dates:
            return asked
    return dates[0] if dates else None


def workforce_overview(authority: Authority, as_at: str | None) -> WorkforceOverview:
    dates = staffing_dates(authority)
    chosen = parse_as_at(as_at, dates)
    snapshots = staffing_snapshots(authority, chosen, dates) if chosen else []

    latest_movement = (
        StaffMovement.objects.filter(authority=authority).order_by("-date_to", "-pk").first()
    )

    latest_period = (
        Caseload.objects.filter(authority=authority)
        .order_by("-period__end", "-period__start")
        .values("period")[:1]
    )
    latest_caseloads = list(
        Caseload.objects.filter(authority=authority, period=Subquery(latest_period))
        .select_related("team", "period")
        .order_by("service", "team__name")
    )
    caseload_target = None
    if latest_caseloads:
        caseload_target = target_for(caseload_targets(authority), latest_caseloads[0])

    training = TrainingCompletion.objects.filter(authority=authority).aggregate(
        total=Sum("completed"), courses=Count("course", distinct=True)
    )
    latest_coverage = (
        TrainingCoverage.objects.filter(authority=authority)
        .select_related("course")
        .order_by("-as_at", "course__name")
        .first()
    )
    return WorkforceOverview(
        dates=dates,
        as_at=chosen,
        snapshots=snapshots,
        latest_movement=latest_movement,
        latest_caseloads=latest_caseloads,
        caseload_target=caseload_target,
        training_total=training["total"],
        training_courses=training["courses"] or 0,
        latest_coverage=latest_coverage,
    )
