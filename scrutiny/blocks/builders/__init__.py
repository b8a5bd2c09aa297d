"""The block kinds of the committee area while it lives in ``scrutiny``: recommendations.
Registered from ``ScrutinyConfig.ready()``, as every app registers the kinds of its own
``blocks.py``."""

from .recommendations import RECOMMENDATION_KINDS

__all__ = ["RECOMMENDATION_KINDS"]
