"""GOV.UK tables of programmes, their projects, milestones, metrics and risks."""

from decimal import Decimal

import django_tables2 as tables
from django.urls import reverse

from scrutiny.tables import LinkColumn, NumberColumn, TagColumn

from .models import Programme


def project_url(project) -> str | None:
    if project is None:
        return None
    return reverse(
        "programmes:project_detail",
        kwargs={
            "authority": project.programme.authority.slug,
            "pk": project.programme_id,
            "project_pk": project.pk,
        },
    )


# django-tables2 passes linkify callables the arguments they name: a row, or its project.
def _link_to_row(record):
    return project_url(record)


def _link_to_project(record):
    return project_url(record.project)


def plain(value) -> str:
    return "" if value is None else f"{Decimal(value).normalize():f}"


class ProgrammeTable(tables.Table):
    """A council's programmes with their funder, funding and dates."""

    name = LinkColumn()
    kind = tables.Column()
    practice_framework = tables.Column(verbose_name="Practice framework")
    funder = tables.Column()
    funding_amount = NumberColumn(verbose_name="Funding")
    start_date = tables.DateColumn(format="j M Y", verbose_name="Starts")
    end_date = tables.DateColumn(format="j M Y", verbose_name="Ends")

    class Meta:
        default = ""
        model = Programme
        fields = [
            "name",
            "kind",
            "practice_framework",
            "funder",
            "funding_amount",
            "start_date",
            "end_date",
        ]
        order_by = ["-start_date"]

    def render_funding_amount(self, value):
        return f"£{value:,.0f}"


class ProjectTable(tables.Table):
    """Projects with their project manager and senior manager lead (Lincolnshire's table)."""

    number = NumberColumn(verbose_name="Number")
    name = LinkColumn(verbose_name="Project", linkify=_link_to_row)
    project_manager = tables.Column(verbose_name="Project manager")
    senior_lead = tables.Column(verbose_name="Senior manager lead")

    class Meta:
        default = ""
        orderable = False

    def __init__(self, *args, caption: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.caption = caption


MILESTONE_COLOURS = {
    "done": "green",
    "in-progress": "blue",
    "delayed": "red",
    "not-started": "grey",
}


class MilestoneTable(tables.Table):
    """Deliverables, milestones and next steps with when they are due and their status."""

    title = tables.Column(verbose_name="What")
    project = tables.Column(linkify=_link_to_project, attrs={"a": {"class": "govuk-link"}})
    due = tables.Column(accessor="pk", verbose_name="Due", empty_values=())
    status = TagColumn(colours=MILESTONE_COLOURS)
    completed_on = tables.DateColumn(format="j M Y", verbose_name="Completed")

    class Meta:
        default = ""
        orderable = False

    def __init__(self, *args, caption: str = "", show_project: bool = True, **kwargs):
        if not show_project:
            kwargs["exclude"] = ["project"]
        super().__init__(*args, **kwargs)
        self.caption = caption

    def render_due(self, record):
        # The paper's own words ("End November 2018") where it gave them.
        if record.due_label:
            return record.due_label
        return f"{record.due_date:%-d %B %Y}" if record.due_date else ""


class ProgressMetricTable(tables.Table):
    """Measured results of the programme, with targets and what is further planned."""

    description = tables.Column(verbose_name="Measure")
    project = tables.Column(linkify=_link_to_project, attrs={"a": {"class": "govuk-link"}})
    period = tables.Column()
    value = NumberColumn(accessor="value")
    target = NumberColumn()
    planned = NumberColumn(verbose_name="Further planned")

    class Meta:
        default = ""
        orderable = False

    def __init__(self, *args, show_project: bool = True, **kwargs):
        if not show_project:
            kwargs["exclude"] = ["project"]
        super().__init__(*args, **kwargs)

    @staticmethod
    def _in_unit(record, value):
        return f"{plain(value)}%" if record.unit == "percent" else plain(value)

    def render_value(self, record, value):
        return self._in_unit(record, value)

    def render_target(self, record, value):
        return self._in_unit(record, value)

    def render_planned(self, record, value):
        return self._in_unit(record, value)


class RiskTable(tables.Table):
    """The risk log: each risk scored as likelihood times impact."""

    title = tables.Column(verbose_name="Risk")
    project = tables.Column(linkify=_link_to_project, attrs={"a": {"class": "govuk-link"}})
    likelihood = NumberColumn(verbose_name="Likelihood (1 to 5)")
    impact = NumberColumn(verbose_name="Impact (1 to 5)")
    score = NumberColumn(accessor="score", verbose_name="Score (likelihood × impact)")
    mitigation = tables.Column()
    owner = tables.Column()
    status = TagColumn(colours={"open": "blue", "closed": "grey"})

    class Meta:
        default = ""
        orderable = False

    def __init__(self, *args, show_project: bool = True, **kwargs):
        if not show_project:
            kwargs["exclude"] = ["project"]
        super().__init__(*args, **kwargs)
