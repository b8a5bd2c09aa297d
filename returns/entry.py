"""One section's page of a return: a formset laid out like the paper table.

A section (``SectionEntry`` subclass) names its rows (roles, teams, channels), its columns,
how to read the quarter's figures and how to store them. The base class builds the
formset, shows last quarter's and last year's figures beside each box, runs the rules in
``rules.py`` and turns their ``Problem`` records into errors next to the fields and in the
error summary.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms

from scrutiny.formsets import posted_row_count
from scrutiny.models import Authority, Period
from scrutiny.permissions import may_edit_return_row

from . import rules
from .forms import (
    CHOICE,
    DATE,
    NUMBER,
    TEXT,
    Column,
    Figures,
    Row,
    RowForm,
    SectionForm,
    quarter_periods,
    row_form_for,
)
from .models import QuarterlyReturn, ReturnSection
from .presentation import SectionTable
from .rules import Problem


class SectionEntry(SectionTable):
    """One section's page: rows × columns of figures for a council's quarter."""

    do_not_call_in_templates = True  # the task list passes the classes themselves
    key: str = ""
    slug: str = ""
    title: str = ""
    row_heading: str = ""
    row_noun: str = "row"
    columns: list[Column] = []
    row_form_class: type[RowForm] | None = None
    section_form_class: type[SectionForm] = SectionForm
    show_total = False
    hint = ""
    fields_template = ""
    # Rows keyed by team id: an officer limited to service areas edits only their teams.
    team_rows = False
    # Blank rows offered for things not yet recorded; ``label_column`` names them.
    extra_rows = 0
    label_column = ""
    # Can the section start from last quarter's rows ("Copy last quarter's figures")?
    copy_forward = False
    # The models whose history holds this section's figures, for the changes page
    # (``returns.changes.Tracked`` each).
    tracked: tuple = ()

    def __init__(
        self,
        *,
        quarterly_return: QuarterlyReturn,
        section: ReturnSection,
        data=None,
        user=None,
    ) -> None:
        self.quarterly_return = quarterly_return
        self.section = section
        self.user = user
        self.authority: Authority = quarterly_return.authority
        self.period: Period = quarterly_return.period
        self.periods = quarter_periods(self.period)
        self.problems: list[Problem] = []
        self.moves: list[rules.Move] = []
        self.flags: list[rules.Flag] = []
        self.values: Figures = {}
        self.entered_labels: dict[str, str] = {}  # row key -> label, a new row's as named
        self.unconfirmed: list[tuple[str, str]] = []  # (row index, label) copied, not confirmed
        self.load()
        self.rows = self.get_rows()
        self.rows += [
            Row(f"new-{n}", f"New {self.row_noun} {n}", new=True)
            for n in range(1, self.new_row_count(data, len(self.rows)) + 1)
        ]
        self.row_by_key = {row.key: row for row in self.rows}
        if data is not None and self.addable:
            data = self.with_new_row_keys(data)
        self.locked_keys = self.find_locked_keys()
        current = self.figures_for(self.periods["current"])
        # A quarter with no figures of its own may have them stored for its last month.
        self.previous = self.figures_for(self.periods["previous"]) or self.figures_for(
            self.periods["previous_month"]
        )
        self.last_year = self.figures_for(self.periods["last_year"]) or self.figures_for(
            self.periods["last_year_month"]
        )
        self.bound = data is not None
        formset_class = forms.formset_factory(
            self.row_form_class or row_form_for(self.columns),
            extra=0,
            min_num=len(self.rows),
            max_num=len(self.rows),
            absolute_max=len(self.rows),
            validate_min=True,
            validate_max=True,
        )
        self.initial = [self.row_initial(row, current.get(row.key, {})) for row in self.rows]
        self.formset = formset_class(data, initial=self.initial, prefix="rows")
        self.form = self.section_form_class(
            data,
            initial={
                "version": section.version,
                "commentary": section.commentary,
                "nothing_to_report": section.nothing_to_report,
            }
            | self.section_initial(current),
            prefix=None,
        )
        self.current = current
        if not self.bound:
            self.values = current
            self.moves = self.find_moves()
            self.flags = self.find_flags()

    @property
    def copied_from(self) -> str:
        """The quarter copied rows come from, as the page names it."""
        return self.period_labels["previous"]

    def copyable_rows(self) -> list[Row]:
        """Rows (this user may change) with figures last quarter."""
        return [
            row
            for row in self.rows
            if row.key not in self.locked_keys
            and any(v not in (None, "") for v in self.previous.get(row.key, {}).values())
        ]

    def copy_refusal(self) -> list[Problem]:
        """Why last quarter's rows cannot be copied now (none if they can)."""
        entered = [
            key
            for key, values in self.current.items()
            if key in self.row_by_key and any(v not in (None, "") for v in values.values())
        ]
        return rules.check_copy_forward(
            entered,
            [row.label for row in self.copyable_rows()],
            previous=self.copied_from,
            noun=self.row_noun,
        )

    def copied_data(self) -> dict[str, str]:
        """The post the page would send with last quarter's figures typed into each row that
        had any, each marked as copied: shown to be checked, not saved."""
        data = {
            name: "" if value is None else str(value)
            for name in self.form.fields
            # An unticked box is left out, as a browser leaves it; version 0 is kept.
            if (value := self.form[name].value()) is not None and value is not False
        }
        management = self.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = str(management.initial.get(name, ""))
        copying = {row.key for row in self.copyable_rows()}
        for index, row in enumerate(self.rows):
            initial = dict(self.initial[index])
            if row.key in copying:
                previous = self.previous.get(row.key, {})
                for column in self.columns:
                    initial |= column.initial(previous.get(column.name))
                initial["copied"] = "1"
            data |= {f"rows-{index}-{name}": value for name, value in initial.items()}
        return data

    @property
    def unconfirmed_keys(self) -> list[str]:
        """The copied rows still to confirm after this save (kept for rows one cannot edit)."""
        keys = [self.formset.forms[int(index)]["key"].value() for index, _ in self.unconfirmed]
        kept = [key for key in self.section.copied_rows if key in self.locked_keys]
        return sorted(set(keys) | set(kept))

    @property
    def addable(self) -> bool:
        """Can the officer add rows here ("Add another theme")? Sections of named rows."""
        return bool(self.label_column)

    def new_row_count(self, data, stored: int) -> int:
        """Blank rows for new things: the section's few, or as many as "Add another" made."""
        if data is None or not self.addable:
            return self.extra_rows
        return max(self.extra_rows, posted_row_count(data, "rows") - stored)

    def with_new_row_keys(self, data):
        """The post with a key for the blank row "Add another" made, which the browser
        has not sent yet; every other row's key stays as posted."""
        missing = {
            f"rows-{index}-key": row.key
            for index, row in enumerate(self.rows)
            if row.new and f"rows-{index}-key" not in data
        }
        if not missing:
            return data
        data = data.copy()
        data.update(missing)
        return data

    def row_initial(self, row: Row, values: dict) -> dict[str, str]:
        initial = {"key": row.key}
        if row.key in self.section.copied_rows:
            initial["copied"] = "1"
        for column in self.columns:
            initial |= column.initial(values.get(column.name))
        return initial

    def find_locked_keys(self) -> set[str]:
        """Rows this user may read but not change (teams outside their service areas)."""
        return {
            row.key
            for row in self.rows
            if not may_edit_return_row(self.user, self.authority, row, by_team=self.team_rows)
        }

    @property
    def can_edit_any(self) -> bool:
        return any(row.key not in self.locked_keys for row in self.rows) or not self.rows

    @property
    def may_change_section(self) -> bool:
        """Commentary and section fields belong to whoever may change every row."""
        return not self.locked_keys

    # What a section declares -------------------------------------------------------------
    def load(self) -> None:
        """Fetch what ``get_rows`` and ``figures_for`` need (a query or two, never per row)."""

    def get_rows(self) -> list[Row]:
        raise NotImplementedError

    def figures_for(self, period: Period | None) -> Figures:
        raise NotImplementedError

    def section_initial(self, current: Figures) -> dict:
        return {}

    def check_row(self, row: Row, values: dict) -> list[Problem]:
        """Rules across a row's figures (parts within the whole ...)."""
        return []

    def check_section(self) -> list[Problem]:
        """Rules on the section's own fields and across rows (totals ...)."""
        return []

    def store(self) -> None:
        """Write ``self.values`` (and section fields); called inside the save's transaction."""
        raise NotImplementedError

    def unique_key(self, row: Row, values: dict) -> object:
        """What must not repeat in a quarter: the row's key, or a new row's name."""
        if row.new and self.label_column:
            return ("name", str(values.get(self.label_column) or "").casefold())
        return row.key

    def move_figures(self) -> list[tuple[str, Decimal | None, Decimal | None]]:
        """(what, current, previous) for every figure the commentary rule looks at."""
        found = []
        for row in self.rows:
            for column in self.columns:
                if column.kind != NUMBER:
                    continue
                found.append(
                    (
                        f"{column.label} for {row.label}",
                        self.values.get(row.key, {}).get(column.name),
                        self.previous.get(row.key, {}).get(column.name),
                    )
                )
        return found

    def rag_figures(self) -> list[tuple[str, str | None]]:
        """(what, RAG) for every RAG the commentary rule looks at."""
        return [
            (f"{column.label} for {self.row_by_key[key].label}", values.get(column.name))
            for key, values in self.values.items()
            if key in self.row_by_key
            for column in self.columns
            if column.rag
        ]

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
    def nothing_to_report(self) -> bool:
        if not self.may_change_section:
            return self.section.nothing_to_report
        return bool(self.form.cleaned_data.get("nothing_to_report"))

    def entered_rows(self) -> list[str]:
        """The labels of the rows with something in them, after this save."""
        return [
            self.entered_labels.get(key) or getattr(self.row_by_key.get(key), "label", key)
            for key, values in self.values.items()
            if any(value not in (None, "") for value in values.values())
        ]

    @property
    def commentary(self) -> str:
        if not self.may_change_section:
            return self.section.commentary
        return (self.form.cleaned_data.get("commentary") or "").strip()

    def what(self, row: Row, column: Column) -> str:
        return f"{column.label} for {row.label}"

    def read_cell(self, row: Row, column: Column, posted, index: int) -> tuple[object, list]:
        """A cell's value from what was typed, by the rules for its kind of column."""
        where = {"row": str(index), "column": column.name}
        what = self.what(row, column)
        if column.kind == NUMBER:
            value, found = rules.read_number(
                posted(column.name), what=what, whole=self.whole(column), **where
            )
            return value, found or rules.check_range(
                value, minimum=column.minimum, maximum=column.maximum, what=what, **where
            )
        if column.kind == TEXT:
            return rules.read_text(
                posted(column.name), what=what, max_length=column.max_length, **where
            )
        if column.kind == CHOICE:
            return rules.read_choice(posted(column.name), column.choices, what=what, **where)
        day, month, year = (posted(name) for name in column.field_names)
        if not any(str(part or "").strip() for part in (day, month, year)):
            return None, []
        value, found = rules.read_date(day, month, year, what=what, **where)
        return value, found or rules.check_date_within(
            value, start=self.period.start, end=self.period.end, what=what, **where
        )

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
            if row.key in self.locked_keys:
                self.problems.extend(self.check_locked_row(row, row_form, index))
                self.values[row.key] = self.current.get(row.key, {})
                continue
            names = [name for c in self.columns for name in c.field_names]
            if any(row_form.add_prefix(name) not in row_form.data for name in names):
                self.problems.append(incomplete)
                return False

            def posted(name, row_form=row_form):
                return row_form.data.get(row_form.add_prefix(name))

            if row.new:
                named = str(posted(self.label_column) or "").strip()[:80]
                if not any(str(posted(name) or "").strip() for name in names):
                    continue
                if named:
                    row = Row(row.key, named, row.service_area_id, new=True)
            values = {}
            for column in self.columns:
                value, found = self.read_cell(row, column, posted, index)
                values[column.name] = value
                self.problems.extend(found)
            if row.new and self.label_column and not values.get(self.label_column):
                label = next(c.label for c in self.columns if c.name == self.label_column)
                self.problems.append(
                    Problem(
                        str(index), self.label_column, f"Enter the {label.lower()} for {row.label}"
                    )
                )
            # A row is checked whenever something was typed in it, even if every box was
            # refused: "Enter how many" is told with "too long", not after it is mended.
            if any(str(posted(name) or "").strip() for name in names):
                self.problems.extend(self.row_problems(row, values, index))
            unique = self.unique_key(row, values)
            keys.append((row.label, unique))
            if unique in seen:
                repeats.append(index)
            seen.add(unique)
            self.values[row.key] = values
            self.entered_labels[row.key] = row.label
            copied = str(posted("copied") or "") == "1" and not posted("confirmed")
            if copied and any(value is not None for value in values.values()):
                self.unconfirmed.append((str(index), row.label))
        duplicates = rules.check_unique(keys, column="", what=self.row_noun)
        for index, duplicate in zip(repeats, duplicates, strict=True):
            self.problems.append(Problem(str(index), self.label_column, duplicate.message))
        # The section's own rules run on the same save as the rows' and the fields': a
        # field Django refused (no basis chosen) hides nothing else, and gets no second
        # message from a rule that read it as blank.
        refused = set(self.form.errors)
        self.problems.extend(p for p in self.check_section() if p.column not in refused)
        self.moves = self.find_moves()
        self.flags = self.find_flags()
        if "nothing_to_report" not in refused:
            self.problems.extend(
                rules.check_nothing_to_report(
                    self.entered_rows(),
                    self.nothing_to_report,
                    completing=self.completing,
                    noun=self.row_noun,
                )
            )
        self.problems.extend(
            rules.check_copied_confirmed(
                self.unconfirmed, completing=self.completing, previous=self.copied_from
            )
        )
        if "commentary" not in refused:
            self.problems.extend(
                rules.check_commentary(
                    self.moves, self.commentary, completing=self.completing, flags=self.flags
                )
            )
        self.attach_errors()
        return form_ok and not self.problems

    def row_problems(self, row: Row, values: dict, index: int) -> list[Problem]:
        """The rules across a row, run on the first save with its other errors: a cell
        already refused is left out of them (read as blank), and gets no second message."""
        refused = {p.column for p in self.problems if p.row == str(index)}
        readable = {name: None if name in refused else value for name, value in values.items()}
        return [
            Problem(str(index), p.column, p.message)
            for p in self.check_row(row, readable)
            if p.column not in refused
        ]

    def check_locked_row(self, row: Row, row_form: forms.Form, index: int) -> list[Problem]:
        """A row outside the user's service areas keeps its figures: a changed one is refused."""
        initial = self.initial[index] if index < len(self.initial) else {}
        for name, shown in initial.items():
            sent = row_form.data.get(row_form.add_prefix(name))
            if name != "key" and sent is not None and str(sent).strip() != shown:
                return [
                    Problem(
                        "",
                        "",
                        f"You cannot change the figures for {row.label}: it is not in "
                        "your service areas",
                    )
                ]
        return []

    def find_moves(self) -> list[rules.Move]:
        return rules.far_moves(self.move_figures())

    def find_flags(self) -> list[rules.Flag]:
        return rules.red_or_amber(self.rag_figures())

    def attach_errors(self) -> None:
        for problem in self.problems:
            if problem.row.isdigit() and int(problem.row) < len(self.formset.forms):
                row_form = self.formset.forms[int(problem.row)]
                name = problem.column or self.columns[0].name
                column = next((c for c in self.columns if c.name == name), None)
                if column is not None and column.kind == DATE:
                    name = column.field_names[0]
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
        names = [name for c in self.columns for name in c.field_names] + ["confirmed"]
        for row_form in self.formset.forms:
            entries += self._field_errors(row_form, names)
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

    def editable_values(self) -> dict[str, dict]:
        """Entered rows this user may change, new rows included: what ``store`` writes."""
        return {k: v for k, v in self.values.items() if k not in self.locked_keys}
