"""The parts a section page of a return is built from: columns, rows, cells and forms.

Number boxes are text on purpose: what was typed is read by the rules in ``rules.py``, so a
spreadsheet import reads it the same way, and is shown back unchanged when it is refused.
``SectionEntry`` (``entry.py``) puts these together into a section's page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db.models import Q

from scrutiny.formatting import figure
from scrutiny.models import Period

NUMBER, TEXT, CHOICE, DATE = "number", "text", "choice", "date"
NOTHING_TO_REPORT = "Nothing to report this quarter"
DATE_PARTS = ("day", "month", "year")


@dataclass(frozen=True)
class Column:
    """A column of the table: its field name, heading and kind of value.

    ``kind`` is a number (``whole`` counts or decimals, optionally within ``minimum`` and
    ``maximum``), free ``text``, a ``choice`` of ``choices``, or a ``date`` typed as day,
    month and year that must fall inside the quarter. A ``rag`` choice marked red or amber
    needs a commentary before the section is completed.
    """

    name: str
    label: str
    whole: bool = True
    kind: str = NUMBER
    choices: tuple[tuple[str, str], ...] = ()
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    rag: bool = False
    max_length: int = 2000
    lines: int = 0

    @property
    def field_names(self) -> list[str]:
        if self.kind == DATE:
            return [f"{self.name}_{part}" for part in DATE_PARTS]
        return [self.name]

    def shown(self, value) -> str:
        """A stored value as the table shows it (last quarter's, or a read-only cell)."""
        if value is None or value == "":
            return ""
        if self.kind == CHOICE:
            return dict(self.choices).get(value, str(value))
        if self.kind == DATE:
            return f"{value:%-d %B %Y}"
        if self.kind == TEXT:
            return str(value)
        return figure(value)

    def initial(self, value) -> dict[str, str]:
        """A stored value as the boxes show it to be edited."""
        if self.kind == DATE:
            if value is None:
                return dict.fromkeys(self.field_names, "")
            parts = (value.day, value.month, value.year)
            return {name: str(part) for name, part in zip(self.field_names, parts, strict=True)}
        if self.kind in (TEXT, CHOICE):
            return {self.name: "" if value is None else str(value)}
        return {self.name: figure(value)}


@dataclass
class Row:
    """A row of the table: the key its figures are stored under, and its label.

    ``service_area_id`` is set on rows that belong to a team's service area; ``new`` marks
    a blank row offered for something not yet recorded (a new theme or audit).
    """

    key: str
    label: str
    service_area_id: int | None = None
    new: bool = False


@dataclass
class Cell:
    label: str
    field: forms.BoundField
    previous: str
    last_year: str
    column: Column | None = None
    parts: list[forms.BoundField] = field(default_factory=list)
    shown: str = ""


@dataclass
class TableRow:
    label: str
    form: forms.Form
    cells: list[Cell] = field(default_factory=list)
    total: str = ""
    editable: bool = True


Figures = dict[str, dict[str, object]]  # row key -> column -> value (Decimal, text, date)


class RowForm(forms.Form):
    """One row: the hidden key of what it is about; subclasses add a box per column."""

    key = forms.CharField(widget=forms.HiddenInput, required=False)
    # "1" on a row copied from last quarter that the officer has not confirmed yet.
    copied = forms.CharField(widget=forms.HiddenInput, required=False)
    confirmed = forms.BooleanField(required=False, label="Confirm these figures are right")


class SectionForm(forms.Form):
    """The section's own fields: the version it was read at, and the commentary."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    nothing_to_report = forms.BooleanField(label=NOTHING_TO_REPORT, required=False)
    commentary = forms.CharField(
        label="Commentary",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "govuk-textarea"}),
        help_text="Explain anything a reader should know about these figures.",
    )


def quarter_periods(period: Period) -> dict[str, Period | None]:
    """This quarter, last quarter and the same quarter last year, in one query, with the last
    month of each of those two (``previous_month``, ``last_year_month``): history is often
    stored against a month (staffing at March 2015), and it is that quarter's figure.

    Unlike ``Period.previous()`` this never creates a period just to find it empty.
    """
    number = period.number or 1
    last_quarter = (period.start_year - 1, 4) if number == 1 else (period.start_year, number - 1)
    wanted = {
        "current": (Period.Kind.QUARTER, period.start_year, number),
        "previous": (Period.Kind.QUARTER, *last_quarter),
        "last_year": (Period.Kind.QUARTER, period.start_year - 1, number),
    }
    for name in ("previous", "last_year"):
        wanted[f"{name}_month"] = month_of_quarter_end(wanted[name])
    match = Q()
    for kind, start_year, quarter in wanted.values():
        match |= Q(kind=kind, start_year=start_year, number=quarter)
    found = {(p.kind, p.start_year, p.number): p for p in Period.objects.filter(match)}
    return {name: found.get(key) for name, key in wanted.items()}


def month_of_quarter_end(key: tuple[str, int, int]) -> tuple[str, int, int]:
    """A quarter's last month as (kind, financial year, month): Q4 2014/15 is March 2015."""
    _, start_year, quarter = key
    return Period.Kind.MONTH, start_year, Period.quarter_end_month(quarter)


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


def row_form_for(columns: list[Column]) -> type[RowForm]:
    """A row form with a box (or three, for a date) per column, all read by the rules."""
    fields = {name: count_field() for column in columns for name in column.field_names}
    return type("GeneratedRowForm", (RowForm,), fields)


class YearForm(forms.Form):
    """Which financial year's quarters the returns list shows (GET, so the list can be linked)."""

    year = forms.ChoiceField(
        label="Financial year",
        error_messages={
            "invalid_choice": "Choose a financial year from the list",
            "required": "Choose a financial year from the list",
        },
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(str(y), f"{y}/{(y + 1) % 100:02d}") for y in years]
