"""A report's tables as open data: CSV, JSON and each one's data dictionary. Public."""

from django.http import Http404
from django.views import View

from committees.selectors import report_for
from committees.selectors.report_data import report_table, report_tables
from scrutiny import opendata
from scrutiny.views.generic import AuthorityMixin


class ReportTableView(AuthorityMixin, View):
    """One table of a report's page, as the reader's page shows it, as a download."""

    public = True

    def get(self, request, *args, **kwargs):
        fmt = kwargs["fmt"]
        if fmt not in opendata.FORMATS:
            raise Http404("Tables download as csv, json or dictionary.")
        report = report_for(request.user, self.authority, kwargs["pk"])
        tables = report_tables(report, reader=request.user)
        number = kwargs["number"]
        if not 1 <= number <= len(tables):
            raise Http404("The report has no such table.")
        return opendata.download(report_table(report, tables[number - 1]), fmt)
