"""Programmes: workstreams, numbered projects, milestones, progress updates and metrics."""

from __future__ import annotations

from typing import Any

from programmes.models import (
    Milestone,
    Programme,
    ProgressMetric,
    ProgressUpdate,
    Project,
    Workstream,
)

from .base import date, decimal, period, prune, upsert
from .councils import Council

PROGRAMME_TEXT_FIELDS = (
    "short_name",
    "practice_framework",
    "funder",
    "funding_mechanism",
    "delivery_partner",
    "evaluation_partner",
    "summary",
    "governance",
)


def load_programmes(*, council: Council, data: list[dict[str, Any]]) -> None:
    kept = [_load_programme(council=council, data=row) for row in data]
    prune(council.authority.programmes.all(), keep=kept)


def _load_programme(*, council: Council, data: dict[str, Any]) -> Programme:
    programme = upsert(
        Programme,
        keys={"authority": council.authority, "slug": data["slug"]},
        values={
            "name": data["name"],
            "kind": data["kind"],
            **{name: data.get(name, "") for name in PROGRAMME_TEXT_FIELDS},
            "funding_amount": decimal(data.get("funding_amount")),
            "start_date": date(data.get("start_date")),
            "end_date": date(data.get("end_date")),
        },
    )
    programme.workstreams.all().delete()
    workstreams = {
        row["name"]: Workstream.objects.create(
            programme=programme,
            order=order,
            name=row["name"],
            description=row.get("description", ""),
        )
        for order, row in enumerate(data.get("workstreams", []), start=1)
    }
    projects = {
        row["number"]: upsert(
            Project,
            keys={"programme": programme, "number": row["number"]},
            values={
                "name": row["name"],
                "workstream": workstreams.get(row.get("workstream")),
                "aim": row.get("aim", ""),
                "project_manager": row.get("project_manager", ""),
                "senior_lead": row.get("senior_lead", ""),
            },
        )
        for row in data.get("projects", [])
    }
    prune(programme.projects.all(), keep=projects.values())
    _load_children(programme=programme, projects=projects, data=data)
    return programme


def _load_children(
    *, programme: Programme, projects: dict[int, Project], data: dict[str, Any]
) -> None:
    """Rows with no natural key: replaced whole on every load."""
    for related in ("milestones", "updates", "metrics"):
        getattr(programme, related).all().delete()
    Milestone.objects.bulk_create(
        Milestone(
            programme=programme,
            project=projects.get(row.get("project")),
            kind=row["kind"],
            order=order,
            title=row["title"],
            due_date=date(row.get("due_date")),
            due_label=row.get("due_label", ""),
            status=row.get("status", Milestone.Status.NOT_STARTED),
            completed_on=date(row.get("completed_on")),
        )
        for order, row in enumerate(data.get("milestones", []), start=1)
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            programme=programme,
            project=projects.get(row.get("project")),
            theme=row.get("theme", ""),
            order=order,
            period=period(row["period"]),
            rag=row.get("rag", ""),
            done="\n".join(row.get("done", [])),
            impact="\n".join(row.get("impact", [])),
            going_forward="\n".join(row.get("going_forward", [])),
            author=row.get("author", ""),
        )
        for order, row in enumerate(data.get("updates", []), start=1)
    )
    ProgressMetric.objects.bulk_create(
        ProgressMetric(
            programme=programme,
            project=projects.get(row.get("project")),
            period=period(row.get("period")),
            order=order,
            description=row["description"],
            value=decimal(row["value"]),
            unit=row.get("unit", ProgressMetric.Unit.COUNT),
            target=decimal(row.get("target")),
            planned=decimal(row.get("planned")),
        )
        for order, row in enumerate(data.get("metrics", []), start=1)
    )
