from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.http import require_safe

from .sitemaps import SITEMAPS
from .views.charts import ChartFileView
from .views.health import HealthView
from .views.home import AuthorityHomeView, HomeView
from .views.reading import DashboardView

# Everything below /<council>/. Each app owns the paths under its own prefix.
council_patterns = [
    path("", AuthorityHomeView.as_view(), name="authority_home"),
    path("", include("scrutiny.council_urls")),
    path("", include("scrutiny.reading_urls")),
    path("packs/", include("packs.urls")),
    path("workforce/", include("workforce.urls")),
    path("scorecards/", include("scorecards.urls")),
    path("programmes/", include("programmes.urls")),
]

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("admin/", admin.site.urls),
    path("dashboard/", DashboardView.as_view(), name="dashboard"),
    path("healthz", HealthView.as_view(), name="health"),
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("media/charts/<str:name>", ChartFileView.as_view(), name="chart_file"),
    path("<slug:authority>/", include(council_patterns)),
]
