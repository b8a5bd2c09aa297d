"""Workforce pages: declarations over the shared list and detail views."""

from scrutiny.views.generic import ObjectDetailView, ObjectListView

from .filtersets import StaffingFigureFilterSet
from .models import StaffingFigure
from .tables import StaffingFigureTable


class StaffingFigureListView(ObjectListView):
    queryset = StaffingFigure.objects.select_related("role", "period")
    table_class = StaffingFigureTable
    filterset_class = StaffingFigureFilterSet
    title = "Staffing by role"
    intro = "Permanent and agency staff and vacancies by role, at each snapshot date."


class StaffingFigureDetailView(ObjectDetailView):
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
