"""The quarterly return's pages."""

from .sections import ReturnChangesView, ReturnSpreadsheetView, SectionView
from .workflow import ReturnDetailView, ReturnListView

__all__ = [
    "ReturnChangesView",
    "ReturnDetailView",
    "ReturnListView",
    "ReturnSpreadsheetView",
    "SectionView",
]
