"""Filters for the committee and report lists."""

import django_filters

from scrutiny.filtersets import yes_no

from .models import Committee, Report


def _council_committees(request):
    return Committee.objects.filter(authority=request.authority).order_by("name")


class CommitteeFilterSet(django_filters.FilterSet):
    """Filter committees to those still meeting."""

    is_active = django_filters.BooleanFilter(label="Still meeting", widget=yes_no("Any"))

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
