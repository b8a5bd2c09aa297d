"""Filters for the committee and assurance lists."""

import django_filters
from django import forms

from .models import (
    Audit,
    Committee,
    DataQualityIssue,
    Inspection,
    Recommendation,
    RecommendationUpdate,
    Report,
    Team,
)


def _yes_no(any_label: str) -> forms.Select:
    # The default null-boolean select offers "Unknown", which reads as a value, not "any".
    return forms.Select(choices=[("", any_label), ("true", "Yes"), ("false", "No")])


def _council_committees(request):
    return Committee.objects.filter(authority=request.authority).order_by("name")


def _council_teams(request):
    return Team.objects.filter(authority=request.authority).order_by("name")


class CommitteeFilterSet(django_filters.FilterSet):
    """Filter committees to those still meeting."""

    is_active = django_filters.BooleanFilter(label="Still meeting", widget=_yes_no("Any"))

    class Meta:
        model = Committee
        fields = ["is_active"]


class ReportFilterSet(django_filters.FilterSet):
    """Filter reports by committee, type and status."""

    committee = django_filters.ModelChoiceFilter(
        queryset=_council_committees, empty_label="Any committee"
    )
    kind = django_filters.ChoiceFilter(
        choices=Report.Kind.choices, label="Type", empty_label="Any type"
    )
    status = django_filters.ChoiceFilter(choices=Report.Status.choices, empty_label="Any status")

    class Meta:
        model = Report
        fields = ["committee", "kind", "status"]


class RecommendationFilterSet(django_filters.FilterSet):
    """Filter the tracker by where a recommendation came from, its area or team, and status."""

    source = django_filters.ChoiceFilter(empty_label="Any source")
    area = django_filters.ChoiceFilter(label="Area", empty_label="Any area")
    team = django_filters.ModelChoiceFilter(queryset=_council_teams, empty_label="Any team")
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

    team = django_filters.ModelChoiceFilter(queryset=_council_teams, empty_label="Any team")
    is_external = django_filters.BooleanFilter(
        label="Conducted externally", widget=_yes_no("Either")
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
