"""Programme pages: declarations over the shared list and detail views."""

from django.urls import reverse

from scrutiny.views.generic import ObjectDetailView, ObjectListView

from . import selectors
from .filtersets import ProgrammeFilterSet
from .models import Programme, Project
from .tables import (
    MilestoneTable,
    ProgrammeTable,
    ProgressMetricTable,
    ProjectTable,
    RiskTable,
)


def log_tables(logs: selectors.ProgrammeLogs, *, on_project_page: bool) -> dict:
    """The tables a programme or project page shows for its milestones, metrics and risks."""

    def by_project(rows) -> bool:
        # A Project column only where some row belongs to a project.
        return not on_project_page and any(r.project_id for r in rows)

    return {
        "milestone_tables": [
            MilestoneTable(rows, caption=title, show_project=by_project(rows))
            for title, rows in logs.milestones
        ],
        "metric_table": ProgressMetricTable(
            logs.metrics, show_project=by_project(logs.metrics), empty_text="No measures recorded."
        ),
        "risk_table": RiskTable(
            logs.risks, show_project=by_project(logs.risks), empty_text="No risks recorded."
        ),
        "updates": logs.updates,
    }


class InProgrammes:
    """Puts 'Programmes' in the breadcrumbs of the pages below the programme list."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        url = reverse("programmes:programme_list", kwargs={"authority": self.authority.slug})
        context["breadcrumbs"] = [(url, "Programmes"), *self.more_breadcrumbs()]
        return context

    def more_breadcrumbs(self) -> list[tuple[str, str]]:
        return []


class ProgrammeListView(ObjectListView):
    """The council's improvement programmes."""

    queryset = Programme.objects.all()
    table_class = ProgrammeTable
    filterset_class = ProgrammeFilterSet
    title = "Programmes"
    intro = "Funded programmes of change: Innovations, Partners in Practice, improvement plans."


class ProgrammeDetailView(InProgrammes, ObjectDetailView):
    """A programme: its funding and partners, projects, milestones, progress, measures, risks."""

    queryset = Programme.objects.select_related("authority")
    template_name = "programmes/programme_detail.html"
    fields = [
        "kind",
        "practice_framework",
        "funder",
        "funding_amount",
        "funding_mechanism",
        "delivery_partner",
        "evaluation_partner",
        "start_date",
        "end_date",
        "summary",
        "governance",
    ]

    def summary_rows(self, obj):
        money = f"£{obj.funding_amount:,.0f}" if obj.funding_amount is not None else None
        return [
            (label, money if label == "Funding amount" else value)
            for label, value in super().summary_rows(obj)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["project_tables"] = [
            ProjectTable(group.projects, caption=group.name, empty_text="No projects yet.")
            for group in selectors.workstreams_with_projects(self.object)
        ]
        context.update(log_tables(selectors.programme_logs(self.object), on_project_page=False))
        return context


class ProjectDetailView(InProgrammes, ObjectDetailView):
    """One project of a programme, with its own milestones, progress, measures and risks."""

    queryset = Project.objects.select_related("programme__authority", "workstream")
    authority_field = "programme__authority"
    pk_url_kwarg = "project_pk"
    template_name = "programmes/project_detail.html"
    fields = ["number", "workstream", "aim", "project_manager", "senior_lead"]

    def get_queryset(self):
        return super().get_queryset().filter(programme_id=self.kwargs["pk"])

    def more_breadcrumbs(self):
        programme = self.object.programme
        return [(programme.get_absolute_url(), str(programme))]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        logs = selectors.programme_logs(self.object.programme, project=self.object)
        context.update(log_tables(logs, on_project_page=True))
        return context
