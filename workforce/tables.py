"""GOV.UK tables of workforce figures."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from scrutiny.formatting import figure, percent_text
from scrutiny.suppression import CONFIDENTIAL
from scrutiny.tables import LinkColumn, NumberColumn

from .models import Caseload, StaffingFigure, StaffMovement, TrainingCompletion, TrainingCoverage
from .public import printed_total


def with_last_year(current: str, previous: str) -> str:
    """'16 (14)': this snapshot's figure with last year's in brackets, as Slough prints it."""
    if previous:
        return f"{current} ({previous})".strip()
    return current


def date_span(start, end) -> str:
    if start and end:
        return f"{start:%-d %B %Y} to {end:%-d %B %Y}"
    if end:
        return f"To {end:%-d %B %Y}"
    if start:
        return f"From {start:%-d %B %Y}"
    return ""


def _total(figure_row: StaffingFigure | None):
    return None if figure_row is None else printed_total(figure_row)


class StaffingFigureTable(tables.Table):
    """Staffing by role at a snapshot: Slough's 'permanent and agency' table."""

    role = LinkColumn()
    as_at = tables.DateColumn(format="j M Y", verbose_name="As at")
    basis = tables.Column()
    total_reported = NumberColumn(verbose_name="Total")
    permanent = NumberColumn()
    agency = NumberColumn()
    vacancies = NumberColumn()
    percent_permanent = NumberColumn(
        accessor="percent_permanent",
        verbose_name="% permanent",
        orderable=False,
        suffix="%",
        decimals=1,
    )
    problems = tables.Column(
        accessor="problems", verbose_name="Checks", orderable=False, empty_values=()
    )

    class Meta:
        default = ""
        model = StaffingFigure
        fields = ["role", "as_at", "basis", "total_reported", "permanent", "agency", "vacancies"]
        order_by = ["-as_at"]

    def render_problems(self, record):
        return " ".join(record.problems) or "No problems found"


class _PairedColumn(NumberColumn):
    """A right-aligned 'this year (last year)' cell; blank when neither year has a figure."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_values", ())
        kwargs.setdefault("orderable", False)
        super().__init__(*args, **kwargs)


class StaffingSnapshotTable(tables.Table):
    """Staffing by role at one date with the year-earlier figures in brackets (Slough 2015)."""

    role = tables.Column(verbose_name="Role", orderable=False)
    total = _PairedColumn(accessor="role", verbose_name="Total")
    permanent = _PairedColumn(accessor="role", verbose_name="Permanent")
    agency = _PairedColumn(accessor="role", verbose_name="Agency")
    percent_permanent = _PairedColumn(accessor="role", verbose_name="% permanent")
    vacancies = _PairedColumn(accessor="role", verbose_name="Vacant posts")
    checks = tables.Column(accessor="role", verbose_name="Checks", orderable=False, empty_values=())

    class Meta:
        default = ""
        orderable = False

    def __init__(
        self,
        *args,
        caption: str = "",
        show_vacancies: bool = False,
        hidden: frozenset = frozenset(),
        **kwargs,
    ):
        if not show_vacancies:
            kwargs["exclude"] = [*kwargs.get("exclude", ()), "vacancies"]
        super().__init__(*args, **kwargs)
        self.caption = caption
        # (figure pk, field) of counts the public may not see (workforce.public).
        self.hidden = hidden

    @classmethod
    def for_snapshot(cls, snapshot, **kwargs):
        caption = f"Staff by role at {snapshot.as_at:%-d %B %Y} ({snapshot.basis_label.lower()})"
        if snapshot.previous_as_at:
            caption += f", {snapshot.previous_as_at:%-d %B %Y} figures in brackets"
        return cls(snapshot.rows, caption=caption, show_vacancies=snapshot.has_vacancies, **kwargs)

    def _pair(self, record, read, render=figure, fields=()) -> str:
        def one(row) -> str:
            if row is None:
                return render(None)
            if any((row.pk, field) in self.hidden for field in fields):
                return CONFIDENTIAL
            return render(read(row))

        return with_last_year(one(record.current), one(record.previous))

    def render_total(self, record):
        return self._pair(record, _total, fields=("total",))

    def render_permanent(self, record):
        return self._pair(record, lambda f: f.permanent, fields=("permanent",))

    def render_agency(self, record):
        return self._pair(record, lambda f: f.agency, fields=("agency",))

    def render_vacancies(self, record):
        return self._pair(record, lambda f: f.vacancies, fields=("vacancies",))

    def render_percent_permanent(self, record):
        # A share beside a hidden count would give it away (scorecards' suppress_rate).
        return self._pair(
            record,
            lambda f: f.percent_permanent,
            percent_text,
            fields=("permanent", "agency", "total"),
        )

    def render_checks(self, record):
        found = [(p,) for p in record.current.problems]
        if record.previous:
            when = f"{record.previous.as_at:%B %Y}"
            found += [(f"{when}: {p}",) for p in record.previous.problems]
        if not found:
            return "No problems found"
        return format_html(
            '<strong class="govuk-tag govuk-tag--orange">Does not add up</strong> {}',
            format_html_join(" ", "{}", found),
        )


class SignedNumberColumn(NumberColumn):
    """A change shown with its sign (+8, -3, 0), so a gain and a loss read differently."""

    def render(self, value):
        return f"{value:+d}" if value else str(value)


class HiddenCells:
    """A table of which some figures the public may not see: ``hidden`` holds their (row
    pk, field), from workforce.public; each prints as "c"."""

    def __init__(self, *args, hidden: frozenset = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.hidden = hidden

    def shown(self, record, field: str, text):
        return CONFIDENTIAL if (record.pk, field) in self.hidden else text

    def shown_figure(self, record, field: str, value):
        """The column's own rendering of the figure, or "c"."""
        return self.shown(record, field, self.columns[field].column.render(value))


