"""Filters for workforce lists."""

import django_filters

from scrutiny.models import Period

from .models import (
    Basis,
    Caseload,
    Role,
    StaffingFigure,
    StaffMovement,
    TrainingCompletion,
    TrainingCourse,
    TrainingCoverage,
)


class StaffingFigureFilterSet(django_filters.FilterSet):
    """Filter staffing figures by role, basis and snapshot date."""

    role = django_filters.ModelChoiceFilter(queryset=Role.objects.all(), empty_label="Any role")
    basis = django_filters.ChoiceFilter(choices=Basis.choices, empty_label="Any basis")
    as_at = django_filters.DateFilter(label="As at (for example 31/3/2015)")

    class Meta:
        model = StaffingFigure
        fields = ["role", "basis", "as_at"]


class StaffMovementFilterSet(django_filters.FilterSet):
    """Filter starters and leavers by staff group."""

    staff_group = django_filters.CharFilter(lookup_expr="icontains", label="Staff group contains")

    class Meta:
        model = StaffMovement
        fields = ["staff_group"]


# Choices list only what this council has recorded: not every period or course there is,
# nor the names of another council's courses.
def _caseload_periods(request):
    if request is None:
        return Period.objects.none()
    held = Caseload.objects.filter(authority=request.authority).values("period")
    return Period.objects.filter(pk__in=held).order_by("-start", "end")


def _completed_courses(request):
    if request is None:
        return TrainingCourse.objects.none()
    done = TrainingCompletion.objects.filter(authority=request.authority).values("course")
    return TrainingCourse.objects.filter(pk__in=done)


def _covered_courses(request):
    if request is None:
        return TrainingCourse.objects.none()
    covered = TrainingCoverage.objects.filter(authority=request.authority).values("course")
    return TrainingCourse.objects.filter(pk__in=covered)


class CaseloadFilterSet(django_filters.FilterSet):
    """Filter caseloads by period."""

    period = django_filters.ModelChoiceFilter(queryset=_caseload_periods, empty_label="Any period")

    class Meta:
        model = Caseload
        fields = ["period"]


class TrainingCompletionFilterSet(django_filters.FilterSet):
    """Filter training completions by course."""

    course = django_filters.ModelChoiceFilter(queryset=_completed_courses, empty_label="Any course")

    class Meta:
        model = TrainingCompletion
        fields = ["course"]


class TrainingCoverageFilterSet(django_filters.FilterSet):
    """Filter training coverage by course."""

    course = django_filters.ModelChoiceFilter(queryset=_covered_courses, empty_label="Any course")

    class Meta:
        model = TrainingCoverage
        fields = ["course"]
