"""Filters for the assurance lists: recommendations, audits, inspections, data quality."""

import django_filters

from committees.models import Recommendation, RecommendationUpdate
from scrutiny.filtersets import council_teams, yes_no

from .models import Audit, DataQualityIssue, Inspection


class RecommendationFilterSet(django_filters.FilterSet):
    """Filter the tracker by where a recommendation came from, its area or team, and status."""

    source = django_filters.ChoiceFilter(empty_label="Any source")
    area = django_filters.ChoiceFilter(label="Area", empty_label="Any area")
    team = django_filters.ModelChoiceFilter(queryset=council_teams, empty_label="Any team")
    status = django_filters.ChoiceFilter(
        choices=RecommendationUpdate.Status.choices,
        field_name="latest_status",
        label="Latest status",
        empty_label="Any status",
    )

    class Meta:
        model = Recommendation
        fields = ["source", "area", "team", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The choices are this council's own sources and areas, from the rows already scoped.
        for name in ("source", "area"):
            values = (
                self.queryset.order_by(name).values_list(name, flat=True).distinct()
                if self.queryset is not None
                else []
            )
            self.filters[name].extra["choices"] = [(v, v) for v in values if v]


class AuditFilterSet(django_filters.FilterSet):
    """Filter audits by team and by who conducted them."""

    team = django_filters.ModelChoiceFilter(queryset=council_teams, empty_label="Any team")
    is_external = django_filters.BooleanFilter(
        label="Conducted externally", widget=yes_no("Either")
    )

    class Meta:
        model = Audit
        fields = ["team", "is_external"]


class InspectionFilterSet(django_filters.FilterSet):
    """Filter inspections by inspectorate."""

    inspectorate = django_filters.CharFilter(
        label="Inspectorate (for example Ofsted)", lookup_expr="iexact"
    )

    class Meta:
        model = Inspection
        fields = ["inspectorate"]


class DataQualityIssueFilterSet(django_filters.FilterSet):
    """Filter data-quality issues by status."""

    status = django_filters.ChoiceFilter(
        choices=DataQualityIssue.Status.choices, empty_label="Any status"
    )

    class Meta:
        model = DataQualityIssue
        fields = ["status"]
