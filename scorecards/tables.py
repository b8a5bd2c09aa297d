"""GOV.UK tables of indicators, their values, comparators and targets, and practice scorecards."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from scrutiny.formatting import figure
from scrutiny.suppression import CONFIDENTIAL, Cell
from scrutiny.tables import LinkColumn, NumberColumn

from .models import IndicatorValue, PracticeScorecard
from .rag import Rag
from .selectors import AVERAGE_DECIMALS, format_value, rounded, scale_label


def figure_is(value: IndicatorValue) -> str:
    """Whether a figure was worked out here from its counts or taken as the source printed it."""
    if value.computed_value is not None:
        return "Computed from counts"
    return "As reported"


def _illustrative_tag():
    return mark_safe('<strong class="govuk-tag govuk-tag--grey">Illustrative</strong>')


HIDDEN = CONFIDENTIAL


def _hidden():
    """A hidden figure's cell: the "c" published statistics use, explained for screen readers."""
    return format_html(
        '{}<span class="govuk-visually-hidden"> (not shown: a small number)</span>', HIDDEN
    )


def show_figure(cell: Cell, indicator, *, illustrative: bool = False):
    """A figure to the indicator's decimals and unit, "c" when hidden, tagged if illustrative."""
    if cell.suppressed:
        return _hidden()
    text = format_value(cell.value, indicator)
    if illustrative and text:
        return format_html("{} {}", text, _illustrative_tag())
    return text


def with_printed_note(shown, figures):
    """The figure with, where the paper printed something else, a note saying so."""
    note = figures.printed_note
    if not note:
        return shown
    return format_html(
        '{} <strong class="govuk-tag govuk-tag--yellow">Differs from the paper</strong>'
        '<span class="govuk-body-s"> {}</span>',
        shown,
        note,
    )


def show_count(cell: Cell):
    """A count as stored, without trailing zeros; "c" when hidden."""
    return _hidden() if cell.suppressed else figure(cell.value)


def rag_tag(rag: Rag | None):
    """The RAG word in a GOV.UK tag of its colour; "c" where the figure is hidden."""
    if rag is None:
        return _hidden()
    return rag.tag


def _comparator(comparator, indicator, period):
    if comparator is None:
        return ""
    text = format_value(comparator.value, indicator)
    if comparator.period_id != period.pk:
        # An annual benchmark beside a quarter's or a month's figure: say which year it is.
        return format_html(
            '{} <span class="govuk-body-s">({})</span>', text, comparator.period.label
        )
    return text


class ScorecardTable(tables.Table):
    """One area of a council's scorecard for a period: each indicator with its context."""

    name = tables.Column(
        accessor="indicator__name", verbose_name="Indicator", order_by=("indicator__name",)
    )
    value = NumberColumn(verbose_name="Value", empty_values=())
    target = NumberColumn(accessor="target__value", verbose_name="Target", orderable=False)
    rag = tables.Column(verbose_name="RAG", empty_values=(), order_by=("rag_rank",))
    previous_value = NumberColumn(verbose_name="Last period", empty_values=())
    last_year_value = NumberColumn(verbose_name="Same period last year", empty_values=())
    england = NumberColumn(accessor="england__value", verbose_name="England")
    region = NumberColumn(accessor="region__value", verbose_name="Region")
    neighbours = NumberColumn(
        accessor="neighbours_average__value", verbose_name="Neighbours’ average"
    )
    quartile = tables.Column(verbose_name="Quartile", empty_values=())
    trend = tables.Column(verbose_name="Trend", empty_values=(), order_by=("trend_rank",))

    class Meta:
        default = ""

    first_column_is_header = True

    def __init__(self, rows, *, authority, period, previous_label, last_year_label, **kwargs):
        self.authority, self.period = authority, period
        super().__init__(rows, **kwargs)
        self.columns["previous_value"].column.verbose_name = f"Last period ({previous_label})"
        self.columns[
            "last_year_value"
        ].column.verbose_name = f"Same period last year ({last_year_label})"
        if authority.region:
            self.columns["region"].column.verbose_name = authority.get_region_display()

    def render_name(self, record):
        url = reverse(
            "scorecards:indicator_detail",
            kwargs={"authority": self.authority.slug, "code": record.indicator.code},
        )
        link = format_html('<a class="govuk-link" href="{}">{}</a>', url, record.indicator.name)
        if record.indicator.is_local:
            return format_html('{} <span class="govuk-body-s">(local measure)</span>', link)
        return link

    def render_value(self, record):
        current = record.current
        shown = show_figure(
            current.shown, record.indicator, illustrative=current.record.is_illustrative
        )
        return with_printed_note(shown, current)

    def render_target(self, record):
        return format_value(record.target.value, record.indicator)

    def render_rag(self, record):
        return rag_tag(record.rag)

    def render_previous_value(self, record):
        return show_figure(record.previous.shown, record.indicator) if record.previous else ""

    def render_last_year_value(self, record):
        return show_figure(record.last_year.shown, record.indicator) if record.last_year else ""

    def render_england(self, record):
        return _comparator(record.england, record.indicator, self.period)

    def render_region(self, record):
        return _comparator(record.region, record.indicator, self.period)

    def render_neighbours(self, record):
        average = record.neighbours_average
        if average is None:
            return ""
        shown = _comparator(average, record.indicator, self.period)
        if not average.computed:
            return shown
        # Not a published figure: say what it is, so that no one quotes it as the DfE's.
        return format_html('{} <span class="govuk-body-s">({})</span>', shown, average.kind)

    def render_quartile(self, record):
        if record.withheld:
            return _hidden()
        return record.quartile or ""

    def render_trend(self, record):
        if record.trend_withheld:
            return _hidden()
        if record.trend is None:
            return ""
        # The word for the eye; the sentence, with both figures and periods, for the ear.
        return format_html(
            '<span aria-hidden="true">{}</span><span class="govuk-visually-hidden">{}</span>',
            record.trend.label,
            record.trend_text,
        )


class IndicatorSeriesTable(tables.Table):
    """A council's figures for one indicator, period by period, as this reader may see them."""

    period = tables.Column()
    value = NumberColumn(accessor="shown", verbose_name="Value", empty_values=())
    numerator = NumberColumn(empty_values=())
    denominator = NumberColumn(empty_values=())
    figure_is = tables.Column(accessor="record", verbose_name="Figure is", empty_values=())
    basis = tables.Column(accessor="record__basis")
    commentary = tables.Column(empty_values=())

    class Meta:
        default = ""
        orderable = False

    def render_value(self, record):
        return show_figure(
            record.shown, record.record.indicator, illustrative=record.record.is_illustrative
        )

    def render_numerator(self, record):
        return show_count(record.numerator)

    def render_denominator(self, record):
        return show_count(record.denominator)

    def render_figure_is(self, record):
        return with_printed_note(figure_is(record.record), record)

    def render_commentary(self, record):
        if record.suppressed and record.record.commentary:
            return "Not shown with a hidden figure"
        return record.commentary


class ComparisonTable(tables.Table):
    """The council's figure beside England, its region and its statistical neighbours."""

    period = tables.Column()
    council = NumberColumn(verbose_name="This council", empty_values=())
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

    render_england = render_region = render_neighbours = _render

    def render_council(self, record, value):
        return _hidden() if record.council_suppressed else format_value(value, self.indicator)


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
            "scorecards:practice_scorecard_detail",
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
