"""Figures with an official definition, worked out from the raw counts a council stored.

The DfE children's social work workforce census defines agency rate, vacancy rate, turnover
and average caseload; councils add % permanent (100 - agency rate) and the share of staff
trained. A figure here is only ever computed from counts stored once elsewhere (a
``StaffingFigure``, ``StaffMovement``, ``Caseload`` or ``TrainingCoverage``), says which
basis it used and which rows it came from, and notes where the paper printed something else.
A rate the source gives without its counts is not derived: no counts are invented to fit it.

The formula functions are pure; ``derived_values`` reads one council's period.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Model
from django.utils.text import slugify

from scrutiny.formatting import figure, round_half_up
from scrutiny.models import Authority, Period
from workforce.models import Basis, Caseload, StaffingFigure, StaffMovement, TrainingCoverage

from .models import Indicator, IndicatorValue

DEFAULT_DECIMALS = 1

# Codes for all qualified social work roles together (the DfE census's own measures).
AGENCY_RATE = "sw-agency-rate"
PERCENT_PERMANENT = "sw-percent-permanent"
VACANCY_RATE = "sw-vacancy-rate"
AVERAGE_CASELOAD = "sw-average-caseload"

# One indicator per role and measure: an IndicatorValue holds one figure per council and
# period, so a breakdown by role needs an indicator of its own.
AGENCY_RATE_ROLE = "agency-rate"
PERCENT_PERMANENT_ROLE = "percent-permanent"
VACANCY_RATE_ROLE = "vacancy-rate"
TURNOVER_RATE_ROLE = "turnover-rate"
STAFF_TRAINED = "staff-trained"


def role_code(measure: str, role_name: str) -> str:
    """The indicator code of a measure for one role: ``agency-rate-social-workers``."""
    return f"{measure}-{slugify(role_name)}"


def course_code(course_name: str) -> str:
    """The indicator code for the share of staff who have completed a course."""
    return f"{STAFF_TRAINED}-{slugify(course_name)}"[:60]


# The formulas ------------------------------------------------------------------------------


def _exact(value: Decimal | int | float | str | None, name: str) -> Decimal | None:
    if value is None:
        return None
    number = Decimal(str(value))
    if not number.is_finite() or number < 0:
        raise ValueError(f"{name} must be a count of zero or more, not {value!r}")
    return number


def percentage(
    part: Decimal | int | None, whole: Decimal | int | None, *, decimals: int = DEFAULT_DECIMALS
) -> Decimal | None:
    """part / whole x 100, half up; None when either is missing or the whole is zero."""
    part, whole = _exact(part, "part"), _exact(whole, "whole")
    if part is None or not whole:
        return None
    return round_half_up(part * 100 / whole, decimals)


def agency_rate(
    *, agency: Decimal | int | None, employed: Decimal | int | None, decimals: int = 1
) -> Decimal | None:
    """Agency / (agency + employed) x 100 (DfE workforce census)."""
    if agency is None or employed is None:
        return None
    return percentage(
        agency, _exact(agency, "agency") + _exact(employed, "employed"), decimals=decimals
    )


def percent_permanent(
    *, agency: Decimal | int | None, employed: Decimal | int | None, decimals: int = 1
) -> Decimal | None:
    """100 - agency rate, worked out as employed / (agency + employed) x 100.

    Each of the two is rounded half up from its exact share, so at an exact half they can
    add up to 100.1 (1 agency worker in 80: 1.3% agency, 98.8% permanent), as published
    statistics rounded independently do.
    """
    if agency is None or employed is None:
        return None
    return percentage(
        employed, _exact(agency, "agency") + _exact(employed, "employed"), decimals=decimals
    )


def vacancy_rate(
    *, vacancies: Decimal | int | None, in_post: Decimal | int | None, decimals: int = 1
) -> Decimal | None:
    """Vacancies / (vacancies + in post) x 100 (DfE: FTE; here on whichever basis is stored)."""
    if vacancies is None or in_post is None:
        return None
    whole = _exact(vacancies, "vacancies") + _exact(in_post, "in post")
    return percentage(vacancies, whole, decimals=decimals)


def turnover_rate(
    *, leavers: Decimal | int | None, in_post: Decimal | int | None, decimals: int = 1
) -> Decimal | None:
    """Leavers in the year / staff in post at the snapshot x 100 (DfE workforce census)."""
    return percentage(leavers, in_post, decimals=decimals)


def average_caseload(
    *, cases: Decimal | int | None, fte: Decimal | int | None, decimals: int = 1
) -> Decimal | None:
    """Cases held / FTE of the workers holding them; None when no FTE holds cases."""
    cases, fte = _exact(cases, "cases"), _exact(fte, "FTE")
    if cases is None or not fte:
        return None
    return round_half_up(cases / fte, decimals)


def share_trained(
    *, trained: Decimal | int | None, in_scope: Decimal | int | None, decimals: int = 1
) -> Decimal | None:
    """Staff trained / staff in scope x 100."""
    return percentage(trained, in_scope, decimals=decimals)


def printed_differs(exact: Decimal, printed: Decimal | None) -> bool:
    """Whether the figure a source printed is not the exact one, at the places it printed.

    Papers print whole percentages, so the exact figure is rounded half up to the printed
    number of places before comparing: 68.75 printed as 69 agrees, 48.65 printed as 48 does not.
    """
    if printed is None:
        return False
    places = max(0, -printed.normalize().as_tuple().exponent)
    return round_half_up(exact, places) != printed


# The values --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRow:
    """A stored row a derived figure was computed from."""

    model: str
    pk: int
    label: str

    @classmethod
    def of(cls, row: Model) -> SourceRow:
        return cls(model=row._meta.label, pk=row.pk, label=str(row))


@dataclass(frozen=True)
class DerivedValue:
    """One indicator's figure for a council and period, computed from stored counts."""

    indicator_code: str
    period: Period
    numerator: Decimal
    denominator: Decimal
    value: Decimal
    basis: str
    source: str
    source_rows: tuple[SourceRow, ...]
    as_at: dt.date | None = None
    breakdown: str = ""
    printed: Decimal | None = None
    differs_from_printed: str = ""
    cautions: tuple[str, ...] = ()


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _basis_label(basis: str) -> str:
    return "FTE" if basis == Basis.FTE else "Headcount"


