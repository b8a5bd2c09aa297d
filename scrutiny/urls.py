"""The root URLs: each app owns the paths under its own prefix, included by name so the
project package imports none of them."""

from django.contrib import admin
from django.urls import include, path

from .setup.views import NewCouncilView
from .views.account import admin_sign_in
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

# One way in: the service's sign-in, which asks for the code of those with two-step sign-in.
admin.site.login = admin_sign_in

urlpatterns = [
    path("", include("committees.site_urls")),
    path("admin/", admin.site.urls),
    path("healthz", HealthView.as_view(), name="health"),
    path("accounts/", include("scrutiny.account_urls")),
    path("media/charts/<str:name>", ChartFileView.as_view(), name="chart_file"),
    path("councils/new/", NewCouncilView.as_view(), name="council_add"),
    path("<slug:authority>/", include(council_patterns)),
]
