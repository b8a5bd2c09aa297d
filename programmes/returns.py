"""Programme sections: progress per project with RAG, progress metrics, milestone status."""

from __future__ import annotations

from django.db.models import Q

from programmes.models import Milestone, Programme, ProgressMetric, ProgressUpdate, Project, Rag
from returns import rules
from returns.changes import Tracked
from returns.entries import Entry, save_changed, text
from returns.forms import CHOICE, DATE, TEXT, Column, Figures, Row
from returns.models import ReturnSectionKey
from returns.rules import Problem
from scrutiny.models import Period


class ProgrammeEntry(Entry):
    """A section over the council's programmes running in the quarter."""

    def active_programmes(self):
        return Programme.objects.filter(authority=self.authority).filter(
            Q(start_date__isnull=True) | Q(start_date__lte=self.period.end),
            Q(end_date__isnull=True) | Q(end_date__gte=self.period.start),
        )

    @staticmethod
    def programme_name(programme: Programme) -> str:
        return programme.short_name or programme.name


class ProgressEntry(ProgrammeEntry):
    """Each project's RAG and what was done, its impact and what comes next, this quarter."""

    key = ReturnSectionKey.PROGRAMMES
    slug = "programmes"
    tracked = (
        Tracked(
            ProgressUpdate,
            lambda r: Q(programme__authority=r.authority, period=r.period),
            ("rag", "done", "impact", "going_forward"),
            lambda h: str(h.project or h.programme),
            ("project", "programme"),
        ),
    )
    title = "Programme progress"
    row_heading = "Project"
    row_noun = "project"
    columns = [
        Column("rag", "RAG", kind=CHOICE, choices=tuple(Rag.choices), rag=True),
        Column("done", "What have we done?", kind=TEXT, lines=3),
        Column("impact", "What is the impact?", kind=TEXT, lines=3),
        Column("going_forward", "Going forward", kind=TEXT, lines=3),
    ]
    hint = (
        "For each project: its RAG status (red, amber or green) and the three questions of the "
        "progress report. A red or amber project needs a commentary before you complete."
    )

    def load(self) -> None:
        self.programmes = list(self.active_programmes())
        ids = [p.pk for p in self.programmes]
        self.projects = list(
            Project.objects.filter(programme_id__in=ids).select_related("programme")
        )
        self.updates = list(
            ProgressUpdate.objects.filter(programme_id__in=ids, period_id__in=self.period_ids())
        )

    def get_rows(self) -> list[Row]:
        rows = [
            Row(f"project-{p.pk}", f"{self.programme_name(p.programme)}: {p}")
            for p in self.projects
        ]
        with_projects = {p.programme_id for p in self.projects}
        rows += [
            Row(f"programme-{p.pk}", f"{self.programme_name(p)} (whole programme)")
            for p in self.programmes
            if p.pk not in with_projects
        ]
        return rows

    @staticmethod
    def key_of(update: ProgressUpdate) -> str:
        if update.project_id:
            return f"project-{update.project_id}"
        return f"programme-{update.programme_id}"

    def figures_for(self, period: Period | None) -> Figures:
        found: Figures = {}
        for u in self.updates:
            if period is not None and u.period_id == period.pk and not u.theme:
                found.setdefault(
                    self.key_of(u),
                    {
                        "rag": u.rag or None,
                        "done": u.done or None,
                        "impact": u.impact or None,
                        "going_forward": u.going_forward or None,
                    },
                )
        return found

    def check_row(self, row: Row, values: dict) -> list[Problem]:
        if values["rag"] is None:
            return [Problem(row.key, "rag", f"Choose the RAG status of {row.label}")]
        return []

    def store(self) -> None:
        period = self.stored_period
        existing: dict[str, ProgressUpdate] = {}
        for u in self.updates:
            if u.period_id == period.pk and not u.theme:
                existing.setdefault(self.key_of(u), u)
        projects = {f"project-{p.pk}": p for p in self.projects}

        def create(key: str) -> ProgressUpdate:
            project = projects.get(key)
            if project is not None:
                return ProgressUpdate(programme=project.programme, project=project, period=period)
            return ProgressUpdate(programme_id=int(key.split("-")[1]), period=period)

        self.write_rows(
            existing,
            create,
            lambda values: {
                "rag": values["rag"] or "",
                "done": text(values["done"]),
                "impact": text(values["impact"]),
                "going_forward": text(values["going_forward"]),
            },
        )


