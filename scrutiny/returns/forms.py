"""What every section page of a return shares: a formset laid out like the paper table.

A section (``SectionEntry`` subclass) names its rows (roles, teams, channels), its columns,
how to read the quarter's figures and how to store them. The base class builds the
formset, shows last quarter's and last year's figures beside each box, runs the rules in
``rules.py`` and turns their ``Problem`` records into errors next to the fields and in the
error summary. Number boxes are text on purpose: what was typed is read by the rules, so a
spreadsheet import reads it the same way, and is shown back unchanged when it is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db.models import Q

from ..formatting import figure
from ..models import Authority, Period, QuarterlyReturn, ReturnSection
from . import rules
from .rules import Problem


@dataclass(frozen=True)
class Column:
    """A column of figures: its field name, its heading, and whether it holds whole counts."""

    name: str
    label: str
    whole: bool = True


@dataclass
class Row:
    """A row of the table: the key its figures are stored under, and its label."""

    key: str
    label: str


@dataclass
class Cell:
    label: str
    field: forms.BoundField
    previous: str
    last_year: str


@dataclass
class TableRow:
    label: str
    form: forms.Form
    cells: list[Cell] = field(default_factory=list)
    total: str = ""


Figures = dict[str, dict[str, Decimal | None]]  # row key -> column -> value


class RowForm(forms.Form):
    """One row: the hidden key of what it is about; subclasses add a box per column."""

    key = forms.CharField(widget=forms.HiddenInput, required=False)


class SectionForm(forms.Form):
    """The section's own fields: the version it was read at, and the commentary."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    commentary = forms.CharField(
        label="Commentary",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "govuk-textarea"}),
        help_text="Explain anything a reader should know about these figures.",
    )


def quarter_periods(period: Period) -> dict[str, Period | None]:
    """This quarter, last quarter and the same quarter last year, in one query.

    Unlike ``Period.previous()`` this never creates a period just to find it empty.
    """
    number = period.number or 1
    last_quarter = (period.start_year - 1, 4) if number == 1 else (period.start_year, number - 1)
    wanted = {
        "current": (period.start_year, number),
        "previous": last_quarter,
        "last_year": (period.start_year - 1, number),
    }
    match = Q()
    for start_year, quarter in wanted.values():
        match |= Q(start_year=start_year, number=quarter)
    found = {
        (p.start_year, p.number): p for p in Period.objects.filter(match, kind=Period.Kind.QUARTER)
    }
    return {name: found.get(key) for name, key in wanted.items()}


