from django.urls import path

from . import views
from .setup import RolesSetupView

app_name = "workforce"

urlpatterns = [
    path("", views.WorkforceHomeView.as_view(), name="home"),
    path("roles/", RolesSetupView.as_view(), name="roles_setup"),
    path("staffing/", views.StaffingFigureListView.as_view(), name="staffing_list"),
    path("staffing/<int:pk>/", views.StaffingFigureDetailView.as_view(), name="staffing_detail"),
    path("movements/", views.StaffMovementListView.as_view(), name="movement_list"),
    path("movements/<int:pk>/", views.StaffMovementDetailView.as_view(), name="movement_detail"),
    path("caseloads/", views.CaseloadListView.as_view(), name="caseload_list"),
    path("training/", views.TrainingCompletionListView.as_view(), name="training_list"),
    path(
        "training/coverage/",
        views.TrainingCoverageListView.as_view(),
        name="training_coverage_list",
    ),
]
