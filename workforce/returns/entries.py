"""Workforce sections: starters and leavers with reasons, caseloads by team, training."""

from __future__ import annotations

from decimal import Decimal

from returns import rules
from returns.changes import Tracked, quarter_span, same_quarter
from returns.entries import Entry, TeamEntry, keep_row
from returns.forms import Column, Figures, Row
from returns.models import ReturnSectionKey
from returns.rules import Problem
from scrutiny.models import Period
from workforce.models import (
    Caseload,
    LeaverReason,
    StaffMovement,
    TrainingCompletion,
    TrainingCourse,
)
from workforce.roles import return_roles

LEAVER_REASONS = [
    ("retired", "Retired"),
    ("family", "Family reasons"),
    ("promotion", "Promotion or development elsewhere"),
    ("performance", "Performance"),
    ("other", "Other or not known"),
]


class StartersLeaversEntry(Entry):
    """Starters and leavers in the quarter by staff group, with why the leavers left."""

    key = ReturnSectionKey.STARTERS_LEAVERS
    slug = "starters-leavers"
    tracked = (
        Tracked(StaffMovement, quarter_span(), ("starters", "leavers"), lambda h: h.staff_group),
        Tracked(
            LeaverReason,
            quarter_span("movement__"),
            ("count",),
            lambda h: f"{h.movement.staff_group} who left: {h.reason.lower()}",
            ("movement",),
        ),
    )
    title = "Starters and leavers"
    row_heading = "Staff group"
    row_noun = "staff group"
    columns = [
        Column("starters", "Starters"),
        Column("leavers", "Leavers"),
        *(Column(f"reason_{code}", f"Left: {label.lower()}") for code, label in LEAVER_REASONS),
    ]
    hint = (
        "People who joined or left each staff group in the quarter. Say why the leavers left "
        "where you know: the reasons cannot add up to more than the leavers."
    )

    def load(self) -> None:
        spans = [(p.start, p.end) for p in self.periods.values() if p is not None]
        movements = StaffMovement.objects.filter(authority=self.authority).prefetch_related(
            "leaver_reasons"
        )
        self.movements = [m for m in movements if (m.date_from, m.date_to) in spans]
        self.groups = [role.name for role in return_roles(self.authority)]
        for movement in self.movements:
            if movement.staff_group not in self.groups:
                self.groups.append(movement.staff_group)

    def get_rows(self) -> list[Row]:
        return [Row(group, group) for group in self.groups]

    def figures_for(self, period: Period | None) -> Figures:
        found: Figures = {}
        if period is None:
            return found
        labels = dict(LEAVER_REASONS)
        for movement in self.movements:
            if (movement.date_from, movement.date_to) != (period.start, period.end):
                continue
            values = {
                "starters": _number(movement.starters),
                "leavers": _number(movement.leavers),
            }
            for reason in movement.leaver_reasons.all():
                code = next((c for c, label in labels.items() if label == reason.reason), "other")
                values[f"reason_{code}"] = Decimal(reason.count) + (
                    values.get(f"reason_{code}") or 0
                )
            found[movement.staff_group] = values
        return found

    def check_row(self, row: Row, values: dict) -> list[Problem]:
        parts = [
            (f"left: {label.lower()}", values[f"reason_{code}"]) for code, label in LEAVER_REASONS
        ]
        if values["leavers"] is None and any(v is not None for _, v in parts):
            return [Problem(row.key, "leavers", f"Enter the leavers for {row.label}")]
        return rules.check_parts_within_whole(
            parts, values["leavers"], row=row.key, column="leavers", whole_label="leavers"
        )

    def store(self) -> None:
        period = self.stored_period
        existing = {
            m.staff_group: m
            for m in self.movements
            if (m.date_from, m.date_to) == (period.start, period.end)
        }
        for group, values in self.editable_values().items():
            emptied = all(v is None for v in values.values())
            movement = keep_row(
                existing.get(group),
                None
                if emptied
                else {"starters": _int(values["starters"]), "leavers": _int(values["leavers"])},
                StaffMovement,
                authority=self.authority,
                staff_group=group,
                date_from=period.start,
                date_to=period.end,
            )
            if movement is None:
                continue
            reasons = {r.reason: r for r in movement.leaver_reasons.all()}
            for order, (code, label) in enumerate(LEAVER_REASONS, start=1):
                count = values[f"reason_{code}"]
                keep_row(
                    reasons.get(label),
                    None if count is None else {"count": int(count)},
                    LeaverReason,
                    movement=movement,
                    order=order,
                    reason=label,
                )