class MetricEntry(ProgrammeEntry):
    """This quarter's value of each progress metric the programmes measure."""

    key = ReturnSectionKey.METRICS
    slug = "metrics"
    tracked = (
        Tracked(
            ProgressMetric,
            lambda r: Q(programme__authority=r.authority, period=r.period),
            ("value", "target"),
            lambda h: h.description,
        ),
    )
    title = "Programme progress metrics"
    row_heading = "Metric"
    row_noun = "metric"
    columns = [
        Column("value", "Value", whole=False),
        Column("target", "Target", whole=False),
    ]
    hint = "The value of each measure at the end of the quarter, and its target if it has one."

    def load(self) -> None:
        self.programmes = {p.pk: p for p in self.active_programmes()}
        self.metrics = list(
            ProgressMetric.objects.filter(programme_id__in=list(self.programmes)).order_by(
                "programme_id", "order", "pk"
            )
        )
        self.units = {}
        for m in self.metrics:
            self.units.setdefault(self.key_of(m), m)

    @staticmethod
    def key_of(metric: ProgressMetric) -> str:
        return f"{metric.programme_id}:{metric.project_id or ''}:{metric.description}"

    def get_rows(self) -> list[Row]:
        return [
            Row(key, f"{self.programme_name(self.programmes[m.programme_id])}: {m.description}")
            for key, m in self.units.items()
        ]

    def figures_for(self, period: Period | None) -> Figures:
        return self.by_period(
            period,
            self.metrics,
            self.key_of,
            lambda m: {"value": m.value, "target": m.target},
        )

    def check_row(self, row: Row, values: dict) -> list[Problem]:
        if values["value"] is None and values["target"] is not None:
            return [Problem(row.key, "value", f"Enter the value of {row.label}")]
        if self.units[row.key].unit != ProgressMetric.Unit.PERCENT:
            return []
        # A percentage target lies between 0 and 100 just as the value does.
        return [
            problem
            for name, label in (("value", "Value"), ("target", "Target"))
            for problem in rules.check_percentage(
                values[name], row=row.key, column=name, what=f"{label} of {row.label}"
            )
        ]

    def store(self) -> None:
        period = self.stored_period

        def create(key: str) -> ProgressMetric:
            model = self.units[key]
            return ProgressMetric(
                programme_id=model.programme_id,
                project_id=model.project_id,
                period=period,
                order=model.order,
                description=model.description,
                unit=model.unit,
            )

        self.write_rows(
            {self.key_of(m): m for m in self.metrics if m.period_id == period.pk},
            create,
            lambda values: {"value": values["value"], "target": values["target"]},
        )


class MilestoneEntry(ProgrammeEntry):
    """Where each milestone stands at the end of the quarter (last quarter's from history)."""

    key = ReturnSectionKey.MILESTONES
    slug = "milestones"
    tracked = (
        Tracked(
            Milestone,
            lambda r: Q(programme__authority=r.authority, history_date__date__gte=r.period.start),
            ("status", "completed_on"),
            lambda h: h.title[:80],
        ),
    )
    title = "Milestones"
    row_heading = "Milestone"
    row_noun = "milestone"
    columns = [
        Column("status", "Status", kind=CHOICE, choices=tuple(Milestone.Status.choices)),
        Column("completed_on", "Completed on, if in the quarter", kind=DATE),
    ]
    hint = (
        "The status of each milestone at the end of the quarter and, for one done in the "
        "quarter, the day it was done."
    )

    def load(self) -> None:
        programmes = {p.pk: p for p in self.active_programmes()}
        self.milestones = list(
            Milestone.objects.filter(programme_id__in=list(programmes)).order_by(
                "programme_id", "kind", "order"
            )
        )
        self.programmes = programmes
        self.as_of: dict[str, dict[int, object]] = {}
        for name in ("previous", "last_year"):
            period = self.periods[name]
            self.as_of[name] = {}
            if period is None:
                continue
            # The latest recorded state of each milestone at the end of that quarter.
            for record in Milestone.history.filter(
                programme_id__in=list(programmes), history_date__date__lte=period.end
            ).order_by("id", "-history_date"):
                self.as_of[name].setdefault(record.id, record)

    def get_rows(self) -> list[Row]:
        return [
            Row(str(m.pk), f"{self.programme_name(self.programmes[m.programme_id])}: {m}{_due(m)}")
            for m in self.milestones
        ]

    def figures_for(self, period: Period | None) -> Figures:
        if period is None:
            return {}
        if period == self.periods["current"]:
            items = {m.pk: m for m in self.milestones}
        else:
            name = "previous" if period == self.periods["previous"] else "last_year"
            items = self.as_of[name]
        return {
            str(pk): {
                "status": m.status,
                "completed_on": m.completed_on
                if m.completed_on and period.contains(m.completed_on)
                else None,
            }
            for pk, m in items.items()
        }

    def check_row(self, row: Row, values: dict) -> list[Problem]:
        if values["completed_on"] is not None and values["status"] != Milestone.Status.DONE:
            return [
                Problem(
                    row.key,
                    "status",
                    f"{row.label} has a completion date, so its status must be Done",
                )
            ]
        return []

    def store(self) -> None:
        milestones = {str(m.pk): m for m in self.milestones}
        for key, values in self.editable_values().items():
            milestone = milestones[key]
            attrs = {"status": values["status"] or Milestone.Status.NOT_STARTED}
            if values["completed_on"] is not None or (
                milestone.completed_on and self.period.contains(milestone.completed_on)
            ):
                attrs["completed_on"] = values["completed_on"]
            save_changed(milestone, attrs)


def _due(milestone: Milestone) -> str:
    if milestone.due_label:
        return f" (due {milestone.due_label})"
    if milestone.due_date:
        return f" (due {milestone.due_date:%B %Y})"
    return ""


SECTIONS = [ProgressEntry, MetricEntry, MilestoneEntry]
