from django.urls import path

from . import views
from .breakdowns.choose import BreakdownChooseView
from .breakdowns.downloads import BreakdownDownloadView
from .catalogue.choose import CatalogueChooseView
from .catalogue.local import LocalIndicatorsView
from .catalogue.targets import TargetsView

app_name = "scorecards"

urlpatterns = [
    path("", views.IndicatorListView.as_view(), name="indicator_list"),
    path("catalogue/", CatalogueChooseView.as_view(), name="catalogue_choose"),
    path("targets/", TargetsView.as_view(), name="targets"),
    path("local/", LocalIndicatorsView.as_view(), name="local_indicators"),
    path("catalogue/breakdowns/", BreakdownChooseView.as_view(), name="breakdowns_choose"),
    path("by-group.csv", BreakdownDownloadView.as_view(), name="breakdowns_download"),
    path("practice/", views.PracticeScorecardListView.as_view(), name="practice_scorecard_list"),
    path(
        "practice/<int:pk>/",
        views.PracticeScorecardDetailView.as_view(),
        name="practice_scorecard_detail",
    ),
    path(
        "private/charts/<str:name>",
        views.PrivateChartFileView.as_view(),
        name="private_chart_file",
    ),
    path("<slug:code>/", views.IndicatorDetailView.as_view(), name="indicator_detail"),
]
