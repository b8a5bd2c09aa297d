"""Workforce pages: declarations over the shared list and detail views."""

from django.urls import reverse
from django.views.generic import TemplateView

from scrutiny.views.generic import AuthorityMixin, ObjectDetailView, ObjectListView, Related

from . import selectors
from .filtersets import (
    CaseloadFilterSet,
    StaffingFigureFilterSet,
    StaffMovementFilterSet,
    TrainingCompletionFilterSet,
    TrainingCoverageFilterSet,
)
from .models import Caseload, StaffingFigure, TrainingCompletion, TrainingCoverage
from .tables import (
    CaseloadTable,
    LeaverReasonTable,
    StaffingFigureTable,
    StaffingSnapshotTable,
    StaffMovementTable,
    TrainingCompletionTable,
    TrainingCoverageTable,
)
from .targets import caseload_targets


class InWorkforce:
    """Puts 'Workforce' in the breadcrumbs of the pages below the workforce overview."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        url = reverse("workforce:home", kwargs={"authority": self.authority.slug})
        context["breadcrumbs"] = [(url, "Workforce")]
        return context


class WorkforceHomeView(AuthorityMixin, TemplateView):
    """Staffing by role at a chosen snapshot beside last year's, and each list's headline."""

    template_name = "workforce/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        overview = selectors.workforce_overview(self.authority, self.request.GET.get("as_at"))
        context["overview"] = overview
        context["snapshot_tables"] = [
            StaffingSnapshotTable.for_snapshot(s) for s in overview.snapshots
        ]
        return context


class StaffingFigureListView(InWorkforce, ObjectListView):
    """Every staffing figure the council holds, by role and snapshot date."""

    queryset = StaffingFigure.objects.select_related("role", "period")
    table_class = StaffingFigureTable
    filterset_class = StaffingFigureFilterSet
    title = "Staffing by role"
    intro = "Permanent and agency staff and vacancies by role, at each snapshot date."


class StaffingFigureDetailView(InWorkforce, ObjectDetailView):
    """One role's staffing at one snapshot."""

    queryset = StaffingFigure.objects.select_related("role", "period", "authority")
    fields = [
        "role",
        "as_at",
        "period",
        "basis",
        "total_reported",
        "permanent",
        "agency",
        "vacancies",
        "note",
        "source",
    ]


class StaffMovementListView(InWorkforce, ObjectListView):
    """Starters and leavers over each span the council reported."""

    queryset = selectors.movements_with_reasons()
    table_class = StaffMovementTable
    filterset_class = StaffMovementFilterSet
    title = "Starters and leavers"
    intro = "Staff who started and left, the net change, and why leavers left where known."


class StaffMovementDetailView(InWorkforce, ObjectDetailView):
    """One span's starters and leavers, with leavers by reason."""

    queryset = selectors.movements_with_reasons().select_related("authority")
    fields = ["staff_group", "date_from", "date_to", "starters", "leavers", "note"]
    related = [
        Related(
            "Leavers by reason",
            LeaverReasonTable,
            lambda movement: movement.leaver_reasons.all(),
            empty_text="No reasons recorded.",
        )
    ]

    def summary_rows(self, obj):
        net = obj.net_change
        return [
            *super().summary_rows(obj),
            ("Net change", None if net is None else f"{net:+d}" if net else "0"),
            ("Leavers with no reason given", StaffMovementTable.no_reason(obj)),
        ]


class CaseloadListView(InWorkforce, ObjectListView):
    """Average caseload by team or service, against the council's target."""

    queryset = Caseload.objects.select_related("team", "period")
    table_class = CaseloadTable
    filterset_class = CaseloadFilterSet
    title = "Caseloads"
    intro = "Cases held per full-time case-holding worker, by team or service."

    def get_table_kwargs(self):
        return {"targets": caseload_targets(self.authority)}


class TrainingCompletionListView(InWorkforce, ObjectListView):
    """How many staff completed each course, and how many more are planned."""

    queryset = TrainingCompletion.objects.select_related("course", "period")
    table_class = TrainingCompletionTable
    filterset_class = TrainingCompletionFilterSet
    title = "Training completed"
    intro = "Staff who completed each course over each period, and further places planned."


class TrainingCoverageListView(InWorkforce, ObjectListView):
    """The share of staff trained on each course."""

    queryset = TrainingCoverage.objects.select_related("course")
    table_class = TrainingCoverageTable
    filterset_class = TrainingCoverageFilterSet
    title = "Share of staff trained"
    intro = "The share of staff who have completed each course, at each date."
