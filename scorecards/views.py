"""Scorecard pages: the council scorecard, indicators, practice scorecards and chart files.

Scorecards are published material: anyone may read them. A reader who may not see the
council's figures (``can_view_data``) gets small counts, and anything worked out from them,
hidden as "c" on the page, in its downloads and in its charts; signed-in officers and
members of the council see every figure.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView
from django_tables2 import RequestConfig

from scrutiny.charts import (
    ChartFile,
    DataTable,
    PrivateChartFolder,
    cached_chart,
    data_table,
    scorecard_aspects_chart,
    scorecard_average_chart,
)
from scrutiny.models import Period
from scrutiny.permissions import can_view_data, can_write_reports
from scrutiny.suppression import CONFIDENTIAL
from scrutiny.views.charts import chart_response
from scrutiny.views.generic import AuthorityMixin, ObjectDetailView, ObjectListView

from . import downloads, selectors
from .breakdowns.tables import indicator_breakdowns, scorecard_breakdowns
from .filtersets import PracticeScorecardFilterSet
from .models import Indicator, PracticeScorecard
from .tables import (
    ComparisonTable,
    IndicatorSeriesTable,
    PracticeScorecardTable,
    ScorecardTable,
    TargetTable,
)


class InScorecards:
    """Puts 'Scorecards' in the breadcrumbs of the pages below the council scorecard."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        url = reverse("scorecards:indicator_list", kwargs={"authority": self.authority.slug})
        context["breadcrumbs"] = [(url, "Scorecards")]
        return context


class ReaderMixin:
    """Works out once per request whether the reader sees every figure or the public's."""

    def dispatch(self, request, *args, **kwargs):
        self.can_view = False
        return super().dispatch(request, *args, **kwargs)

    def setup_reader(self) -> None:
        self.can_view = can_view_data(self.request.user, self.authority)
        self.threshold = selectors.reader_threshold(self.can_view)

    def download_format(self) -> str | None:
        fmt = self.request.GET.get("format")
        if fmt is None:
            return None
        if fmt not in downloads.FORMATS:
            raise Http404("Downloads are CSV, JSON or the data dictionary.")
        return fmt

    def draw(self, spec) -> ChartFile:
        """The chart's file: for a reader who sees every figure, one only such readers can fetch.

        A chart's name is the hash of its content. For the public's charts, every figure in
        that content is public already. A reader who sees every figure gets a chart that may
        hold small numbers; were it in the public folder, anyone could hash the public chart's
        content with each possible small number (1 to 5) and fetch the name that exists. So
        such charts live in a folder of their own per council, served only to its readers.
        """
        if not self.can_view:
            return cached_chart(spec, "svg")
        folder = PrivateChartFolder.of(self.authority.slug)
        return cached_chart(spec, "svg", root=folder.root, url_prefix=folder.url_prefix)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_view"] = self.can_view
        context["threshold"] = settings.SUPPRESSION_THRESHOLD
        return context


def chart_table(spec, hidden_periods: set[str]) -> DataTable:
    """The chart's data as a table, with "c" where the council's figure is hidden."""
    table = data_table(spec)
    rows = [
        [row[0], CONFIDENTIAL if row[0] in hidden_periods else row[1], *row[2:]]
        for row in table.rows
    ]
    return DataTable(table.headers, rows)


class IndicatorListView(ReaderMixin, AuthorityMixin, TemplateView):
    """The council's scorecard for a period: every indicator with a figure, grouped by area."""

    public = True
    template_name = "scorecards/indicator_list.html"

    def get(self, request, *args, **kwargs):
        self.setup_reader()
        try:
            self.scorecard = selectors.council_scorecard(
                self.authority, request.GET.get("period") or None, threshold=self.threshold
            )
        except Period.DoesNotExist:
            raise Http404("The council has no figures for that period.") from None
        fmt = self.download_format()
        if fmt and self.scorecard.period:
            period = self.scorecard.period
            return downloads.download(
                downloads.scorecard_rows(self.authority.short_name, self.scorecard.rows),
                fmt,
                f"{self.authority.slug}-scorecard-{period.slug}",
                title=f"{self.authority.name} scorecard, {period.label}",
                council=self.authority.name,
                period=period.label,
                suppressed=self.scorecard.suppressed,
            )
        if fmt:
            raise Http404("The council has no figures to download yet.")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scorecard = self.scorecard
        tables = []
        for group in scorecard.groups:
            first = group.rows[0]
            table = ScorecardTable(
                group.rows,
                authority=self.authority,
                period=scorecard.period,
                previous_label=first.previous_label,
                last_year_label=first.last_year_label,
            )
            table.caption = group.label
            RequestConfig(self.request, paginate=False).configure(table)
            tables.append(table)
        wholes = {row.indicator.pk: row.current for group in scorecard.groups for row in group.rows}
        context.update(
            title="Scorecard",
            scorecard=scorecard,
            tables=tables,
            breakdowns=scorecard_breakdowns(
                self.authority, scorecard.period, wholes, threshold=self.threshold
            ),
            may_choose_indicators=self.can_view
            and can_write_reports(self.request.user, self.authority),
        )
        return context


