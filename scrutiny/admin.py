from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from . import models as m
from .admin_utils import register


@admin.register(m.User)
class ScrutinyUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active", "is_superuser", "authorities"]
    fieldsets = [
        *UserAdmin.fieldsets,
        ("Role", {"fields": ["role", "job_title", "authorities", "service_areas"]}),
    ]
    filter_horizontal = ["authorities", "service_areas", "groups", "user_permissions"]


register(
    m.Authority,
    m.ServiceArea,
    m.Team,
    m.NeighbourSet,
    m.Period,
    m.Committee,
    m.CommitteeMembership,
    m.Meeting,
    m.AgendaItem,
    m.Report,
    m.Recommendation,
    m.RecommendationUpdate,
    inlines={
        m.Authority: [m.ServiceArea, m.Team],
        m.NeighbourSet: [m.NeighbourSetMember],
        m.Committee: [m.CommitteeMembership],
        m.Meeting: [m.AgendaItem],
        m.Report: [m.FinancialImplication, m.ReportSection, m.BackgroundPaper],
        m.Recommendation: [m.RecommendationUpdate],
    },
)


_GeneratedReportAdmin = type(admin.site._registry[m.Report])
admin.site.unregister(m.Report)


@admin.register(m.Report)
class ReportAdmin(_GeneratedReportAdmin):
    """A published report is never edited in place, here either: it is shown read-only, with
    its sections, financial rows and background papers, and cannot be deleted. A correction
    is published as a new version, which says what changed."""

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status == m.Report.Status.PUBLISHED:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status == m.Report.Status.PUBLISHED:
            return False
        return super().has_delete_permission(request, obj)
