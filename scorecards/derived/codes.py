"""The codes of the indicators a derived figure is stored under."""

from __future__ import annotations

from django.utils.text import slugify

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


_WHOLE_CODES = frozenset({AGENCY_RATE, PERCENT_PERMANENT, VACANCY_RATE, AVERAGE_CASELOAD})
_ROLE_PREFIXES = tuple(
    f"{measure}-"
    for measure in (
        AGENCY_RATE_ROLE,
        PERCENT_PERMANENT_ROLE,
        VACANCY_RATE_ROLE,
        TURNOVER_RATE_ROLE,
        STAFF_TRAINED,
    )
)


def is_derived(code: str) -> bool:
    """Whether an indicator's figure is worked out from the workforce figures, never typed."""
    return code in _WHOLE_CODES or code.startswith(_ROLE_PREFIXES)
