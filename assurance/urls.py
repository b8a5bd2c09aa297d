"""A council's quality assurance pages, under /<council>/assurance/."""

from django.urls import path

from . import views

app_name = "assurance"

urlpatterns = [
    path("", views.AssuranceHomeView.as_view(), name="home"),
    path("complaints/", views.ComplaintSummaryView.as_view(), name="complaint_summary"),
    path("audits/", views.AuditListView.as_view(), name="audit_list"),
    path("audits/<int:pk>/", views.AuditDetailView.as_view(), name="audit_detail"),
    path("inspections/", views.InspectionListView.as_view(), name="inspection_list"),
    path("inspections/<int:pk>/", views.InspectionDetailView.as_view(), name="inspection_detail"),
    path("recommendations/", views.RecommendationListView.as_view(), name="recommendation_list"),
    path(
        "recommendations/<int:pk>/",
        views.RecommendationDetailView.as_view(),
        name="recommendation_detail",
    ),
    path("contacts/", views.ContactListView.as_view(), name="contact_list"),
    path("data-quality/", views.DataQualityListView.as_view(), name="data_quality_list"),
]