class IndicatorDetailView(InScorecards, ReaderMixin, ObjectDetailView):
    """An indicator's chart and figures for the council, its comparators, targets and words."""

    public = True
    model = Indicator
    slug_field = "code"
    slug_url_kwarg = "code"
    template_name = "scorecards/indicator_detail.html"
    fields = ["definition", "area", "unit", "polarity", "coverage", "basis", "source"]

    def get_queryset(self):
        return selectors.indicators_for(self.authority)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.setup_reader()
        indicator, authority = self.object, self.authority
        self.trend = selectors.indicator_trend(indicator, authority, threshold=self.threshold)
        self.series, self.comparators = self.trend.series, self.trend.comparators
        self.targets = self.trend.targets
        fmt = self.download_format()
        if fmt:
            rows = [
                downloads.open_data_row(
                    council=authority.short_name,
                    figures=figures,
                    target=selectors.target_for(self.targets, figures.period),
                    england=selectors.comparator_for(self.comparators, "england", figures.period),
                    region=selectors.comparator_for(self.comparators, "region", figures.period),
                    neighbours=selectors.comparator_for(
                        self.comparators, "neighbours", figures.period
                    ),
                )
                for figures in self.series
            ]
            return downloads.download(
                rows,
                fmt,
                f"{authority.slug}-{indicator.code}",
                title=f"{indicator.name}, {authority.name}",
                council=authority.name,
                indicator=indicator.name,
                suppressed=self.threshold is not None,
            )
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicator, authority = self.object, self.authority
        comparison, spec = self.trend.comparison, self.trend.chart
        if spec is not None:
            context["chart"] = self.draw(spec)
            context["chart_title"] = f"{spec.title}: {authority.short_name}"
            context["chart_table"] = chart_table(spec, self.trend.hidden_periods)
        context["series_table"] = IndicatorSeriesTable(
            self.series, empty_text="No figures recorded."
        )
        context["commentary"] = [
            (f.period, f.commentary) for f in reversed(self.series) if f.commentary
        ]
        context["commentary_withheld"] = any(
            f.suppressed and f.record.commentary for f in self.series
        )
        context["comparison_table"] = ComparisonTable(
            comparison,
            indicator=indicator,
            region_label=authority.get_region_display(),
            empty_text="No comparators recorded.",
        )
        context["target_table"] = TargetTable(self.targets, empty_text="No targets set.")
        context["breakdowns"] = indicator_breakdowns(
            indicator, authority, self.series, threshold=self.threshold
        )
        return context


class PracticeScorecardListView(InScorecards, ObjectListView):
    """The council's practice-quality scorecards and their latest average score."""

    public = True
    queryset = selectors.scorecards_with_summary()
    table_class = PracticeScorecardTable
    filterset_class = PracticeScorecardFilterSet
    title = "Practice scorecards"
    intro = "Audits of practice scored aspect by aspect, round by round."


class PracticeScorecardDetailView(InScorecards, ObjectDetailView):
    """A scorecard's average and aspect charts, and its aspects by scoring rounds.

    Audit scores are averages on a scale, not counts of children, so the public sees them all
    and the charts are the same for every reader.
    """

    public = True
    queryset = PracticeScorecard.objects.select_related("authority")
    template_name = "scorecards/practice_scorecard_detail.html"
    fields = ["framework"]

    def summary_rows(self, obj):
        return [*super().summary_rows(obj), ("Scale", selectors.scale_label(obj))]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        grid = selectors.scorecard_grid(self.object)
        context["grid"] = grid
        context["scale"] = selectors.scale_label(self.object)
        if grid.rounds:
            average = scorecard_average_chart(self.object, grid)
            aspects = scorecard_aspects_chart(self.object, grid)
            context["charts"] = [
                (average.title, cached_chart(average, "svg"), data_table(average), ""),
                # Its figures are the table of scores by aspect and round below.
                (
                    aspects.title,
                    cached_chart(aspects, "svg"),
                    None,
                    "The figures are in the table of scores by aspect and round below.",
                ),
            ]
        return context


class PrivateChartFileView(AuthorityMixin, View):
    """A council's chart drawn with every figure, only for readers who may see its figures.

    Its content may hold a small number the public must not see, and could be guessed by
    hashing the public chart's content with each small number in turn: so it is served only
    after the same check as the council's figures, and cached only by the reader's browser.
    """

    def get(self, request, name: str, **kwargs):
        response = chart_response(PrivateChartFolder.of(self.authority.slug).root, name)
        response["Cache-Control"] = "private, max-age=31536000, immutable"
        return response
