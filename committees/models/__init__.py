"""The committee business: committees and their members, meetings and agendas, reports, and
the recommendations they make."""

from .committees import EXEMPT_PARAGRAPHS, AgendaItem, Committee, CommitteeMembership, Meeting
from .councillors import Councillor
from .minutes import Attendance, Declaration, MinuteEntry, MinuteRecommendation, Minutes
from .notices import MeetingNotice
from .recommendations import Recommendation, RecommendationUpdate
from .reports import BackgroundPaper, FinancialImplication, Report, ReportSection
from .work_programme import WorkProgrammeItem

__all__ = [
    "EXEMPT_PARAGRAPHS",
    "AgendaItem",
    "BackgroundPaper",
    "Committee",
    "CommitteeMembership",
    "Councillor",
    "Attendance",
    "Declaration",
    "MinuteEntry",
    "MinuteRecommendation",
    "Minutes",
    "FinancialImplication",
    "Meeting",
    "MeetingNotice",
    "Recommendation",
    "RecommendationUpdate",
    "Report",
    "ReportSection",
    "WorkProgrammeItem",
]