def _join_sources(rows: Iterable[Model]) -> str:
    sources = list(dict.fromkeys(row.source for row in rows if getattr(row, "source", "")))
    text = "; ".join(sources)
    return text if len(text) <= 300 else text[:299] + "…"


def _clip(text: str, length: int = 200) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _total_caution(row: StaffingFigure) -> tuple[str, ...]:
    if row.total_reported is None or row.in_post is None or row.in_post == row.total_reported:
        return ()
    return (
        f"{row.role}: permanent ({figure(row.permanent)}) + agency ({figure(row.agency)}) = "
        f"{figure(row.in_post)}, but the total given is {figure(row.total_reported)}.",
    )


def _value(
    *,
    code: str,
    period: Period,
    numerator: Decimal,
    denominator: Decimal,
    value: Decimal,
    percent: bool,
    printed: Decimal | None = None,
    printed_what: str = "",
    **fields,
) -> DerivedValue:
    note = ""
    exact = numerator * (100 if percent else 1) / denominator
    if printed_differs(exact, printed):
        if percent:
            note = (
                f"The paper printed {figure(printed)}%{printed_what}, but {figure(numerator)}"
                f" of {figure(denominator)} is {value:f}%."
            )
        else:
            note = (
                f"The paper printed {figure(printed)}, but {figure(numerator)}"
                f" / {figure(denominator)} is {value:f}."
            )
    return DerivedValue(
        indicator_code=code,
        period=period,
        numerator=numerator,
        denominator=denominator,
        value=value,
        printed=printed,
        differs_from_printed=note,
        **fields,
    )


