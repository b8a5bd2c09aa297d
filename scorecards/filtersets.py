"""Filters for scorecard lists."""

import django_filters

from .models import PracticeScorecard


class PracticeScorecardFilterSet(django_filters.FilterSet):
    """Filter practice scorecards by name."""

    name = django_filters.CharFilter(lookup_expr="icontains", label="Name contains")

    class Meta:
        model = PracticeScorecard
        fields = ["name"]
