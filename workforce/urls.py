from django.urls import path

from . import views

urlpatterns = [
    path("staffing/", views.StaffingFigureListView.as_view(), name="staffing_list"),
    path("staffing/<int:pk>/", views.StaffingFigureDetailView.as_view(), name="staffing_detail"),
]
