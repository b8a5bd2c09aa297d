"""The block kinds of the committee and assurance areas while they live in ``scrutiny``:
complaints, audits and inspections, and recommendations. Registered from
``ScrutinyConfig.ready()``, as every app registers the kinds of its own ``blocks.py``."""

from .complaints import COMPLAINT_KINDS
from .oversight import OVERSIGHT_KINDS
from .recommendations import RECOMMENDATION_KINDS

__all__ = ["COMPLAINT_KINDS", "OVERSIGHT_KINDS", "RECOMMENDATION_KINDS"]
