"""The site's own pages outside any council: the list of councils, the signed-in reader's
dashboard, and the sitemap of published committee material."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.decorators.http import require_safe

from .sitemaps import SITEMAPS
from .views.home import HomeView
from .views.reading import DashboardView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("dashboard/", DashboardView.as_view(), name="dashboard"),
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
]
