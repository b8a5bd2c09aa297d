"""Figures with an official definition, worked out from the raw counts a council stored.

The DfE children's social work workforce census defines agency rate, vacancy rate, turnover
and average caseload; councils add % permanent (100 - agency rate) and the share of staff
trained. A figure here is only ever computed from counts stored once elsewhere (a
``StaffingFigure``, ``StaffMovement``, ``Caseload`` or ``TrainingCoverage``), says which
basis it used and which rows it came from, and notes where the paper printed something else.
A rate the source gives without its counts is not derived: no counts are invented to fit it.

The formula functions are pure; ``derived_values`` reads one council's period, and a module
per kind of figure (staffing, turnover, caseloads, training) works it out from the rows read.
"""

from .caseloads import caseload_average
from .codes import (
    AGENCY_RATE,
    AGENCY_RATE_ROLE,
    AVERAGE_CASELOAD,
    PERCENT_PERMANENT,
    PERCENT_PERMANENT_ROLE,
    STAFF_TRAINED,
    TURNOVER_RATE_ROLE,
    VACANCY_RATE,
    VACANCY_RATE_ROLE,
    course_code,
    role_code,
)
from .council import derived_values
from .formulas import (
    DEFAULT_DECIMALS,
    agency_rate,
    average_caseload,
    percent_permanent,
    percentage,
    share_trained,
    turnover_rate,
    vacancy_rate,
)
from .printed import (
    printed_difference,
    printed_differs,
)
from .value import (
    DerivedValue,
    SourceRow,
)

__all__ = [
    "AGENCY_RATE",
    "AGENCY_RATE_ROLE",
    "AVERAGE_CASELOAD",
    "DEFAULT_DECIMALS",
    "DerivedValue",
    "PERCENT_PERMANENT",
    "PERCENT_PERMANENT_ROLE",
    "STAFF_TRAINED",
    "SourceRow",
    "TURNOVER_RATE_ROLE",
    "VACANCY_RATE",
    "VACANCY_RATE_ROLE",
    "agency_rate",
    "average_caseload",
    "caseload_average",
    "course_code",
    "derived_values",
    "percent_permanent",
    "percentage",
    "printed_difference",
    "printed_differs",
    "role_code",
    "share_trained",
    "turnover_rate",
    "vacancy_rate",
]
