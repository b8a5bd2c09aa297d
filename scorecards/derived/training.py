"""The share of staff who have completed a course, from the latest snapshot in the period."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from scrutiny.models import Period
from workforce.models import TrainingCoverage

from .codes import course_code
from .formulas import DEFAULT_DECIMALS, share_trained
from .value import DerivedValue, SourceRow, _clip, _date, _join_sources, _value


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
