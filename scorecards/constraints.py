"""Constraints more than one kind of figure shares (an indicator's figure and its figures by
group), in a module of their own so that the models that use them import no one another."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


def figure_constraints(prefix: str) -> list[models.CheckConstraint]:
    """What a figure of counts or a reported value must be (shared by the figures by group)."""
    return [
        models.CheckConstraint(
            condition=Q(numerator__isnull=True) | Q(numerator__gte=0),
            name=f"{prefix}_numerator_non_negative",
        ),
        models.CheckConstraint(
            condition=Q(denominator__isnull=True) | Q(denominator__gt=0),
            name=f"{prefix}_denominator_positive",
        ),
        models.CheckConstraint(
            condition=Q(reported_value__isnull=False)
            | Q(numerator__isnull=False, denominator__isnull=False),
            name=f"{prefix}_value_has_figure",
        ),
    ]
