from django.urls import path

from . import views

app_name = "setup"

urlpatterns = [
    path("", views.TaskListView.as_view(), name="task_list"),
    path("details/", views.DetailsView.as_view(), name="details"),
    path("teams/", views.TeamsView.as_view(), name="teams"),
    path("comparators/", views.ComparatorsView.as_view(), name="comparators"),
    path("people/", views.PeopleView.as_view(), name="people"),
]
