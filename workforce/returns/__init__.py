"""The workforce's sections of a quarterly return, registered from ``WorkforceConfig.ready``."""

from .entries import CaseloadEntry, StartersLeaversEntry, TrainingEntry
from .staffing import StaffingEntry

SECTIONS = [StaffingEntry, StartersLeaversEntry, CaseloadEntry, TrainingEntry]

__all__ = ["SECTIONS", "CaseloadEntry", "StaffingEntry", "StartersLeaversEntry", "TrainingEntry"]
