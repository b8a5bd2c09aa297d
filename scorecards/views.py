"""Scorecard pages: declarations over the shared list and detail views."""

from django.urls import reverse

from scrutiny.views.generic import ObjectDetailView, ObjectListView

from . import selectors
from .filtersets import IndicatorValueFilterSet, PracticeScorecardFilterSet
from .models import Indicator, PracticeScorecard
from .tables import (
    ComparisonTable,
    IndicatorSeriesTable,
    IndicatorValueListTable,
    PracticeScorecardTable,
    TargetTable,
)


class InScorecards:
    """Puts 'Scorecards' in the breadcrumbs of the pages below the indicator list."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        url = reverse("indicator_list", kwargs={"authority": self.authority.slug})
        context["breadcrumbs"] = [(url, "Scorecards")]
        return context


class IndicatorListView(ObjectListView):
    """Every indicator the council has a figure for, with its latest value and target."""

    queryset = selectors.latest_indicator_values()
    table_class = IndicatorValueListTable
    filterset_class = IndicatorValueFilterSet
    template_name = "scorecards/indicator_list.html"
    title = "Scorecards"
    intro = "The latest figure for each indicator, with its basis, source and target."


class IndicatorDetailView(InScorecards, ObjectDetailView):
    """An indicator's definition, the council's series, its comparators and targets."""

    model = Indicator
    slug_field = "code"
    slug_url_kwarg = "code"
    template_name = "scorecards/indicator_detail.html"
    fields = ["definition", "area", "unit", "polarity", "basis", "source"]

    def get_queryset(self):
        return selectors.indicators_for(self.authority)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicator, authority = self.object, self.authority
        series = selectors.indicator_series(indicator, authority)
        context["series_table"] = IndicatorSeriesTable(series, empty_text="No figures recorded.")
        context["comparison_table"] = ComparisonTable(
            selectors.comparison_rows(indicator, authority, series),
            indicator=indicator,
            region_label=authority.get_region_display(),
            empty_text="No comparators recorded.",
        )
        context["target_table"] = TargetTable(
            selectors.indicator_targets(indicator, authority), empty_text="No targets set."
        )
        return context


class PracticeScorecardListView(InScorecards, ObjectListView):
    """The council's practice-quality scorecards and their latest average score."""

    queryset = selectors.scorecards_with_summary()
    table_class = PracticeScorecardTable
    filterset_class = PracticeScorecardFilterSet
    title = "Practice scorecards"
    intro = "Audits of practice scored aspect by aspect, round by round."


class PracticeScorecardDetailView(InScorecards, ObjectDetailView):
    """A scorecard's aspects by scoring rounds, with the average across all aspects."""

    queryset = PracticeScorecard.objects.select_related("authority")
    template_name = "scorecards/practice_scorecard_detail.html"
    fields = ["framework"]

    def summary_rows(self, obj):
        return [*super().summary_rows(obj), ("Scale", selectors.scale_label(obj))]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["grid"] = selectors.scorecard_grid(self.object)
        context["scale"] = selectors.scale_label(self.object)
        return context
