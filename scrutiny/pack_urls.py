"""Agenda packs and report PDFs under /<council>/packs/: build, progress and download."""

from django.urls import path

from .views import packs

urlpatterns = [
    path(
        "packs/meetings/<int:pk>/confidential/",
        packs.ConfidentialPackView.as_view(),
        name="meeting_confidential_pack",
    ),
    path(
        "packs/meetings/<int:pk>/<slug:kind>/",
        packs.MeetingPackView.as_view(),
        name="meeting_pack",
    ),
    path("packs/reports/<int:pk>/", packs.ReportPdfView.as_view(), name="report_pdf"),
    path("packs/cover-letter/", packs.CoverLetterView.as_view(), name="cover_letter"),
]
