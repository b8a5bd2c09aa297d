"""Reads for the programme pages that are more than a queryset."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from scrutiny.models import Period

from .models import Milestone, Programme, ProgressMetric, ProgressUpdate, Project, Risk, Workstream

RAG_COLOURS = {"red": "red", "amber": "orange", "green": "green"}
BULLETS = "-•*–"


def points(text: str) -> list[str]:
    """Newline-separated points as a list, without the bullet characters typed before them."""
    return [line.strip().lstrip(BULLETS).strip() for line in text.splitlines() if line.strip()]


@dataclass
class UpdateBlock:
    """A progress update laid out as the papers do: done, impact, going forward, RAG."""

    update: ProgressUpdate

    @property
    def heading(self) -> str:
        u = self.update
        return str(u.project) if u.project_id else u.theme or "Whole programme"

    @property
    def rag_colour(self) -> str:
        return RAG_COLOURS.get(self.update.rag, "grey")

    @property
    def sections(self) -> list[tuple[str, list[str]]]:
        u = self.update
        return [
            ("What have we done?", points(u.done)),
            ("What is the impact?", points(u.impact)),
            ("Going forward", points(u.going_forward)),
        ]


@dataclass
class WorkstreamProjects:
    """A workstream and its projects, as in Lincolnshire's project table."""

    name: str
    description: str
    projects: list[Project]


@dataclass
class ProgrammeLogs:
    """Everything a programme (or one of its projects) logs, grouped for reading."""

    milestones: list[tuple[str, list[Milestone]]] = field(default_factory=list)
    updates: list[tuple[Period, list[UpdateBlock]]] = field(default_factory=list)
    metrics: list[ProgressMetric] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)


def programme_logs(programme: Programme, project: Project | None = None) -> ProgrammeLogs:
    """Milestones by kind, updates by period (latest first), metrics and risks: four queries."""

    def scoped(qs: QuerySet) -> QuerySet:
        qs = qs.filter(programme=programme)
        return qs.filter(project=project) if project is not None else qs

    by_kind: dict[str, list[Milestone]] = {kind: [] for kind in Milestone.Kind.values}
    milestones = scoped(Milestone.objects).select_related("project__programme__authority")
    for milestone in milestones.order_by("order", "due_date", "pk"):
        by_kind[milestone.kind].append(milestone)
    labels = dict(Milestone.Kind.choices)
    grouped = [(_plural(labels[kind]), rows) for kind, rows in by_kind.items() if rows]

    by_period: dict[int, tuple[Period, list[UpdateBlock]]] = {}
    updates = scoped(ProgressUpdate.objects).select_related("period", "project")
    for update in updates.order_by("-period__start", "period__end", "order", "pk"):
        by_period.setdefault(update.period_id, (update.period, []))[1].append(UpdateBlock(update))

    metrics = scoped(ProgressMetric.objects).select_related(
        "project__programme__authority", "period"
    )
    risks = scoped(Risk.objects).select_related("project__programme__authority")
    return ProgrammeLogs(
        milestones=grouped,
        updates=list(by_period.values()),
        metrics=list(metrics.order_by("project__number", "order", "pk")),
        risks=list(risks.order_by("-status", "-likelihood", "-impact", "title")),
    )


def _plural(label: str) -> str:
    return {"Key deliverable": "Key deliverables", "Next step": "Next steps"}.get(
        label, f"{label}s"
    )


def workstreams_with_projects(programme: Programme) -> list[WorkstreamProjects]:
    """The programme's workstreams, each with its projects; projects in none come last."""
    workstreams = list(Workstream.objects.filter(programme=programme).order_by("order", "pk"))
    projects = Project.objects.filter(programme=programme).select_related("programme__authority")
    by_workstream: dict[int | None, list[Project]] = {}
    for project in projects.order_by("number", "name"):
        by_workstream.setdefault(project.workstream_id, []).append(project)
    groups = [
        WorkstreamProjects(w.name, w.description, by_workstream.get(w.pk, [])) for w in workstreams
    ]
    if by_workstream.get(None):
        title = "Projects" if not workstreams else "Projects in no workstream"
        groups.append(WorkstreamProjects(title, "", by_workstream[None]))
    return groups