def _staffing_values(
    rows: list[StaffingFigure], period: Period, decimals: dict[str, int]
) -> list[DerivedValue]:
    def places(code: str) -> int:
        return decimals.get(code, DEFAULT_DECIMALS)

    # One row per role: the DfE's FTE basis where both are stored, then the latest snapshot.
    best: dict[int, StaffingFigure] = {}
    for row in sorted(rows, key=lambda r: (r.basis != Basis.FTE, -r.as_at.toordinal())):
        best.setdefault(row.role_id, row)

    values = []
    for row in sorted(best.values(), key=lambda r: (r.role.order, r.role.name)):
        role, in_post = row.role, row.in_post
        where = f"{_basis_label(row.basis)} at {_date(row.as_at)} as stored, {role.name.lower()}"
        common = {
            "as_at": row.as_at,
            "breakdown": role.name,
            "source": _join_sources([row]),
            "source_rows": (SourceRow.of(row),),
            "cautions": _total_caution(row),
        }
        if in_post:
            code = role_code(AGENCY_RATE_ROLE, role.name)
            values.append(
                _value(
                    code=code,
                    period=period,
                    numerator=row.agency,
                    denominator=in_post,
                    value=agency_rate(
                        agency=row.agency, employed=row.permanent, decimals=places(code)
                    ),
                    percent=True,
                    basis=_clip(f"{where}: agency / (agency + permanent)"),
                    **common,
                )
            )
            code = role_code(PERCENT_PERMANENT_ROLE, role.name)
            values.append(
                _value(
                    code=code,
                    period=period,
                    numerator=row.permanent,
                    denominator=in_post,
                    value=percent_permanent(
                        agency=row.agency, employed=row.permanent, decimals=places(code)
                    ),
                    percent=True,
                    printed=row.reported_percent_permanent,
                    printed_what=" permanent",
                    basis=_clip(f"{where}: permanent / (agency + permanent)"),
                    **common,
                )
            )
        if row.vacancies is not None and in_post is not None and row.vacancies + in_post:
            code = role_code(VACANCY_RATE_ROLE, role.name)
            values.append(
                _value(
                    code=code,
                    period=period,
                    numerator=row.vacancies,
                    denominator=row.vacancies + in_post,
                    value=vacancy_rate(
                        vacancies=row.vacancies, in_post=in_post, decimals=places(code)
                    ),
                    percent=True,
                    basis=_clip(f"{where}: vacancies / (vacancies + in post)"),
                    **common,
                )
            )
    values.extend(_all_roles_values(rows, period, places))
    return values


def _all_roles_values(rows: list[StaffingFigure], period: Period, places) -> list[DerivedValue]:
    """All qualified social work roles at one snapshot, only where every role has the counts."""
    snapshots: dict[tuple[str, dt.date], list[StaffingFigure]] = defaultdict(list)
    for row in rows:
        if row.role.is_qualified_social_work:
            snapshots[(row.basis, row.as_at)].append(row)
    if not snapshots:
        return []
    (basis, as_at), group = min(
        snapshots.items(), key=lambda item: (item[0][0] != Basis.FTE, -item[0][1].toordinal())
    )
    group.sort(key=lambda r: (r.role.order, r.role.name))
    roles = ", ".join(row.role.name.lower() for row in group)
    where = f"{_basis_label(basis)} at {_date(as_at)} as stored, all qualified social work roles"
    common = {
        "as_at": as_at,
        "source": _join_sources(group),
        "source_rows": tuple(SourceRow.of(row) for row in group),
        "cautions": tuple(caution for row in group for caution in _total_caution(row)),
    }
    values = []
    if all(row.in_post is not None for row in group):
        agency = sum((row.agency for row in group), Decimal(0))
        permanent = sum((row.permanent for row in group), Decimal(0))
        if agency + permanent:
            values.append(
                _value(
                    code=AGENCY_RATE,
                    period=period,
                    numerator=agency,
                    denominator=agency + permanent,
                    value=agency_rate(
                        agency=agency, employed=permanent, decimals=places(AGENCY_RATE)
                    ),
                    percent=True,
                    basis=_clip(f"{where} ({roles}): agency / (agency + permanent)"),
                    **common,
                )
            )
            values.append(
                _value(
                    code=PERCENT_PERMANENT,
                    period=period,
                    numerator=permanent,
                    denominator=agency + permanent,
                    value=percent_permanent(
                        agency=agency, employed=permanent, decimals=places(PERCENT_PERMANENT)
                    ),
                    percent=True,
                    basis=_clip(f"{where} ({roles}): permanent / (agency + permanent)"),
                    **common,
                )
            )
    if all(row.in_post is not None and row.vacancies is not None for row in group):
        vacancies = sum((row.vacancies for row in group), Decimal(0))
        in_post = sum((row.in_post for row in group), Decimal(0))
        if vacancies + in_post:
            values.append(
                _value(
                    code=VACANCY_RATE,
                    period=period,
                    numerator=vacancies,
                    denominator=vacancies + in_post,
                    value=vacancy_rate(
                        vacancies=vacancies, in_post=in_post, decimals=places(VACANCY_RATE)
                    ),
                    percent=True,
                    basis=_clip(f"{where} ({roles}): vacancies / (vacancies + in post)"),
                    **common,
                )
            )
    return values