class StaffMovementTable(HiddenCells, tables.Table):
    """Starters and leavers over a span, with leavers by reason and those with none given."""

    staff_group = LinkColumn(
        linkify=lambda record: reverse(
            "workforce:movement_detail",
            kwargs={"authority": record.authority.slug, "pk": record.pk},
        )
    )
    date_from = tables.DateColumn(format="j M Y", verbose_name="From")
    date_to = tables.DateColumn(format="j M Y", verbose_name="To")
    starters = NumberColumn()
    leavers = NumberColumn()
    net_change = SignedNumberColumn(accessor="net_change", orderable=False)
    reasons = tables.Column(
        accessor="pk", verbose_name="Leavers by reason", orderable=False, empty_values=()
    )
    leavers_without_reason = NumberColumn(
        accessor="leavers_without_reason", verbose_name="No reason given", orderable=False
    )

    class Meta:
        default = ""
        model = StaffMovement
        fields = ["staff_group", "date_from", "date_to", "starters", "leavers"]
        order_by = ["-date_to"]

    @staticmethod
    def no_reason(movement):
        value = movement.leavers_without_reason
        if value is not None and value < 0:
            return f"None: the reasons add up to {-value} more than the leavers"
        return value

    def render_starters(self, record, value):
        return self.shown_figure(record, "starters", value)

    def render_leavers(self, record, value):
        return self.shown_figure(record, "leavers", value)

    def render_net_change(self, record, value):
        return self.shown_figure(record, "net_change", value)

    def render_leavers_without_reason(self, record):
        return self.shown(record, "no_reason", self.no_reason(record))

    def render_reasons(self, record):
        return "; ".join(
            f"{r.reason}: {self.shown(record, f'reason:{r.pk}', r.count)}"
            for r in record.leaver_reasons.all()
        )


class LeaverReasonTable(tables.Table):
    """How many leavers left for each reason."""

    reason = tables.Column()
    count = NumberColumn(verbose_name="Leavers")

    class Meta:
        default = ""
        orderable = False


