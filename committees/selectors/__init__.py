"""Reads of committee business that are more than one queryset.

Every function that returns committee material takes the reader and asks
``scrutiny.permissions`` what they may see; none decides visibility on its own.
"""

from committees.selectors.committees import (
    AgendaEntry,
    ExemptAccess,
    agenda_for,
    committee_meetings,
    current_memberships,
    meeting_for,
    meetings_visible_to,
    visible_reports,
)
from committees.selectors.recommendations import (
    PUBLIC_READER,
    recommendation_sources,
    recommendations_with_status,
    visible_recommendations,
    visible_updates,
)
from committees.selectors.reports import (
    FinancialRow,
    ShownSection,
    consideration,
    financial_rows,
    report_body,
    report_for,
    report_sections,
    report_versions,
)

__all__ = [
    "AgendaEntry",
    "ExemptAccess",
    "FinancialRow",
    "PUBLIC_READER",
    "ShownSection",
    "agenda_for",
    "committee_meetings",
    "consideration",
    "current_memberships",
    "financial_rows",
    "meeting_for",
    "meetings_visible_to",
    "recommendation_sources",
    "recommendations_with_status",
    "report_body",
    "report_for",
    "report_sections",
    "report_versions",
    "visible_recommendations",
    "visible_reports",
    "visible_updates",
]
