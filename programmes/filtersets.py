"""Filters for programme lists."""

import django_filters

from .models import Programme


class ProgrammeFilterSet(django_filters.FilterSet):
    """Filter programmes by kind."""

    kind = django_filters.ChoiceFilter(choices=Programme.Kind.choices, empty_label="Any kind")

    class Meta:
        model = Programme
        fields = ["kind"]
