"""Quality assurance pages for the council's signed-in users: complaints, audits,
inspections, recommendations, contacts and data quality."""

from django.db.models import Prefetch
from django.urls import reverse
from django.views.generic import TemplateView

from committees.models import Recommendation
from committees.selectors.recommendations import recommendations_with_status
from scrutiny.formatting import date_range
from scrutiny.views.generic import AuthorityMixin, ObjectDetailView, ObjectListView, Related

from .filtersets import (
    AuditFilterSet,
    DataQualityIssueFilterSet,
    InspectionFilterSet,
    RecommendationFilterSet,
)
from .models import Audit, AuditFinding, DataQualityIssue, Inspection, InspectionJudgement
from .selectors import (
    assurance_headlines,
    complaint_comparison,
    complaint_pivot,
    complaint_themes,
    complaint_years,
    compliments,
    contact_blocks,
)
from .tables import (
    AuditActionTable,
    AuditFindingTable,
    AuditTable,
    ComplaintThemeTable,
    ComplimentTable,
    DataQualityIssueTable,
    InspectionJudgementTable,
    InspectionTable,
    RecommendationTable,
    RecommendationUpdateTable,
)


def _crumbs(view, *extra):
    home = reverse("assurance:home", kwargs={"authority": view.authority.slug})
    return [(home, "Quality assurance"), *extra]


def _list_crumb(view, url_name, label):
    return (reverse(url_name, kwargs={"authority": view.authority.slug}), label)


class AssuranceBreadcrumbs:
    """Puts the assurance section in the breadcrumbs; detail pages add their list."""

    list_crumb: tuple[str, str] | None = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        extra = [_list_crumb(self, *self.list_crumb)] if self.list_crumb else []
        context["breadcrumbs"] = _crumbs(self, *extra)
        return context


class AssuranceHomeView(AuthorityMixin, TemplateView):
    """Links to each assurance page with its headline figure."""

    template_name = "scrutiny/assurance_home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["headlines"] = assurance_headlines(self.request.user, self.authority)
        return context


class ComplaintSummaryView(AssuranceBreadcrumbs, AuthorityMixin, TemplateView):
    """Complaints by team and stage, year on year, their themes, and compliments."""

    template_name = "scrutiny/complaint_summary.html"

    def selected_year(self, years: list[int]) -> int | None:
        try:
            asked = int(self.request.GET.get("year", ""))
        except ValueError:
            asked = None
        return asked if asked in years else (years[0] if years else None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = complaint_years(self.authority)
        year = self.selected_year(years)
        context["years"] = [(y, f"{y}/{(y + 1) % 100:02d}") for y in years]
        context["year"] = year
        if year is not None:
            context["pivot"] = complaint_pivot(self.authority, year)
            context["comparison"] = complaint_comparison(self.authority, year)
            context["themes"] = ComplaintThemeTable(
                complaint_themes(self.authority, year),
                orderable=False,
                empty_text="No themes recorded.",
            )
            context["compliments"] = ComplimentTable(
                compliments(self.authority, year),
                orderable=False,
                empty_text="No compliments recorded.",
            )
        return context


class AuditListView(AssuranceBreadcrumbs, ObjectListView):
    """The council's audits."""

    queryset = Audit.objects.select_related("team")
    table_class = AuditTable
    filterset_class = AuditFilterSet
    title = "Audits"
    intro = "Case-file and thematic audits: what was looked at, what was found, what is done."


def _findings(kind):
    return lambda audit: [f for f in audit.findings.all() if f.kind == kind]


class AuditDetailView(AssuranceBreadcrumbs, ObjectDetailView):
    """An audit's scope, findings as strengths and areas for improvement, and actions."""

    queryset = Audit.objects.select_related("team", "period").prefetch_related(
        Prefetch("findings", queryset=AuditFinding.objects.order_by("order", "pk")), "actions"
    )
    list_crumb = ("assurance:audit_list", "Audits")
    fields = ["scope", "team", "conducted_by", "period", "completed_on", "cases_audited", "summary"]
    related = [
        Related("Strengths", AuditFindingTable, _findings(AuditFinding.Kind.STRENGTH)),
        Related(
            "Areas for improvement", AuditFindingTable, _findings(AuditFinding.Kind.IMPROVEMENT)
        ),
        Related("Actions", AuditActionTable, lambda audit: audit.actions.all()),
    ]


class InspectionListView(AssuranceBreadcrumbs, ObjectListView):
    """Inspections of the council's services with their grades."""

    queryset = Inspection.objects.prefetch_related(
        Prefetch("judgements", queryset=InspectionJudgement.objects.order_by("order", "pk"))
    )
    table_class = InspectionTable
    filterset_class = InspectionFilterSet
    title = "Inspections"
    intro = "Inspections of the council's children's services and the grade for each judgement."


class InspectionDetailView(AssuranceBreadcrumbs, ObjectDetailView):
    """An inspection: the service, when, and each judgement's grade."""

    queryset = Inspection.objects.prefetch_related(
        Prefetch("judgements", queryset=InspectionJudgement.objects.order_by("order", "pk"))
    )
    list_crumb = ("assurance:inspection_list", "Inspections")
    fields = ["inspectorate", "service_inspected", "report_url"]
    related = [
        Related(
            "Judgements", InspectionJudgementTable, lambda inspection: inspection.judgements.all()
        )
    ]

    def summary_rows(self, obj):
        rows = super().summary_rows(obj)
        rows.insert(2, ("Date of inspection", date_range(obj.start_date, obj.end_date)))
        return rows


class RecommendationListView(AssuranceBreadcrumbs, ObjectListView):
    """The recommendation tracker with each recommendation's latest status."""

    model = Recommendation  # its rows are the reader's: see base_queryset
    table_class = RecommendationTable
    filterset_class = RecommendationFilterSet
    title = "Recommendations"
    intro = "Recommendations and strategic focus lines, why each was made, and where it stands."
    # A committee reads the tracker whole; an annual review alone carries some sixty lines.
    per_page = 200

    def base_queryset(self):
        return recommendations_with_status(self.request.user)


class RecommendationDetailView(AssuranceBreadcrumbs, ObjectDetailView):
    """A recommendation and its status, period by period."""

    model = Recommendation  # its rows are the reader's: see base_queryset
    list_crumb = ("assurance:recommendation_list", "Recommendations")
    fields = ["source", "area", "team", "period", "reference", "rationale", "text", "owner"]
    related = [Related("Status by period", RecommendationUpdateTable, lambda r: r.updates.all())]

    def base_queryset(self):
        return recommendations_with_status(self.request.user).prefetch_related("updates__period")


class ContactListView(AssuranceBreadcrumbs, AuthorityMixin, TemplateView):
    """Contacts received by channel per period, and what they were about."""

    template_name = "scrutiny/contact_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["blocks"] = contact_blocks(self.authority)
        return context


class DataQualityListView(AssuranceBreadcrumbs, ObjectListView):
    """Problems recorded in the council's figures as received."""

    queryset = DataQualityIssue.objects.all()
    table_class = DataQualityIssueTable
    filterset_class = DataQualityIssueFilterSet
    title = "Data quality"
    intro = "Problems found in figures as received, and whether they have been resolved."
