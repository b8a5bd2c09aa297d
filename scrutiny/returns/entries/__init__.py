"""The sections of a quarterly return built on ``SectionEntry``, one module per area."""

from .assurance import AuditEntry, ComplaintThemeEntry, ComplimentEntry, RecommendationEntry
from .programmes import MetricEntry, MilestoneEntry, ProgressEntry
from .scorecards import IndicatorEntry, PracticeEntry
from .workforce import CaseloadEntry, StartersLeaversEntry, TrainingEntry

__all__ = [
    "AuditEntry",
    "CaseloadEntry",
    "ComplaintThemeEntry",
    "ComplimentEntry",
    "IndicatorEntry",
    "MetricEntry",
    "MilestoneEntry",
    "PracticeEntry",
    "ProgressEntry",
    "RecommendationEntry",
    "StartersLeaversEntry",
    "TrainingEntry",
]
