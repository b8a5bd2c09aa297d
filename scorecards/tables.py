"""GOV.UK tables of indicators, their values, comparators and targets, and practice scorecards."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from scrutiny.tables import LinkColumn, NumberColumn

from .models import IndicatorValue, PracticeScorecard, Target
from .selectors import AVERAGE_DECIMALS, against_target, format_value, rounded, scale_label


def figure_is(value: IndicatorValue) -> str:
    """Whether a figure was worked out here from its counts or taken as the source printed it."""
    if value.computed_value is not None:
        return "Computed from counts"
    return "As reported"


def _illustrative_tag():
    return mark_safe('<strong class="govuk-tag govuk-tag--grey">Illustrative</strong>')


class IndicatorValueListTable(tables.Table):
    """Each indicator's latest figure for the council, with its basis, source and target."""

    name = LinkColumn(
        accessor="indicator__name",
        verbose_name="Indicator",
        order_by=("indicator__name",),
        linkify=lambda record: reverse(
            "indicator_detail",
            kwargs={"authority": record.authority.slug, "code": record.indicator.code},
        ),
    )
    area = tables.Column(
        accessor="indicator__area", verbose_name="Area", order_by=("indicator__area",)
    )
    value = NumberColumn(accessor="pk", verbose_name="Latest value", orderable=False)
    period = tables.Column(order_by=("period__start", "period__end"))
    basis = tables.Column(accessor="pk", verbose_name="Basis", orderable=False)
    figure_is = tables.Column(
        accessor="pk", verbose_name="Figure is", orderable=False, empty_values=()
    )
    source = tables.Column(accessor="pk", verbose_name="Source", orderable=False)
    target_value = NumberColumn(verbose_name="Target", orderable=False)
    status = tables.Column(
        accessor="pk", verbose_name="Against target", orderable=False, empty_values=()
    )

    class Meta:
        default = ""
        model = IndicatorValue
        fields = ["name", "area", "value", "period", "basis", "figure_is", "source"]
        order_by = ["area", "name"]

    def render_area(self, record):
        return record.indicator.get_area_display()

    def render_value(self, record):
        text = format_value(record.value, record.indicator)
        if record.is_illustrative:
            return format_html("{} {}", text, _illustrative_tag())
        return text

    def render_basis(self, record):
        return record.basis or record.indicator.basis

    def render_figure_is(self, record):
        return figure_is(record)

    def render_source(self, record):
        return record.source or record.indicator.source

    def render_target_value(self, record, value):
        return format_value(value, record.indicator)

    def render_status(self, record):
        if record.target_value is None or record.value is None:
            return ""
        target = Target(
            indicator=record.indicator, value=record.target_value, tolerance=record.target_tolerance
        )
        return against_target(rounded(record.value, record.indicator.decimals), target)


class IndicatorSeriesTable(tables.Table):
    """A council's figures for one indicator, period by period."""

    period = tables.Column()
    value = NumberColumn(accessor="value", verbose_name="Value")
    numerator = NumberColumn()
    denominator = NumberColumn()
    figure_is = tables.Column(accessor="pk", verbose_name="Figure is", empty_values=())
    basis = tables.Column()
    commentary = tables.Column()

    class Meta:
        default = ""
        orderable = False

    def render_value(self, record, value):
        text = format_value(value, record.indicator)
        if record.is_illustrative:
            return format_html("{} {}", text, _illustrative_tag())
        return text

    def render_figure_is(self, record):
        return figure_is(record)


class ComparisonTable(tables.Table):
    """The council's figure beside England, its region and its statistical neighbours."""

    period = tables.Column()
    council = NumberColumn(verbose_name="This council")
    england = NumberColumn(verbose_name="England")
    region = NumberColumn(verbose_name="Region")
    neighbours = NumberColumn(verbose_name="Statistical neighbours")

    class Meta:
        default = ""
        orderable = False

    def __init__(self, *args, indicator, region_label: str = "", **kwargs):
        self.indicator = indicator
        super().__init__(*args, **kwargs)
        if region_label:
            self.columns["region"].column.verbose_name = region_label

    def _render(self, value):
        return format_value(value, self.indicator)

    render_council = render_england = render_region = render_neighbours = _render


class TargetTable(tables.Table):
    """The council's targets for an indicator, year by year."""

    period = tables.Column()
    value = NumberColumn(verbose_name="Target")
    tolerance = NumberColumn()
    note = tables.Column()

    class Meta:
        default = ""
        orderable = False

    def render_value(self, record, value):
        return format_value(value, record.indicator)

    def render_tolerance(self, record, value):
        return format_value(value, record.indicator) if value else ""


class PracticeScorecardTable(tables.Table):
    """A council's practice scorecards with their latest round's average score."""

    name = LinkColumn(
        linkify=lambda record: reverse(
            "practice_scorecard_detail",
            kwargs={"authority": record.authority.slug, "pk": record.pk},
        )
    )
    framework = tables.Column()
    scale = tables.Column(accessor="pk", verbose_name="Scale", orderable=False)
    aspect_count = NumberColumn(verbose_name="Aspects")
    round_count = NumberColumn(verbose_name="Scoring rounds")
    latest_round = tables.DateColumn(format="j M Y", verbose_name="Latest round")
    latest_average = NumberColumn(
        verbose_name="Latest average score", decimals=AVERAGE_DECIMALS, orderable=False
    )

    class Meta:
        default = ""
        model = PracticeScorecard
        fields = ["name", "framework"]
        order_by = ["name"]

    def render_scale(self, record):
        return scale_label(record)

    def render_latest_average(self, value):
        return f"{rounded(value, AVERAGE_DECIMALS):f}"
