"""Quality assurance's sections of a quarterly return, registered from
``AssuranceConfig.ready``: complaints, themes, compliments and audits after the indicators;
recommendation updates and contact volumes after the programmes."""

from .complaints import ComplaintsByTeam, ContactEntry
from .entries import AuditEntry, ComplaintThemeEntry, ComplimentEntry, RecommendationEntry

SECTIONS = [ComplaintsByTeam, ComplaintThemeEntry, ComplimentEntry, AuditEntry]
LATER_SECTIONS = [RecommendationEntry, ContactEntry]

__all__ = [
    "LATER_SECTIONS",
    "SECTIONS",
    "AuditEntry",
    "ComplaintThemeEntry",
    "ComplaintsByTeam",
    "ComplimentEntry",
    "ContactEntry",
    "RecommendationEntry",
]
