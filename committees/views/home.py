"""The list of councils and each council's home page."""

from django.db.models import F
from django.views.generic import ListView, TemplateView

from committees.models import Report
from committees.selectors import meetings_visible_to
from scrutiny.models import Authority
from scrutiny.navigation import sections_for
from scrutiny.permissions import can_view_data, reports_visible_to, visible_authorities
from scrutiny.views.generic import AuthorityMixin


class HomeView(ListView):
    """Every council using the service; signed-in users see theirs first."""

    template_name = "scrutiny/home.html"
    queryset = Authority.objects.filter(is_active=True).order_by("name")
    context_object_name = "authorities"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["my_authorities"] = list(visible_authorities(self.request.user))
        return context


class AuthorityHomeView(AuthorityMixin, TemplateView):
    """A council's front page: its meetings and papers, and the areas the reader may open."""

    public = True
    template_name = "scrutiny/authority_home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_view_data"] = can_view_data(self.request.user, self.authority)
        context["sections"] = [
            s for s in sections_for(self.request, self.authority) if s["description"]
        ]
        context["meetings"] = meetings_visible_to(self.request.user, self.authority).order_by(
            "-date"
        )[:5]
        context["reports"] = (
            reports_visible_to(self.request.user, Report.objects.with_replacement())
            .filter(authority=self.authority)
            .select_related("authority", "committee")
            .order_by(F("report_date").desc(nulls_last=True), "title", "-pk")[:5]
        )
        return context
