"""Reports to committee: the list and the report read like the paper. Public pages."""

from django.db.models import Min
from django.urls import reverse
from django.views.generic import DetailView

from committees.filtersets import ReportFilterSet
from committees.models import Report
from committees.selectors import (
    consideration,
    report_body,
    report_for,
    report_versions,
    visible_reports,
)
from committees.selectors.report_data import shown_tables
from committees.tables import ReportTable
from scrutiny.permissions import can_handle_reports, can_write_reports
from scrutiny.views.generic import AuthorityMixin, ObjectListView


class ReportListView(ObjectListView):
    """The council's reports the reader may open."""

    public = True
    model = Report
    table_class = ReportTable
    filterset_class = ReportFilterSet
    title = "Reports"
    intro = "Reports to committee with their cover sheets, sections and financial implications."

    def get_queryset(self):
        # A report with no date of its own (the seed papers leave the cover sheet's blank) is
        # dated by the first meeting it went to, as a council's list of papers shows it.
        return (
            visible_reports(self.request.user, self.authority)
            .with_replacement()
            .annotate(first_meeting_date=Min("agenda_items__meeting__date"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if can_write_reports(self.request.user, self.authority):
            context["actions"] = [
                (
                    reverse("committees:report_create", kwargs={"authority": self.authority.slug}),
                    "Write a report",
                )
            ]
        return context


class ReportDetailView(AuthorityMixin, DetailView):
    """One report: cover sheet, sections in order, financial implications, contact."""

    public = True
    template_name = "scrutiny/report_detail.html"
    context_object_name = "report"

    def get_object(self, queryset=None):
        return report_for(self.request.user, self.authority, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = context["report"]
        earlier, later = report_versions(self.request.user, report)
        body = report_body(report, reader=self.request.user)
        context.update(
            consideration=consideration(report),
            sections=body.sections,
            financial_rows=body.financial_rows,
            background_papers=body.background_papers,
            tables=shown_tables(report, body),
            earlier_version=earlier,
            can_manage_report=can_handle_reports(self.request.user, self.authority),
            later_versions=later,
            replacement=next(
                (r for r in later if r.is_published and r.version == report.replaced_by_version),
                None,
            ),
            breadcrumbs=[
                (
                    reverse("committees:report_list", kwargs={"authority": self.authority.slug}),
                    "Reports",
                )
            ],
        )
        return context
