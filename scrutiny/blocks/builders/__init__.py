"""The builders of every data block, by area, each from the selectors the app's own pages use.

Each area's module builds its blocks and lists its kinds; here they are registered, in the
order an author meets them.
"""

from ..registry import register
from .complaints import COMPLAINT_KINDS
from .indicators import INDICATOR_KINDS
from .oversight import OVERSIGHT_KINDS
from .progress import PROGRESS_KINDS
from .recommendations import RECOMMENDATION_KINDS
from .staff import STAFF_KINDS

for _kind in (
    *STAFF_KINDS,
    *INDICATOR_KINDS,
    *COMPLAINT_KINDS,
    *OVERSIGHT_KINDS,
    *RECOMMENDATION_KINDS,
    *PROGRESS_KINDS,
):
    register(_kind)

__all__ = [
    "COMPLAINT_KINDS",
    "INDICATOR_KINDS",
    "OVERSIGHT_KINDS",
    "PROGRESS_KINDS",
    "RECOMMENDATION_KINDS",
    "STAFF_KINDS",
]
