"""Filters for workforce lists."""

import django_filters

from .models import Basis, Role, StaffingFigure


class StaffingFigureFilterSet(django_filters.FilterSet):
    """Filter staffing figures by role, basis and snapshot date."""

    role = django_filters.ModelChoiceFilter(queryset=Role.objects.all(), empty_label="Any role")
    basis = django_filters.ChoiceFilter(choices=Basis.choices, empty_label="Any basis")
    as_at = django_filters.DateFilter(label="As at (for example 31/3/2015)")

    class Meta:
        model = StaffingFigure
        fields = ["role", "basis", "as_at"]