def _is_year_to(movement: StaffMovement, day: dt.date) -> bool:
    return movement.date_to == day and (movement.date_to - movement.date_from).days + 1 in (
        365,
        366,
    )


def _turnover_values(
    rows: list[StaffingFigure],
    movements: list[StaffMovement],
    period: Period,
    decimals: dict[str, int],
) -> list[DerivedValue]:
    """Turnover where a year's leavers and the snapshot are stored for the same group.

    Leavers are counted in people, so only a headcount snapshot matches them; the staff in
    post are the permanent (employed) staff, as in the census. A movement matches a role when
    its staff group is the role's name and its year ends on the snapshot day.
    """
    values = []
    for row in rows:
        if row.basis != Basis.HEADCOUNT or not row.permanent:
            continue
        matches = [
            m
            for m in movements
            if m.leavers is not None
            and m.staff_group.strip().lower() == row.role.name.lower()
            and _is_year_to(m, row.as_at)
        ]
        if len(matches) != 1:
            continue
        movement = matches[0]
        code = role_code(TURNOVER_RATE_ROLE, row.role.name)
        values.append(
            _value(
                code=code,
                period=period,
                numerator=Decimal(movement.leavers),
                denominator=row.permanent,
                value=turnover_rate(
                    leavers=movement.leavers,
                    in_post=row.permanent,
                    decimals=decimals.get(code, DEFAULT_DECIMALS),
                ),
                percent=True,
                as_at=row.as_at,
                breakdown=row.role.name,
                basis=_clip(
                    f"Headcount: leavers {_date(movement.date_from)} to {_date(movement.date_to)}"
                    f" / permanent {row.role.name.lower()} in post at {_date(row.as_at)}"
                ),
                source=_join_sources([row]),
                source_rows=(SourceRow.of(movement), SourceRow.of(row)),
            )
        )
    return values


def caseload_average(caseload: Caseload, *, decimals: int = 2) -> DerivedValue | None:
    """One team's or service's average caseload from its counts, against any average printed."""
    if caseload.cases_held is None or not caseload.case_holding_fte:
        return None
    cases, fte = Decimal(caseload.cases_held), caseload.case_holding_fte
    return _value(
        code=AVERAGE_CASELOAD,
        period=caseload.period,
        numerator=cases,
        denominator=fte,
        value=average_caseload(cases=cases, fte=fte, decimals=decimals),
        percent=False,
        printed=caseload.reported_average,
        as_at=caseload.as_at,
        breakdown=caseload.label,
        basis=_clip(f"Cases held / FTE of case-holding workers, {caseload.label}"),
        source=_join_sources([caseload]),
        source_rows=(SourceRow.of(caseload),),
    )


