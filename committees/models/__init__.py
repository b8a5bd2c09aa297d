"""The committee business: committees and their members, meetings and agendas, reports, and
the recommendations they make."""

from .committees import EXEMPT_PARAGRAPHS, AgendaItem, Committee, CommitteeMembership, Meeting
from .councillors import Councillor
from .minutes import Attendance, Declaration, MinuteEntry, MinuteRecommendation, Minutes
from .recommendations import Recommendation, RecommendationUpdate
from .reports import BackgroundPaper, FinancialImplication, Report, ReportSection

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
    "Recommendation",
    "RecommendationUpdate",
    "Report",
    "ReportSection",
]
