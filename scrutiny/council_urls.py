"""Committee business and assurance pages under /<council>/."""

from django.urls import path

from .views import assurance, committees, reports, returns

urlpatterns = [
    path("committees/", committees.CommitteeListView.as_view(), name="committee_list"),
    path(
        "committees/<slug:slug>/",
        committees.CommitteeDetailView.as_view(),
        name="committee_detail",
    ),
    path("meetings/<int:pk>/", committees.MeetingDetailView.as_view(), name="meeting_detail"),
    path("reports/", reports.ReportListView.as_view(), name="report_list"),
    path("reports/<int:pk>/", reports.ReportDetailView.as_view(), name="report_detail"),
    path("assurance/", assurance.AssuranceHomeView.as_view(), name="assurance_home"),
    path(
        "assurance/complaints/",
        assurance.ComplaintSummaryView.as_view(),
        name="complaint_summary",
    ),
    path("assurance/audits/", assurance.AuditListView.as_view(), name="audit_list"),
    path("assurance/audits/<int:pk>/", assurance.AuditDetailView.as_view(), name="audit_detail"),
    path("assurance/inspections/", assurance.InspectionListView.as_view(), name="inspection_list"),
    path(
        "assurance/inspections/<int:pk>/",
        assurance.InspectionDetailView.as_view(),
        name="inspection_detail",
    ),
    path(
        "assurance/recommendations/",
        assurance.RecommendationListView.as_view(),
        name="recommendation_list",
    ),
    path(
        "assurance/recommendations/<int:pk>/",
        assurance.RecommendationDetailView.as_view(),
        name="recommendation_detail",
    ),
    path("assurance/contacts/", assurance.ContactListView.as_view(), name="contact_list"),
    path(
        "assurance/data-quality/",
        assurance.DataQualityListView.as_view(),
        name="data_quality_list",
    ),
    # Quarterly returns
    path("returns/", returns.ReturnListView.as_view(), name="return_list"),
    path("returns/<str:period>/", returns.ReturnDetailView.as_view(), name="return_detail"),
    path(
        "returns/<str:period>/changes/",
        returns.ReturnChangesView.as_view(),
        name="return_changes",
    ),
    path(
        "returns/<str:period>/<slug:section>/",
        returns.SectionView.as_view(),
        name="return_section",
    ),
]
