"""A council's committee business under /<council>/: its overview, committees and their
members, meetings and agendas, and reports from draft to publication."""

from django.urls import path

from . import reading_urls
from .setup import CommitteesSetupView
from .views import (
    authoring,
    clerking,
    committees,
    councillors,
    minutes,
    report_data,
    report_sections,
    reports,
    work_programme,
)
from .views.home import AuthorityHomeView

app_name = "committees"

urlpatterns = [
    path("", AuthorityHomeView.as_view(), name="authority_home"),
    path("committees/", committees.CommitteeListView.as_view(), name="committee_list"),
    # A step of "Set up your council" (scrutiny/setup), owned here
    path("setup/committees/", CommitteesSetupView.as_view(), name="committee_setup"),
    path(
        "committees/<slug:slug>/",
        committees.CommitteeDetailView.as_view(),
        name="committee_detail",
    ),
    path(
        "committees/<slug:slug>/recommendations/",
        committees.CommitteeRecommendationsView.as_view(),
        name="committee_recommendations",
    ),
    path("councillors/", councillors.CouncillorListView.as_view(), name="councillor_list"),
    path(
        "councillors/<slug:slug>/",
        councillors.CouncillorDetailView.as_view(),
        name="councillor_detail",
    ),
    path("meetings/<int:pk>/", committees.MeetingDetailView.as_view(), name="meeting_detail"),
    path("reports/", reports.ReportListView.as_view(), name="report_list"),
    path("reports/<int:pk>/", reports.ReportDetailView.as_view(), name="report_detail"),
    path(
        "reports/<int:pk>/tables/<int:number>/<slug:fmt>/",
        report_data.ReportTableView.as_view(),
        name="report_table",
    ),
    # Writing reports and taking them to publication
    path("reports/new/", authoring.ReportCreateView.as_view(), name="report_create"),
    path("reports/<int:pk>/manage/", authoring.ReportManageView.as_view(), name="report_manage"),
    path("reports/<int:pk>/cover/", authoring.ReportCoverView.as_view(), name="report_cover"),
    path(
        "reports/<int:pk>/sections/new/",
        report_sections.NarrativeSectionView.as_view(),
        name="report_section_add",
    ),
    path(
        "reports/<int:pk>/sections/<int:section>/",
        report_sections.NarrativeSectionView.as_view(),
        name="report_section_change",
    ),
    path(
        "reports/<int:pk>/blocks/new/",
        report_sections.BlockTypeView.as_view(),
        name="report_block_choose",
    ),
    path(
        "reports/<int:pk>/blocks/new/<slug:block>/",
        report_sections.BlockSectionView.as_view(),
        name="report_block_add",
    ),
    path(
        "reports/<int:pk>/blocks/<int:section>/",
        report_sections.BlockSectionView.as_view(),
        name="report_block_change",
    ),
    path(
        "reports/<int:pk>/sections/<int:section>/<slug:action>/",
        report_sections.SectionActionView.as_view(),
        name="report_section_action",
    ),
    path(
        "reports/<int:pk>/new-version/",
        authoring.NewVersionView.as_view(),
        name="report_new_version",
    ),
    path(
        "reports/<int:pk>/<slug:action>/",
        authoring.ReportActionView.as_view(),
        name="report_action",
    ),
    # Clerks: meetings, agendas and members
    path("meetings/new/", clerking.MeetingCreateView.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/change/", clerking.MeetingChangeView.as_view(), name="meeting_change"),
    path(
        "meetings/<int:pk>/items/new/",
        clerking.AgendaItemView.as_view(),
        name="agenda_item_add",
    ),
    path(
        "meetings/<int:pk>/items/<int:item>/",
        clerking.AgendaItemView.as_view(),
        name="agenda_item_change",
    ),
    path(
        "meetings/<int:pk>/recommendations/new/",
        clerking.CommitteeRecommendationView.as_view(),
        name="committee_recommendation_add",
    ),
    path(
        "meetings/<int:pk>/publish/",
        clerking.AgendaPublishView.as_view(),
        name="agenda_publish",
    ),
    path(
        "committees/<slug:slug>/members/new/",
        clerking.MembershipView.as_view(),
        name="membership_add",
    ),
    path(
        "committees/<slug:slug>/members/<int:member>/",
        clerking.MembershipView.as_view(),
        name="membership_change",
    ),
]

# A committee's work programme: public, and its clerks' items and one-step agenda items
urlpatterns += [
    path(
        "committees/<slug:slug>/work-programme/",
        work_programme.WorkProgrammeView.as_view(),
        name="work_programme",
    ),
    path(
        "committees/<slug:slug>/work-programme/new/",
        work_programme.WorkProgrammeItemView.as_view(),
        name="work_programme_item_add",
    ),
    path(
        "committees/<slug:slug>/work-programme/<int:entry>/",
        work_programme.WorkProgrammeItemView.as_view(),
        name="work_programme_item_change",
    ),
    path(
        "committees/<slug:slug>/work-programme/<int:entry>/to-agenda/",
        work_programme.WorkProgrammeToAgendaView.as_view(),
        name="work_programme_to_agenda",
    ),
]

# A meeting's record: attendance, declarations and minutes
urlpatterns += [
    path(
        "meetings/<int:pk>/attendance/",
        minutes.AttendanceView.as_view(),
        name="meeting_attendance",
    ),
    path(
        "meetings/<int:pk>/declarations/new/",
        minutes.DeclarationView.as_view(),
        name="declaration_add",
    ),
    path("meetings/<int:pk>/minutes/", minutes.MinutesDetailView.as_view(), name="minutes_detail"),
    path("meetings/<int:pk>/minutes/edit/", minutes.MinutesEditView.as_view(), name="minutes_edit"),
    path(
        "meetings/<int:pk>/minutes/publish/",
        minutes.MinutesPublishView.as_view(),
        name="minutes_publish",
    ),
    path(
        "meetings/<int:pk>/minutes/confirm/",
        minutes.MinutesConfirmView.as_view(),
        name="minutes_confirm",
    ),
]

# Search, feeds and calendars: the published record, read under the same namespace.
urlpatterns += reading_urls.urlpatterns
