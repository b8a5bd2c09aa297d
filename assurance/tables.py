"""GOV.UK tables of the council's assurance figures: audits, inspections, recommendations."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from committees.models import Recommendation, RecommendationUpdate
from committees.tables import RECOMMENDATION_COLOURS
from scrutiny.formatting import date_range
from scrutiny.tables.columns import LinkColumn, NumberColumn, TagColumn

from .models import (
    Audit,
    AuditAction,
    AuditFinding,
    ComplaintTheme,
    Compliment,
    DataQualityIssue,
    Inspection,
    InspectionJudgement,
)

GRADE_COLOURS = {
    "outstanding": "green",
    "good": "turquoise",
    "adequate": "yellow",
    "requires-improvement": "orange",
    "inadequate": "red",
}
ACTION_COLOURS = {"planned": "grey", "in-progress": "blue", "done": "green"}
ISSUE_COLOURS = {"open": "orange", "resolved": "green"}


def tag(colour: str, word: str):
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, word)


def _link(url_name: str):
    return lambda record: reverse(
        url_name, kwargs={"authority": record.authority.slug, "pk": record.pk}
    )


class AuditTable(tables.Table):
    """The council's audits: what was looked at, by whom, and how many cases."""

    title = LinkColumn(linkify=_link("assurance:audit_detail"))
    team = tables.Column()
    conducted_by = tables.Column()
    completed_on = tables.DateColumn(format="j F Y", verbose_name="Completed")
    cases_audited = NumberColumn(verbose_name="Cases audited")

    class Meta:
        model = Audit
        fields = ["title", "team", "conducted_by", "completed_on", "cases_audited"]
        order_by = ["-completed_on"]


class AuditFindingTable(tables.Table):
    """An audit's findings of one kind."""

    order = tables.Column(verbose_name="No.")
    text = tables.Column(verbose_name="Finding")

    class Meta:
        model = AuditFinding
        fields = ["order", "text"]


class AuditActionTable(tables.Table):
    """What is being done about an audit's findings."""

    text = tables.Column(verbose_name="Action")
    owner = tables.Column()
    due_date = tables.DateColumn(format="j F Y", verbose_name="Due")
    status = TagColumn(colours=ACTION_COLOURS)

    class Meta:
        model = AuditAction
        fields = ["text", "owner", "due_date", "status"]


class InspectionTable(tables.Table):
    """Inspections of the council's services with each judgement's grade."""

    service_inspected = LinkColumn(
        linkify=_link("assurance:inspection_detail"), verbose_name="Service/area inspected"
    )
    inspectorate = tables.Column()
    start_date = tables.Column(verbose_name="Date of inspection")
    judgements = tables.Column(
        accessor="pk", verbose_name="Grades", orderable=False, empty_values=()
    )

    class Meta:
        model = Inspection
        fields = ["service_inspected", "inspectorate", "start_date"]
        order_by = ["-start_date"]

    def render_start_date(self, record):
        return date_range(record.start_date, record.end_date)

    def render_judgements(self, record):
        rows = record.judgements.all()
        if not rows:
            return "None recorded"
        return format_html(
            '<ul class="govuk-list">{}</ul>',
            format_html_join(
                "",
                '<li>{}: <strong class="govuk-tag govuk-tag--{}">{}</strong></li>',
                (
                    (j.judgement, GRADE_COLOURS.get(j.grade, "grey"), j.get_grade_display())
                    for j in rows
                ),
            ),
        )


class InspectionJudgementTable(tables.Table):
    """The grade given for each judgement of an inspection."""

    judgement = tables.Column()
    grade = TagColumn(colours=GRADE_COLOURS)

    class Meta:
        model = InspectionJudgement
        fields = ["judgement", "grade"]


class RecommendationTable(tables.Table):
    """The tracker: each recommendation, why it was made, and its latest status."""

    source = tables.Column()
    area = tables.Column(verbose_name="Area or team", empty_values=())
    rationale = tables.Column(orderable=False)
    text = LinkColumn(
        linkify=_link("assurance:recommendation_detail"),
        verbose_name="Recommendation",
        orderable=False,
    )
    latest_status = tables.Column(verbose_name="Latest status", empty_values=())

    class Meta:
        model = Recommendation
        fields = ["source", "area", "rationale", "text", "latest_status"]

    def render_area(self, record):
        parts = [p for p in (record.area, record.team.name if record.team else "") if p]
        return " – ".join(parts)

    def render_latest_status(self, value):
        if not value:
            return "No update yet"
        label = RecommendationUpdate.Status(value).label
        return tag(RECOMMENDATION_COLOURS.get(value, "grey"), label)


class RecommendationUpdateTable(tables.Table):
    """A recommendation's status, period by period."""

    period = tables.Column()
    status = TagColumn(colours=RECOMMENDATION_COLOURS)
    note = tables.Column()

    class Meta:
        model = RecommendationUpdate
        fields = ["period", "status", "note"]


class ComplaintThemeTable(tables.Table):
    """Themes arising from complaints and the action taken."""

    theme = tables.Column()
    context = tables.Column()
    action = tables.Column(verbose_name="Action taken")

    class Meta:
        model = ComplaintTheme
        fields = ["theme", "context", "action"]


class ComplimentTable(tables.Table):
    """Compliments received by each team."""

    team = tables.Column()
    count = NumberColumn(verbose_name="Number")
    received_from = tables.Column(verbose_name="From")
    about = tables.Column()

    class Meta:
        model = Compliment
        fields = ["team", "count", "received_from", "about"]


class DataQualityIssueTable(tables.Table):
    """Problems recorded in the council's figures as received."""

    area = tables.Column()
    subject = tables.Column()
    description = tables.Column(orderable=False)
    source = tables.Column()
    status = TagColumn(colours=ISSUE_COLOURS)

    class Meta:
        model = DataQualityIssue
        fields = ["area", "subject", "description", "source", "status"]
