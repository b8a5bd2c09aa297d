"""Workforce figures: staffing by role, starters and leavers, caseloads, training."""

from __future__ import annotations

from typing import Any

from workforce.models import (
    Caseload,
    LeaverReason,
    Role,
    StaffingFigure,
    StaffMovement,
    TrainingCompletion,
    TrainingCourse,
    TrainingCoverage,
)

from .base import date, decimal, period, prune, upsert
from .councils import Council


def load_roles(*, data: list[dict[str, Any]]) -> None:
    for order, row in enumerate(data, start=1):
        upsert(
            Role,
            keys={"name": row["name"]},
            values={
                "is_qualified_social_work": row.get("is_qualified_social_work", True),
                "is_case_holding": row.get("is_case_holding", False),
                "order": order,
            },
        )


def load_courses(*, data: list[dict[str, Any]]) -> None:
    for row in data:
        upsert(
            TrainingCourse,
            keys={"name": row["name"]},
            values={
                "framework": row.get("framework", ""),
                "duration_days": decimal(row.get("duration_days")),
                "description": row.get("description", ""),
            },
        )


def load_workforce(*, council: Council, data: dict[str, Any]) -> None:
    _load_staffing(council=council, data=data.get("staffing", []))
    _load_movements(council=council, data=data.get("movements", []))
    _load_caseloads(council=council, data=data.get("caseloads", []))
    _load_training(council=council, data=data)


def _load_staffing(*, council: Council, data: list[dict[str, Any]]) -> None:
    figures = [
        upsert(
            StaffingFigure,
            keys={
                "authority": council.authority,
                "role": Role.objects.get(name=row["role"]),
                "as_at": date(row["as_at"]),
                "basis": row.get("basis", "headcount"),
            },
            values={
                "period": period(row["period"]),
                "total_reported": decimal(row.get("total_reported")),
                "permanent": decimal(row.get("permanent")),
                "agency": decimal(row.get("agency")),
                "vacancies": decimal(row.get("vacancies")),
                "reported_percent_permanent": decimal(row.get("reported_percent_permanent")),
                "note": row.get("note", ""),
                "source": row.get("source", ""),
            },
        )
        for row in data
    ]
    prune(council.authority.staffing.all(), keep=figures)


def _load_movements(*, council: Council, data: list[dict[str, Any]]) -> None:
    """Kept by staff group and span, so a reload keeps each row (a frozen report links to it)."""
    movements = []
    for row in data:
        movement = upsert(
            StaffMovement,
            keys={
                "authority": council.authority,
                "staff_group": row["staff_group"],
                "date_from": date(row["date_from"]),
                "date_to": date(row["date_to"]),
            },
            values={
                "starters": row.get("starters"),
                "leavers": row.get("leavers"),
                "note": row.get("note", ""),
            },
        )
        movement.leaver_reasons.all().delete()
        LeaverReason.objects.bulk_create(
            LeaverReason(movement=movement, order=order, reason=reason, count=count)
            for order, (reason, count) in enumerate(row.get("reasons", []), start=1)
        )
        movements.append(movement)
    prune(council.authority.movements.all(), keep=movements)


def _load_caseloads(*, council: Council, data: list[dict[str, Any]]) -> None:
    """Averages as reported: the seeds give no case or FTE counts, so none are made up."""
    council.authority.caseloads.all().delete()
    Caseload.objects.bulk_create(
        Caseload(
            authority=council.authority,
            team=council.team(row.get("team")),
            service=row.get("service", ""),
            period=period(row["period"]),
            as_at=date(row.get("as_at")),
            reported_average=decimal(row["reported_average"]),
            source=row.get("source", ""),
        )
        for row in data
    )


def _load_training(*, council: Council, data: dict[str, Any]) -> None:
    courses = {course.name: course for course in TrainingCourse.objects.all()}
    council.authority.training_completions.all().delete()
    TrainingCompletion.objects.bulk_create(
        TrainingCompletion(
            authority=council.authority,
            course=courses[row["course"]],
            period=period(row.get("period")),
            date_from=date(row.get("date_from")),
            date_to=date(row.get("date_to")),
            staff_group=row.get("staff_group", ""),
            completed=row["completed"],
            planned=row.get("planned"),
            note=row.get("note", ""),
        )
        for row in data.get("training", [])
    )
    council.authority.training_coverage.all().delete()
    TrainingCoverage.objects.bulk_create(
        TrainingCoverage(
            authority=council.authority,
            course=courses[row["course"]],
            as_at=date(row["as_at"]),
            staff_group=row.get("staff_group", ""),
            staff_trained=row.get("staff_trained"),
            staff_in_scope=row.get("staff_in_scope"),
            reported_percent=decimal(row.get("reported_percent")),
            note=row.get("note", ""),
            source=row.get("source", ""),
        )
        for row in data.get("coverage", [])
    )
