"""Filters for scorecard lists."""

import django_filters

from .models import Indicator, IndicatorValue, PracticeScorecard


class IndicatorValueFilterSet(django_filters.FilterSet):
    """Filter the council's indicators by area, or find one by name."""

    area = django_filters.ChoiceFilter(
        field_name="indicator__area", choices=Indicator.Area.choices, empty_label="Any area"
    )
    name = django_filters.CharFilter(
        field_name="indicator__name", lookup_expr="icontains", label="Indicator name contains"
    )

    class Meta:
        model = IndicatorValue
        fields = ["area", "name"]


class PracticeScorecardFilterSet(django_filters.FilterSet):
    """Filter practice scorecards by name."""

    name = django_filters.CharFilter(lookup_expr="icontains", label="Name contains")

    class Meta:
        model = PracticeScorecard
        fields = ["name"]
