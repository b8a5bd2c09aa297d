"""The scrutiny app's models, one module per area, re-exported here."""

from .authorities import Authority, NeighbourSet, NeighbourSetMember, Region, ServiceArea, Team
from .committees import EXEMPT_PARAGRAPHS, AgendaItem, Committee, CommitteeMembership, Meeting
from .periods import Period, financial_year_of
from .recommendations import Recommendation, RecommendationUpdate
from .reports import BackgroundPaper, FinancialImplication, Report, ReportSection
from .users import User, UserRole

__all__ = [
    "EXEMPT_PARAGRAPHS",
    "AgendaItem",
    "Authority",
    "BackgroundPaper",
    "Committee",
    "CommitteeMembership",
    "FinancialImplication",
    "Meeting",
    "NeighbourSet",
    "NeighbourSetMember",
    "Period",
    "Recommendation",
    "RecommendationUpdate",
    "Region",
    "Report",
    "ReportSection",
    "UserRole",
    "ServiceArea",
    "Team",
    "User",
    "financial_year_of",
]
