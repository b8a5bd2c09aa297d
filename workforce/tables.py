"""GOV.UK tables of workforce figures."""

import django_tables2 as tables

from scrutiny.tables import LinkColumn, NumberColumn

from .models import StaffingFigure


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
        model = StaffingFigure
        fields = ["role", "as_at", "basis", "total_reported", "permanent", "agency", "vacancies"]
        order_by = ["-as_at"]

    def render_problems(self, value):
        return " ".join(value) if value else "No problems found"
