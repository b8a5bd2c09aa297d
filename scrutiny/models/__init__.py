"""The scrutiny app's models, one module per area, re-exported here."""

from .authorities import Authority, NeighbourSet, NeighbourSetMember, Region, ServiceArea, Team
from .committees import EXEMPT_PARAGRAPHS, AgendaItem, Committee, CommitteeMembership, Meeting
from .oversight import (
    Audit,
    AuditAction,
    AuditFinding,
    ComplaintCount,
    ComplaintStage,
    ComplaintTheme,
    Compliment,
    ContactChannel,
    ContactPurpose,
    ContactVolume,
    DataQualityIssue,
    Inspection,
    InspectionGrade,
    InspectionJudgement,
    Recommendation,
    RecommendationUpdate,
)
from .periods import Period, financial_year_of
from .reports import BackgroundPaper, FinancialImplication, Report, ReportSection
from .users import User, UserRole

__all__ = [
    "EXEMPT_PARAGRAPHS",
    "AgendaItem",
    "Audit",
    "AuditAction",
    "AuditFinding",
    "Authority",
    "BackgroundPaper",
    "Committee",
    "CommitteeMembership",
    "ComplaintCount",
    "ComplaintStage",
    "ComplaintTheme",
    "Compliment",
    "ContactChannel",
    "ContactPurpose",
    "ContactVolume",
    "DataQualityIssue",
    "FinancialImplication",
    "Inspection",
    "InspectionGrade",
    "InspectionJudgement",
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