def _caseload_values(
    rows: list[Caseload], period: Period, decimals: dict[str, int]
) -> list[DerivedValue]:
    """The council's average over every team or service, only where every one has counts.

    An average over the teams that happen to have counts would misstate the service, so a
    period with any average reported without its counts gets no derived figure.
    """
    if not rows or any(row.cases_held is None or row.case_holding_fte is None for row in rows):
        return []
    cases = Decimal(sum(row.cases_held for row in rows))
    fte = sum((row.case_holding_fte for row in rows), Decimal(0))
    if not fte:
        return []
    days = [row.as_at for row in rows if row.as_at]
    printed = rows[0].reported_average if len(rows) == 1 else None
    return [
        _value(
            code=AVERAGE_CASELOAD,
            period=period,
            numerator=cases,
            denominator=fte,
            value=average_caseload(
                cases=cases, fte=fte, decimals=decimals.get(AVERAGE_CASELOAD, DEFAULT_DECIMALS)
            ),
            percent=False,
            printed=printed,
            as_at=max(days) if days else None,
            basis=_clip(
                "Cases held / FTE of case-holding workers, "
                + ", ".join(sorted(row.label for row in rows))
            ),
            source=_join_sources(rows),
            source_rows=tuple(SourceRow.of(row) for row in rows),
        )
    ]


def _training_values(
    rows: list[TrainingCoverage], period: Period, decimals: dict[str, int]
) -> list[DerivedValue]:
    """Per course, the latest snapshot in the period; none where two staff groups tie."""
    by_course: dict[int, list[TrainingCoverage]] = defaultdict(list)
    for row in rows:
        by_course[row.course_id].append(row)
    values = []
    for course_rows in by_course.values():
        latest = max(row.as_at for row in course_rows)
        at_latest = [row for row in course_rows if row.as_at == latest]
        if len(at_latest) != 1:
            continue
        row = at_latest[0]
        if row.staff_trained is None or not row.staff_in_scope:
            continue
        code = course_code(row.course.name)
        group = f", {row.staff_group}" if row.staff_group else ""
        values.append(
            _value(
                code=code,
                period=period,
                numerator=Decimal(row.staff_trained),
                denominator=Decimal(row.staff_in_scope),
                value=share_trained(
                    trained=row.staff_trained,
                    in_scope=row.staff_in_scope,
                    decimals=decimals.get(code, DEFAULT_DECIMALS),
                ),
                percent=True,
                printed=row.reported_percent,
                printed_what=" trained",
                as_at=row.as_at,
                breakdown=row.course.name,
                basis=_clip(f"Staff trained / staff in scope at {_date(row.as_at)}{group}"),
                source=_join_sources([row]),
                source_rows=(SourceRow.of(row),),
            )
        )
    return values


def derived_values(*, authority: Authority, period: Period) -> list[DerivedValue]:
    """Every figure that can be computed from the council's stored counts for the period.

    Staffing, caseloads and movements count where they are stored against the period;
    training coverage, which has only a date, counts in the month of that date.
    """
    staffing = list(
        StaffingFigure.objects.filter(authority=authority, period=period).select_related("role")
    )
    caseloads = list(
        Caseload.objects.filter(authority=authority, period=period).select_related("team")
    )
    movements = (
        list(
            StaffMovement.objects.filter(
                authority=authority, date_to__in={row.as_at for row in staffing}
            )
        )
        if staffing
        else []
    )
    coverage = []
    if period.kind == Period.Kind.MONTH:
        coverage = list(
            TrainingCoverage.objects.filter(
                authority=authority, as_at__gte=period.start, as_at__lte=period.end
            ).select_related("course")
        )
    decimals = dict(Indicator.objects.values_list("code", "decimals"))
    return [
        *_staffing_values(staffing, period, decimals),
        *_turnover_values(staffing, movements, period, decimals),
        *_caseload_values(caseloads, period, decimals),
        *_training_values(coverage, period, decimals),
    ]


def printed_difference(value: IndicatorValue) -> str:
    """For a page: a note when a stored figure's printed value is not what its counts give.

    Needs no query beyond the value's indicator, which list pages already select.
    """
    computed = value.computed_value
    if computed is None or not printed_differs(computed, value.reported_value):
        return ""
    shown = f"{round_half_up(computed, value.indicator.decimals):f}"
    if value.indicator.unit == Indicator.Unit.PERCENT:
        return (
            f"The paper printed {figure(value.reported_value)}%, but {figure(value.numerator)}"
            f" of {figure(value.denominator)} is {shown}%."
        )
    return f"The paper printed {figure(value.reported_value)}; the counts give {shown}."
