"""GOV.UK tables of committees, their members and meetings, and reports."""

import django_tables2 as tables
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from committees.models import Committee, CommitteeMembership, Meeting, Report
from scrutiny.tables.columns import LinkColumn, TagColumn

MEETING_STATUS_COLOURS = {"scheduled": "blue", "held": "green", "cancelled": "grey"}
REPORT_STATUS_COLOURS = {
    "draft": "grey",
    "submitted": "yellow",
    "approved": "turquoise",
    "published": "green",
    "withdrawn": "red",
}

# A recommendation's latest status as a GOV.UK tag colour (the tracker and the tables).
RECOMMENDATION_COLOURS = {
    "achieved": "green",
    "partially": "yellow",
    "not-achieved": "red",
    "in-progress": "blue",
}


class CommitteeTable(tables.Table):
    """A council's committees with their remits."""

    name = LinkColumn(verbose_name="Committee")
    remit = tables.Column(orderable=False)

    class Meta:
        model = Committee
        fields = ["name", "remit"]
        order_by = ["name"]


class MembershipTable(tables.Table):
    """Who sits on a committee and in what role."""

    name = tables.Column(verbose_name="Member")
    role = tables.Column()

    class Meta:
        model = CommitteeMembership
        fields = ["name", "role"]

    def render_name(self, value, record):
        if record.councillor_id is None:
            return value
        return format_html(
            '<a class="govuk-link" href="{}#seat-{}">{}</a>',
            record.councillor.get_absolute_url(),
            record.pk,
            value,
        )


class MeetingTable(tables.Table):
    """A committee's meetings: when, where and whether they took place."""

    date = LinkColumn(verbose_name="Date")
    start_time = tables.TimeColumn(format="g:i a", verbose_name="Time")
    venue = tables.Column()
    status = TagColumn(colours=MEETING_STATUS_COLOURS)

    class Meta:
        model = Meeting
        fields = ["date", "start_time", "venue", "status"]

    def render_date(self, value):
        return f"{value:%-d %B %Y}"


class ReportTable(tables.Table):
    """Reports to committee the reader may open."""

    title = LinkColumn()
    committee = tables.Column(verbose_name="For consideration by")
    kind = tables.Column(verbose_name="Type")
    report_date = tables.Column(verbose_name="Date", empty_values=())
    status = TagColumn(colours=REPORT_STATUS_COLOURS)
    is_exempt = tables.Column(verbose_name="Part 2", orderable=False)

    class Meta:
        model = Report
        fields = ["title", "committee", "kind", "report_date", "status", "is_exempt"]
        order_by = ["-report_date"]

    def order_report_date(self, queryset, is_descending):
        """By the date shown (a report's own, else its first meeting's), undated last, then
        title and id: one order on every database (PostgreSQL sorts nulls first when
        descending, SQLite last)."""
        date = F("report_date")
        if "first_meeting_date" in queryset.query.annotations:
            date = Coalesce("report_date", "first_meeting_date")
        key = date.desc(nulls_last=True) if is_descending else date.asc(nulls_last=True)
        return queryset.order_by(key, "title", "pk"), True

    def render_report_date(self, value, record):
        # The list view annotates first_meeting_date; a report on no agenda yet is undated.
        date = value or getattr(record, "first_meeting_date", None)
        return f"{date:%-d %B %Y}" if date else "Not dated yet"

    def render_status(self, value, record, bound_column):
        tag = self.base_columns["status"].render(value, record, bound_column)
        if record.replaced_label:
            return format_html(
                '{} <strong class="govuk-tag govuk-tag--grey">{}</strong>',
                tag,
                record.replaced_label.capitalize(),
            )
        return tag

    def render_is_exempt(self, value):
        if value:
            return mark_safe('<strong class="govuk-tag govuk-tag--red">Part 2</strong>')
        return "Open"
