from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("", views.ProgrammeListView.as_view(), name="programme_list"),
    path("<int:pk>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
    path(
        "<int:pk>/projects/<int:project_pk>/",
        views.ProjectDetailView.as_view(),
        name="project_detail",
    ),
]
