from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import path, reverse

from scrutiny.admin_utils import build_admin, register

from . import models as m
from . import statistics
from .importers import COLUMNS, MAX_ROWS, comparators_import

register(
    m.Indicator,
    m.IndicatorValue,
    m.Target,
    m.PracticeScorecard,
    m.PracticeScore,
    m.ReportedIndicator,
    m.Breakdown,
    m.BreakdownCategory,
    m.ReportedBreakdown,
    m.BreakdownValue,
    inlines={m.PracticeScorecard: [m.PracticeAspect]},
)

# Kept here rather than as template files: two small admin pages, used only by this admin.
CHANGE_LIST = """{% extends "admin/change_list.html" %}
{% block object-tools-items %}
<li><a href="{% url 'admin:scorecards_comparatorvalue_import' %}">Import from CSV</a></li>
{{ block.super }}
{% endblock %}"""

IMPORT_PAGE = """{% extends "admin/base_site.html" %}
{% block content %}
<p>A CSV file (UTF-8) with a heading row and the columns <code>{{ columns }}</code>.
Periods are written 2014/15, Q4 2014/15 or 2015-03; kind is england, region or neighbours;
a regional figure names its region, a neighbour average the council's address name.
At most {{ max_rows }} rows. Or a file of published statistics in the Department for
Education's open-data layout (<code>time_period</code>, <code>time_identifier</code>,
<code>geographic_level</code>, ... then one column per indicator, named after its code with
underscores for hyphens): England, regional and council figures, and the neighbours' averages
computed from them. At most {{ max_kb }} KB. Every row is checked first: if any has a
problem nothing is imported.</p>
{% if problems %}
<h2>{{ problems|length }} problem{{ problems|length|pluralize }}: nothing was imported</h2>
<table>
<thead><tr>
<th scope="col">Row</th><th scope="col">Column</th><th scope="col">Problem</th>
</tr></thead>
<tbody>{% for problem in problems %}
<tr><td>{{ problem.row|default:"File" }}</td><td>{{ problem.column }}</td>
<td>{{ problem.message }}</td></tr>
{% endfor %}</tbody>
</table>
{% endif %}
<form method="post" enctype="multipart/form-data">{% csrf_token %}
{{ form.as_p }}
<input type="submit" value="Import">
</form>
{% endblock %}"""


class ComparatorImportForm(forms.Form):
    """The comparator CSV to import."""

    file = forms.FileField(label="CSV file")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > statistics.MAX_BYTES:
            raise forms.ValidationError(f"The file is larger than {statistics.MAX_BYTES:,} bytes.")
        return upload


class ComparatorValueAdmin(build_admin(m.ComparatorValue)):
    """Comparators, with a page to import them from CSV."""

    @property
    def change_list_template(self):
        return engines["django"].from_string(CHANGE_LIST)

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="scorecards_comparatorvalue_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = ComparatorImportForm(request.POST or None, request.FILES or None)
        problems = []
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read(statistics.MAX_BYTES + 1)
            # The heading row says which layout the file is in: one upload page for both.
            if data.lstrip(b"\xef\xbb\xbf").lower().startswith(b"time_period"):
                result = statistics.statistics_import(source=data, filename=upload.name)
                summary = result.summary if result.ok else ""
            else:
                result = comparators_import(source=data)
                summary = (
                    f"{result.rows} rows imported: {result.created} created, "
                    f"{result.updated} updated, {result.unchanged} unchanged."
                )
            if result.ok:
                messages.success(request, summary)
                return redirect(reverse("admin:scorecards_comparatorvalue_changelist"))
            problems = result.problems
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Import comparators or published statistics from CSV",
            "form": form,
            "problems": problems,
            "columns": ",".join(COLUMNS),
            "max_rows": f"{MAX_ROWS:,}",
            "max_kb": statistics.MAX_BYTES // 1000,
        }
        return TemplateResponse(request, engines["django"].from_string(IMPORT_PAGE), context)


admin.site.register(m.ComparatorValue, ComparatorValueAdmin)
