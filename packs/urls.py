"""Agenda packs and report PDFs under /<council>/packs/: build, progress and download."""

from django.urls import path

from . import views
from .minutes import MinutesPdfView

app_name = "packs"

urlpatterns = [
    path(
        "meetings/<int:pk>/confidential/",
        views.ConfidentialPackView.as_view(),
        name="meeting_confidential_pack",
    ),
    path(
        "meetings/<int:pk>/<slug:kind>/",
        views.MeetingPackView.as_view(),
        name="meeting_pack",
    ),
    path("reports/<int:pk>/", views.ReportPdfView.as_view(), name="report_pdf"),
    path("meetings/<int:pk>/minutes.pdf", MinutesPdfView.as_view(), name="minutes_pdf"),
    path("cover-letter/", views.CoverLetterView.as_view(), name="cover_letter"),
]
