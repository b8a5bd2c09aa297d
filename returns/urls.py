"""A council's quarterly returns, under /<council>/returns/."""

from django.urls import path

from . import views
from .views.due_dates import DueDatesView

app_name = "returns"

urlpatterns = [
    path("", views.ReturnListView.as_view(), name="list"),
    path("due-dates/", DueDatesView.as_view(), name="due_dates"),
    path("<str:period>/", views.ReturnDetailView.as_view(), name="detail"),
    path("<str:period>/changes/", views.ReturnChangesView.as_view(), name="changes"),
    path("<str:period>/spreadsheet/", views.ReturnSpreadsheetView.as_view(), name="spreadsheet"),
    path("<str:period>/<slug:section>/", views.SectionView.as_view(), name="section"),
]