class SectionEntry:
    """One section's page: rows × columns of figures for a council's quarter."""

    do_not_call_in_templates = True  # the task list passes the classes themselves
    key: str = ""
    slug: str = ""
    title: str = ""
    row_heading: str = ""
    row_noun: str = "row"
    columns: list[Column] = []
    row_form_class: type[RowForm] = RowForm
    section_form_class: type[SectionForm] = SectionForm
    show_total = False
    hint = ""
    fields_template = ""

    def __init__(
        self,
        *,
        quarterly_return: QuarterlyReturn,
        section: ReturnSection,
        data=None,
    ) -> None:
        self.quarterly_return = quarterly_return
        self.section = section
        self.authority: Authority = quarterly_return.authority
        self.period: Period = quarterly_return.period
        self.periods = quarter_periods(self.period)
        self.problems: list[Problem] = []
        self.moves: list[rules.Move] = []
        self.values: Figures = {}
        self.load()
        self.rows = self.get_rows()
        self.row_by_key = {row.key: row for row in self.rows}
        current = self.figures_for(self.periods["current"])
        self.previous = self.figures_for(self.periods["previous"])
        self.last_year = self.figures_for(self.periods["last_year"])
        self.bound = data is not None
        formset_class = forms.formset_factory(
            self.row_form_class,
            extra=0,
            min_num=len(self.rows),
            max_num=len(self.rows),
            absolute_max=len(self.rows),
            validate_min=True,
            validate_max=True,
        )
        initial = [
            {"key": row.key}
            | {c.name: figure(current.get(row.key, {}).get(c.name)) for c in self.columns}
            for row in self.rows
        ]
        self.formset = formset_class(data, initial=initial, prefix="rows")
        self.form = self.section_form_class(
            data,
            initial={"version": section.version, "commentary": section.commentary}
            | self.section_initial(current),
            prefix=None,
        )
        self.current = current
        if not self.bound:
            self.values = current
            self.moves = self.find_moves()

    # What a section declares -------------------------------------------------------------
    def load(self) -> None:
        """Fetch what ``get_rows`` and ``figures_for`` need (a query or two, never per row)."""

    def get_rows(self) -> list[Row]:
        raise NotImplementedError

    def figures_for(self, period: Period | None) -> Figures:
        raise NotImplementedError

    def section_initial(self, current: Figures) -> dict:
        return {}

    def check_row(self, row: Row, values: dict[str, Decimal | None]) -> list[Problem]:
        """Rules across a row's figures (parts within the whole ...)."""
        return []

    def check_section(self) -> list[Problem]:
        """Rules on the section's own fields and across rows (totals ...)."""
        return []

    def store(self) -> None:
        """Write ``self.values`` (and section fields); called inside the save's transaction."""
        raise NotImplementedError

    def move_figures(self) -> list[tuple[str, Decimal | None, Decimal | None]]:
        """(what, current, previous) for every figure the commentary rule looks at."""
        found = []
        for row in self.rows:
            for column in self.columns:
                found.append(
                    (
                        f"{column.label} for {row.label}",
                        self.values.get(row.key, {}).get(column.name),
                        self.previous.get(row.key, {}).get(column.name),
                    )
                )
        return found

    # Validation --------------------------------------------------------------------------
    @property
    def completing(self) -> bool:
        return self.bound and self.formset.data.get("status") == ReturnSection.Status.COMPLETED

    @property
    def status(self) -> str:
        if self.completing:
            return ReturnSection.Status.COMPLETED
        return ReturnSection.Status.IN_PROGRESS

    @property
    def expected_version(self) -> int:
        text = str(self.form.data.get("version", "")).strip()
        return int(text) if text.isdigit() and len(text) < 10 else -1

    @property
    def commentary(self) -> str:
        return (self.form.cleaned_data.get("commentary") or "").strip()

    def what(self, row: Row, column: Column) -> str:
        return f"{column.label} for {row.label}"

    def is_valid(self) -> bool:
        """Run every rule; on failure the errors sit on the fields and in ``summary``."""
        form_ok = self.form.is_valid()
        incomplete = Problem(
            "", "", "The table was not sent complete: reload the page and try again"
        )
        if not self.formset.is_valid() and self.formset.non_form_errors():
            self.problems.append(incomplete)
            return False
        keys, repeats, seen = [], [], set()
        for index, row_form in enumerate(self.formset.forms):
            row = self.row_by_key.get(str(row_form.data.get(row_form.add_prefix("key"), "")))
            if row is None:
                message = f"Row {index + 1} is not one of this council's {self.row_noun}s"
                self.problems.append(Problem(str(index), "", message))
                continue
            if any(row_form.add_prefix(c.name) not in row_form.data for c in self.columns):
                self.problems.append(incomplete)
                return False
            keys.append((row.label, row.key))
            if row.key in seen:
                repeats.append(index)
            seen.add(row.key)
            values = {}
            for column in self.columns:
                value, found = rules.read_number(
                    row_form.data.get(row_form.add_prefix(column.name)),
                    row=str(index),
                    column=column.name,
                    what=self.what(row, column),
                    whole=self.whole(column),
                )
                values[column.name] = value
                self.problems.extend(found)
            if not any(p.row == str(index) for p in self.problems):
                self.problems.extend(
                    Problem(str(index), p.column, p.message) for p in self.check_row(row, values)
                )
            self.values[row.key] = values
        duplicates = rules.check_unique(keys, column="", what=self.row_noun)
        for index, duplicate in zip(repeats, duplicates, strict=True):
            self.problems.append(Problem(str(index), "", duplicate.message))
        if form_ok:
            self.problems.extend(self.check_section())
        self.moves = self.find_moves()
        if form_ok:
            self.problems.extend(
                rules.check_commentary(self.moves, self.commentary, completing=self.completing)
            )
        self.attach_errors()
        return form_ok and not self.problems

    def find_moves(self) -> list[rules.Move]:
        return rules.far_moves(self.move_figures())

    def attach_errors(self) -> None:
        for problem in self.problems:
            if problem.row.isdigit() and int(problem.row) < len(self.formset.forms):
                row_form = self.formset.forms[int(problem.row)]
                name = problem.column or self.columns[0].name
                if name in row_form.fields:
                    row_form.add_error(name, problem.message)
            elif problem.column in self.form.fields:
                self.form.add_error(problem.column, problem.message)

    summary_section_fields_first: tuple[str, ...] = ()

    @property
    def summary(self) -> list[tuple[str, str]]:
        """(anchor, message) for the error summary, in the order of the page."""
        first = [n for n in self.form.fields if n in self.summary_section_fields_first]
        last = [n for n in self.form.fields if n not in self.summary_section_fields_first]
        entries = self._field_errors(self.form, first)
        entries += [("#rows", p.message) for p in self.problems if not p.row and not p.column]
        for row_form in self.formset.forms:
            entries += self._field_errors(row_form, [c.name for c in self.columns])
        return entries + self._field_errors(self.form, last)

    def _field_errors(self, form: forms.Form, names: list[str]) -> list[tuple[str, str]]:
        return [(self.anchor(form, n), e) for n in names for e in form.errors.get(n, [])]

    def whole(self, column: Column) -> bool:
        return column.whole

    @staticmethod
    def anchor(form: forms.Form, name: str) -> str:
        widget = form.fields[name].widget
        auto_id = form[name].auto_id
        if isinstance(widget, forms.RadioSelect):
            return f"#{auto_id}_0"
        if getattr(widget, "anchor_suffix", ""):
            return f"#{auto_id}{widget.anchor_suffix}"
        return f"#{auto_id}"

    # Presentation ------------------------------------------------------------------------
    def table(self) -> list[TableRow]:
        rows = []
        for row_form, row in zip(self.formset.forms, self.rows, strict=False):
            key = str(row_form["key"].value())
            shown = self.row_by_key.get(key, row)
            table_row = TableRow(label=shown.label, form=row_form)
            for column in self.columns:
                table_row.cells.append(
                    Cell(
                        label=column.label,
                        field=row_form[column.name],
                        previous=figure(self.previous.get(shown.key, {}).get(column.name)),
                        last_year=figure(self.last_year.get(shown.key, {}).get(column.name)),
                    )
                )
            if self.show_total:
                known = [v for v in self.values.get(shown.key, {}).values() if v is not None]
                table_row.total = figure(sum(known, Decimal(0))) if known else ""
            rows.append(table_row)
        return rows

    @property
    def period_labels(self) -> dict[str, str]:
        number = self.period.number or 1
        previous = (
            f"Q4 {self.period.start_year - 1}/{self.period.start_year % 100:02d}"
            if number == 1
            else f"Q{number - 1} {self.period.year_label}"
        )
        last_year = f"Q{number} {self.period.start_year - 1}/{self.period.start_year % 100:02d}"
        return {"previous": previous, "last_year": last_year}


def count_field(label: str = "") -> forms.CharField:
    """A number box read by the rules, not by Django (see the module docstring)."""
    return forms.CharField(
        label=label,
        required=False,
        strip=False,
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input govuk-input--width-5",
                "inputmode": "decimal",
                "spellcheck": "false",
            }
        ),
    )
