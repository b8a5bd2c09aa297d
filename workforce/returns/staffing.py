"""The workforce section of a quarterly return: posts by role, as in Slough's table."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms

from returns import rules
from returns.changes import Tracked, same_quarter
from returns.entries import keep_row
from returns.entry import SectionEntry
from returns.forms import Column, Figures, Row, RowForm, SectionForm, count_field
from returns.models import ReturnSectionKey
from returns.rules import Problem
from scrutiny.models import Period
from workforce.models import Basis, StaffingFigure
from workforce.roles import return_roles

COLUMNS = [
    Column("total_reported", "Total in post", whole=False),
    Column("permanent", "Permanent", whole=False),
    Column("agency", "Agency", whole=False),
    Column("vacancies", "Vacancies", whole=False),
]


class StaffingRowForm(RowForm):
    total_reported = count_field()
    permanent = count_field()
    agency = count_field()
    vacancies = count_field()


class StaffingSectionForm(SectionForm):
    basis = forms.ChoiceField(
        label="Are these figures full-time equivalent (FTE) or headcount?",
        choices=Basis.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the figures are FTE or headcount",
            "invalid_choice": "Select whether the figures are FTE or headcount",
        },
    )
    as_at_day = forms.CharField(required=False, strip=True)
    as_at_month = forms.CharField(required=False, strip=True)
    as_at_year = forms.CharField(required=False, strip=True)


class StaffingEntry(SectionEntry):
    """Total posts, permanent, agency and vacancies for each role at the quarter's snapshot."""

    key = ReturnSectionKey.WORKFORCE
    slug = "workforce"
    copy_forward = True
    tracked = (
        Tracked(
            StaffingFigure,
            same_quarter(),
            ("total_reported", "permanent", "agency", "vacancies"),
            lambda h: h.role.name,
            ("role",),
            labels={"total_reported": "total in post"},
        ),
    )
    title = "Workforce by role"
    row_heading = "Role"
    row_noun = "role"
    columns = COLUMNS
    row_form_class = StaffingRowForm
    section_form_class = StaffingSectionForm
    summary_section_fields_first = ("basis", "as_at_day")
    fields_template = "returns/_fields_workforce.html"
    hint = (
        "Total in post is permanent and agency staff together, as in the paper table; vacant "
        "posts are counted separately. Leave a role blank if the council has no such posts."
    )

    def load(self) -> None:
        ids = [p.pk for p in self.periods.values() if p is not None]
        self.figures = list(
            StaffingFigure.objects.filter(authority=self.authority, period_id__in=ids)
            .select_related("role")
            .order_by("-as_at")
        )
        current_id = self.periods["current"] and self.periods["current"].pk
        # The basis of the first figures found: this quarter's, else last quarter's (or its
        # last month's), else last year's.
        stored_basis = next(
            (
                f.basis
                for wanted in self.periods.values()
                if wanted
                for f in self.figures
                if f.period_id == wanted.pk
            ),
            Basis.HEADCOUNT,
        )
        self.basis = stored_basis
        current = [f for f in self.figures if f.period_id == current_id and f.basis == stored_basis]
        self.as_at = current[0].as_at if current else self.period.end
        self.roles = return_roles(self.authority)
        # A role not chosen (or no longer) that has figures this quarter or the ones beside
        # it keeps its row: figures are never hidden from the officer.
        shown = {role.pk for role in self.roles}
        for staff in self.figures:
            if staff.role_id not in shown:
                shown.add(staff.role_id)
                self.roles.append(staff.role)

    def get_rows(self) -> list[Row]:
        return [Row(str(role.pk), role.name) for role in self.roles]

    def figures_for(self, period: Period | None) -> Figures:
        found: Figures = {}
        if period is None:
            return found
        # Latest snapshot first, so the quarter's last figure for a role wins.
        for staff in self.figures:
            if staff.period_id == period.pk and staff.basis == self.basis:
                found.setdefault(
                    str(staff.role_id), {c.name: getattr(staff, c.name) for c in COLUMNS}
                )
        return found

    def section_initial(self, current: Figures) -> dict:
        return {
            "basis": self.basis,
            "as_at_day": self.as_at.day,
            "as_at_month": self.as_at.month,
            "as_at_year": self.as_at.year,
        }

    def whole(self, column: Column) -> bool:
        basis = self.form.data.get("basis") if self.bound else self.basis
        return basis != Basis.FTE

    def check_row(self, row: Row, values: dict[str, Decimal | None]) -> list[Problem]:
        # The total is the staff in post (Slough's "Total"), so it must equal its parts.
        parts = [("permanent", values["permanent"]), ("agency", values["agency"])]
        # Shown at the first part given: a refused permanent figure (read as blank) leaves
        # agency over the whole to be told on the same save, next to the agency box.
        given = next((name for name, value in parts if value is not None), "permanent")
        exceeding = rules.check_parts_within_whole(
            parts,
            values["total_reported"],
            row=row.key,
            column=given,
            whole_label="in post",
        )
        return exceeding or rules.check_total(
            [value for _, value in parts],
            values["total_reported"],
            row=row.key,
            column="total_reported",
            what="The total in post",
        )

    def check_section(self) -> list[Problem]:
        data = self.form.cleaned_data
        day, problems = rules.read_date(
            data.get("as_at_day"),
            data.get("as_at_month"),
            data.get("as_at_year"),
            row="",
            column="as_at_day",
            what="the snapshot date",
        )
        problems += rules.check_date_within(
            day,
            start=self.period.start,
            end=self.period.end,
            row="",
            column="as_at_day",
            what="the snapshot date",
        )
        self.entered_as_at: dt.date | None = day
        return problems

    def store(self) -> None:
        basis = self.form.cleaned_data["basis"]
        period = self.periods["current"] or self.period
        mine = StaffingFigure.objects.filter(authority=self.authority, period=period, basis=basis)
        existing: dict[str, list[StaffingFigure]] = {}
        for staff in mine.order_by("-as_at"):
            existing.setdefault(str(staff.role_id), []).append(staff)
        for row in self.rows:
            values = self.values.get(row.key)
            if values is None:
                continue
            kept = existing.get(row.key, [])
            if all(v is None for v in values.values()):
                for staff in kept:
                    staff.delete()
                continue
            staff, others = (kept[0], kept[1:]) if kept else (None, [])
            for other in others:
                other.delete()
            keep_row(
                staff,
                {"as_at": self.entered_as_at, **values},
                StaffingFigure,
                authority=self.authority,
                role_id=int(row.key),
                period=period,
                basis=basis,
            )