class CaseloadTable(HiddenCells, tables.Table):
    """Cases per case-holding worker by team or service, against the council's target."""

    label = tables.Column(
        accessor="service",
        verbose_name="Team or service",
        order_by=("team__name", "service"),
        empty_values=(),
    )
    period = tables.Column(order_by=("period__start", "period__end"))
    as_at = tables.DateColumn(format="j M Y", verbose_name="As at")
    cases_held = NumberColumn()
    case_holding_fte = NumberColumn(verbose_name="Workers holding cases (FTE)")
    average = NumberColumn(accessor="average", verbose_name="Average caseload", orderable=False)
    average_basis = tables.Column(
        accessor="pk", verbose_name="Average is", orderable=False, empty_values=()
    )
    target = NumberColumn(accessor="pk", verbose_name="Target", orderable=False, empty_values=())
    status = tables.Column(
        accessor="pk", verbose_name="Against target", orderable=False, empty_values=()
    )

    class Meta:
        default = ""
        model = Caseload
        fields = ["label", "period", "as_at", "cases_held", "case_holding_fte"]
        order_by = ["-period", "label"]

    def __init__(self, *args, targets=None, **kwargs):
        self.targets = targets or {}
        super().__init__(*args, **kwargs)

    def render_cases_held(self, record, value):
        return self.shown_figure(record, "cases_held", value)

    def render_average(self, record, value):
        return self.shown_figure(record, "average", value)

    def _target(self, record):
        return self.targets.get(record.period.start_year)

    def render_label(self, record):
        return record.label

    def render_average_basis(self, record):
        if record.cases_held is not None and record.case_holding_fte:
            return "Computed from cases and FTE"
        if record.reported_average is not None:
            return "As reported"
        return ""

    def render_target(self, record):
        target = self._target(record)
        return figure(target.value) if target else ""

    def render_status(self, record):
        target = self._target(record)
        if target is None or record.average is None:
            return ""
        return target.status(record.average)


class TrainingCompletionTable(HiddenCells, tables.Table):
    """Staff who completed each course over a span, and how many more are planned."""

    course = tables.Column(order_by=("course__name",))
    staff_group = tables.Column(verbose_name="Staff group")
    when = tables.Column(accessor="pk", verbose_name="Period", orderable=False, empty_values=())
    completed = NumberColumn(verbose_name="Completed")
    planned = NumberColumn(verbose_name="Further planned")
    note = tables.Column()

    class Meta:
        default = ""
        model = TrainingCompletion
        fields = ["course", "staff_group", "when", "completed", "planned", "note"]
        order_by = ["course"]

    def render_completed(self, record, value):
        return self.shown_figure(record, "completed", value)

    def render_planned(self, record, value):
        return self.shown_figure(record, "planned", value)

    def render_when(self, record):
        if record.period_id:
            return record.period.label
        return date_span(record.date_from, record.date_to)


class TrainingCoverageTable(HiddenCells, tables.Table):
    """The share of staff trained on a course: computed from counts, or as reported."""

    course = tables.Column(order_by=("course__name",))
    staff_group = tables.Column(verbose_name="Staff group")
    as_at = tables.DateColumn(format="j M Y", verbose_name="As at")
    staff_trained = NumberColumn(verbose_name="Staff trained")
    staff_in_scope = NumberColumn(verbose_name="Staff in scope")
    percent = NumberColumn(accessor="percent", verbose_name="Share trained", orderable=False)
    percent_basis = tables.Column(
        accessor="pk", verbose_name="Share is", orderable=False, empty_values=()
    )
    source = tables.Column()

    class Meta:
        default = ""
        model = TrainingCoverage
        fields = [
            "course",
            "staff_group",
            "as_at",
            "staff_trained",
            "staff_in_scope",
            "percent",
            "percent_basis",
            "source",
        ]
        order_by = ["course", "-as_at"]

    def render_staff_trained(self, record, value):
        return self.shown_figure(record, "staff_trained", value)

    def render_staff_in_scope(self, record, value):
        return self.shown_figure(record, "staff_in_scope", value)

    def render_percent(self, record, value):
        # A computed share is given to 1 decimal place; a reported one as it was printed.
        if record.staff_trained is not None and record.staff_in_scope:
            return self.shown(record, "percent", percent_text(value))
        return self.shown(record, "percent", f"{figure(value)}%")

    def render_percent_basis(self, record):
        if record.staff_trained is not None and record.staff_in_scope:
            return "Computed from counts"
        if record.reported_percent is not None:
            return "As reported"
        return ""
