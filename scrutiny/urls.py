"""The root URLs: each app owns the paths under its own prefix, included by name so the
project package imports none of them."""

from django.contrib import admin
from django.urls import include, path

from .setup.views import NewCouncilView
from .views.charts import ChartFileView
from .views.health import HealthView

# Everything below /<council>/.
council_patterns = [
    path("", include("committees.urls")),
    path("packs/", include("packs.urls")),
    path("returns/", include("returns.urls")),
    path("assurance/", include("assurance.urls")),
    path("workforce/", include("workforce.urls")),
    path("scorecards/", include("scorecards.urls")),
    path("programmes/", include("programmes.urls")),
    path("setup/", include("scrutiny.setup.urls")),
]

urlpatterns = [
    path("", include("committees.site_urls")),
    path("admin/", admin.site.urls),
    path("healthz", HealthView.as_view(), name="health"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("media/charts/<str:name>", ChartFileView.as_view(), name="chart_file"),
    path("councils/new/", NewCouncilView.as_view(), name="council_add"),
    path("<slug:authority>/", include(council_patterns)),
]
