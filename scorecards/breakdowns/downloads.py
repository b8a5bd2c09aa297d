"""The scorecard's figures by group as open data (CSV), beside the scorecard's own download:
one row per indicator, period, breakdown and group, "c" where the reader may not see it."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.views import View

from scrutiny.formatting import figure
from scrutiny.models import Period
from scrutiny.opendata import write_csv
from scrutiny.views.generic import AuthorityMixin

from .. import selectors
from ..selectors import format_value
from ..views import ReaderMixin
from .tables import BreakdownTable, scorecard_breakdowns

COLUMNS = [
    "council",
    "period",
    "indicator_code",
    "indicator_name",
    "unit",
    "breakdown",
    "group",
    "value",
    "numerator",
    "denominator",
    "source",
    "illustrative",
]


def breakdown_rows(council: str, tables: list[BreakdownTable]) -> list[dict]:
    """Each group's figure as the table shows it (rounded to the indicator's decimals)."""
    rows = []
    for table in tables:
        indicator = table.indicator
        for row in table.rows:
            record = row.figures.record
            rows.append(
                {
                    "council": council,
                    "period": table.period.label,
                    "indicator_code": indicator.code,
                    "indicator_name": indicator.name,
                    "unit": indicator.get_unit_display(),
                    "breakdown": table.breakdown.name,
                    "group": row.name,
                    "value": row.value.display(lambda v, i=indicator: format_value(v, i)),
                    "numerator": row.figures.numerator.display(figure),
                    "denominator": row.figures.denominator.display(figure),
                    "source": record.source,
                    "illustrative": "yes" if record.is_illustrative else "no",
                }
            )
    return rows


class BreakdownDownloadView(ReaderMixin, AuthorityMixin, View):
    """The scorecard period's figures by group as CSV; the public's small numbers as "c"."""

    public = True

    def get(self, request, *args, **kwargs):
        self.setup_reader()
        try:
            scorecard = selectors.council_scorecard(
                self.authority, request.GET.get("period") or None, threshold=self.threshold
            )
        except Period.DoesNotExist:
            raise Http404("The council has no figures for that period.") from None
        if scorecard.period is None:
            raise Http404("The council has no figures to download yet.")
        wholes = {row.indicator.pk: row.current for group in scorecard.groups for row in group.rows}
        tables = scorecard_breakdowns(
            self.authority, scorecard.period, wholes, threshold=self.threshold
        )
        body = write_csv(COLUMNS, breakdown_rows(self.authority.short_name, tables))
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        name = f"{self.authority.slug}-by-group-{scorecard.period.slug}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        # Who may see which figures decides the content: never share it between readers.
        response["Cache-Control"] = "private, no-store"
        response["Vary"] = "Cookie"
        return response