class CaseloadEntry(TeamEntry):
    """Cases held by each team and the full-time equivalent of the workers holding them."""

    key = ReturnSectionKey.CASELOADS
    slug = "caseloads"
    copy_forward = True
    tracked = (
        Tracked(
            Caseload,
            same_quarter(),
            ("cases_held", "case_holding_fte"),
            lambda h: str(h.team),
            ("team",),
            labels={"case_holding_fte": "workers holding cases (FTE)"},
        ),
    )
    title = "Caseloads by team"
    columns = [
        Column("cases_held", "Cases held"),
        Column("case_holding_fte", "Workers holding cases (FTE)", whole=False),
    ]
    hint = (
        "Children's cases held at the end of the quarter, and the full-time equivalent of the "
        "workers holding them (for example 7.5). The average caseload is worked out for you."
    )

    def load(self) -> None:
        self.caseloads = list(
            Caseload.objects.filter(
                authority=self.authority, period_id__in=self.period_ids(), team__isnull=False
            )
        )
        current = self.periods["current"]
        self.load_teams(
            {c.team_id for c in self.caseloads if current and c.period_id == current.pk}
        )

    def figures_for(self, period: Period | None) -> Figures:
        return self.by_period(
            period,
            self.caseloads,
            lambda c: str(c.team_id),
            lambda c: {"cases_held": _number(c.cases_held), "case_holding_fte": c.case_holding_fte},
        )

    def check_row(self, row: Row, values: dict) -> list[Problem]:
        cases, fte = values["cases_held"], values["case_holding_fte"]
        if cases and not fte:
            return [
                Problem(
                    row.key,
                    "case_holding_fte",
                    f"Enter the workers holding the {rules.number_text(cases)} cases "
                    f"for {row.label}",
                )
            ]
        return []

    def store(self) -> None:
        period = self.stored_period
        self.write_rows(
            {str(c.team_id): c for c in self.caseloads if c.period_id == period.pk},
            lambda key: Caseload(authority=self.authority, team_id=int(key), period=period),
            lambda values: {
                "cases_held": _int(values["cases_held"]),
                "case_holding_fte": values["case_holding_fte"],
                "as_at": period.end,
            },
        )


class TrainingEntry(Entry):
    """How many staff completed each course in the quarter, and how many more are booked."""

    key = ReturnSectionKey.TRAINING
    slug = "training"
    tracked = (
        Tracked(
            TrainingCompletion,
            same_quarter(),
            ("completed", "planned"),
            lambda h: h.course.name,
            ("course",),
        ),
    )
    title = "Training completions"
    row_heading = "Course"
    row_noun = "course"
    columns = [
        Column("completed", "Completed in the quarter"),
        Column("planned", "Booked or planned"),
    ]
    hint = "Staff who completed each course in the quarter. Leave a course blank if none ran."

    def load(self) -> None:
        self.completions = list(
            TrainingCompletion.objects.filter(
                authority=self.authority, period_id__in=self.period_ids()
            )
        )
        self.courses = list(TrainingCourse.objects.all())

    def get_rows(self) -> list[Row]:
        return [Row(str(course.pk), course.name) for course in self.courses]

    def figures_for(self, period: Period | None) -> Figures:
        return self.by_period(
            period,
            self.completions,
            lambda c: str(c.course_id),
            lambda c: {"completed": _number(c.completed), "planned": _number(c.planned)},
        )

    def check_row(self, row: Row, values: dict) -> list[Problem]:
        if values["completed"] is None and values["planned"] is not None:
            message = f"Enter how many completed {row.label} (0 if none)"
            return [Problem(row.key, "completed", message)]
        return []

    def store(self) -> None:
        period = self.stored_period
        self.write_rows(
            {str(c.course_id): c for c in self.completions if c.period_id == period.pk},
            lambda key: TrainingCompletion(
                authority=self.authority,
                course_id=int(key),
                period=period,
                date_from=period.start,
                date_to=period.end,
            ),
            lambda values: {
                "completed": _int(values["completed"]),
                "planned": _int(values["planned"]),
            },
        )


def _number(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def _int(value) -> int | None:
    return None if value is None else int(value)
