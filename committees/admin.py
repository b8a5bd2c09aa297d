"""Admin for committee business; a published report is read-only here as on its pages."""

from django.contrib import admin

from scrutiny.admin_utils import register

from . import models as m

register(
    m.Committee,
    m.CommitteeMembership,
    m.Councillor,
    m.Meeting,
    m.AgendaItem,
    m.Report,
    m.Recommendation,
    m.RecommendationUpdate,
    m.MeetingNotice,
    m.WorkProgrammeItem,
    m.Attendance,
    m.Declaration,
    m.Minutes,
    m.MinuteEntry,
    m.MinuteRecommendation,
    inlines={
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
