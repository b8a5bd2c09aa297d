"""The national indicator catalogue: the measures councils report to scrutiny and the
Department for Education publishes for every local authority, and a council's choice of them.

``NATIONAL`` is the catalogue as data; migration 0004 puts it in every install (and
``load_catalogue`` again for a test database built without migrations). ``coverage_from``
reads a free-text basis as one of the coverage choices, for the figures typed before there
was a choice.
"""

from __future__ import annotations

import re

DFE_CIN = (
    "Department for Education, Characteristics of children in need "
    "(explore-education-statistics.service.gov.uk)"
)
DFE_CLA = (
    "Department for Education, Children looked after in England including adoptions "
    "(explore-education-statistics.service.gov.uk)"
)
DFE_WORKFORCE = (
    "Department for Education, Children's social work workforce "
    "(explore-education-statistics.service.gov.uk)"
)
DFE_CARE_LEAVERS = DFE_CLA + ", care leavers aged 19 to 21"
WORKFORCE_NOTE = " Worked out from the council's workforce figures, never typed."

NATIONAL: list[dict] = [
    {
        "code": "cin-rate",
        "name": "Children in need per 10,000 children",
        "definition": "Children in need at 31 March per 10,000 children aged under 18.",
        "area": "front-door",
        "unit": "rate",
        "polarity": "neither",
        "coverage": "snapshot",
        "source": DFE_CIN,
    },
    {
        "code": "cpp-rate",
        "name": "Children on a child protection plan per 10,000 children",
        "definition": (
            "Children who were the subject of a child protection plan at 31 March per "
            "10,000 children aged under 18."
        ),
        "area": "child-protection",
        "unit": "rate",
        "polarity": "neither",
        "coverage": "snapshot",
        "source": DFE_CIN,
    },
    {
        "code": "cla-rate",
        "name": "Children looked after per 10,000 children",
        "definition": "Children looked after at 31 March per 10,000 children aged under 18.",
        "area": "looked-after",
        "unit": "rate",
        "polarity": "neither",
        "coverage": "snapshot",
        "source": DFE_CLA,
    },
    {
        "code": "re-referral-rate",
        "name": "Re-referrals within 12 months",
        "definition": (
            "Referrals in the year that were within 12 months of a previous referral, as a "
            "percentage of all referrals in the year."
        ),
        "area": "front-door",
        "unit": "percent",
        "polarity": "lower",
        "coverage": "financial-year",
        "source": DFE_CIN,
    },
    {
        "code": "assessments-within-45-days",
        "name": "Assessments completed within 45 working days",
        "definition": (
            "Children and family assessments completed in the year within 45 working days of "
            "the referral, as a percentage of all assessments completed."
        ),
        "area": "front-door",
        "unit": "percent",
        "polarity": "higher",
        "coverage": "financial-year",
        "source": DFE_CIN,
    },
    {
        "code": "icpc-within-15-days",
        "name": "Initial child protection conferences within 15 working days",
        "definition": (
            "Initial child protection conferences held within 15 working days of the strategy "
            "discussion, as a percentage of all initial conferences in the year."
        ),
        "area": "child-protection",
        "unit": "percent",
        "polarity": "higher",
        "coverage": "financial-year",
        "source": DFE_CIN,
    },
    {
        "code": "repeat-cp-plans",
        "name": "Child protection plans starting that were repeat plans",
        "definition": (
            "Child protection plans starting in the year for a child who had been on a plan "
            "before (at any time), as a percentage of all plans starting."
        ),
        "area": "child-protection",
        "unit": "percent",
        "polarity": "lower",
        "coverage": "financial-year",
        "source": DFE_CIN,
    },
    {
        "code": "cp-plans-2-years",
        "name": "Child protection plans lasting 2 years or more",
        "definition": (
            "Child protection plans ending in the year that had lasted 2 years or more, as a "
            "percentage of all plans ending."
        ),
        "area": "child-protection",
        "unit": "percent",
        "polarity": "lower",
        "coverage": "financial-year",
        "source": DFE_CIN,
    },
    {
        "code": "cla-3-placements",
        "name": "Looked-after children with 3 or more placements in the year",
        "definition": (
            "Children looked after at 31 March who had 3 or more placements in the year, as a "
            "percentage of all children looked after at 31 March."
        ),
        "area": "looked-after",
        "unit": "percent",
        "polarity": "lower",
        "coverage": "financial-year",
        "source": DFE_CLA,
    },
    {
        "code": "cla-same-placement-2-years",
        "name": "Looked-after children in the same placement for 2 years",
        "definition": (
            "Children under 16 looked after for 2.5 years or more who had been in the same "
            "placement for at least 2 years, as a percentage of those children."
        ),
        "area": "looked-after",
        "unit": "percent",
        "polarity": "higher",
        "coverage": "snapshot",
        "source": DFE_CLA,
    },
    {
        "code": "care-leavers-eet",
        "name": "Care leavers in education, employment or training",
        "definition": (
            "Care leavers aged 19 to 21 in education, employment or training, as a percentage "
            "of all care leavers of that age."
        ),
        "area": "looked-after",
        "unit": "percent",
        "polarity": "higher",
        "coverage": "financial-year",
        "source": DFE_CARE_LEAVERS,
    },
    {
        "code": "care-leavers-suitable-accommodation",
        "name": "Care leavers in suitable accommodation",
        "definition": (
            "Care leavers aged 19 to 21 in accommodation considered suitable, as a percentage "
            "of all care leavers of that age."
        ),
        "area": "looked-after",
        "unit": "percent",
        "polarity": "higher",
        "coverage": "financial-year",
        "source": DFE_CARE_LEAVERS,
    },
    {
        "code": "sw-turnover-rate",
        "name": "Social worker turnover rate",
        "definition": (
            "Children and family social workers (FTE) who left in the year, as a percentage "
            "of those in post at the year's end."
        ),
        "area": "workforce",
        "unit": "percent",
        "polarity": "lower",
        "coverage": "rolling-12",
        "source": DFE_WORKFORCE,
    },
    {
        "code": "sw-agency-rate",
        "name": "Agency social worker rate",
        "definition": (
            "Agency children and family social workers (FTE), as a percentage of agency and "
            "permanent social workers together." + WORKFORCE_NOTE
        ),
        "area": "workforce",
        "unit": "percent",
        "polarity": "lower",
        "coverage": "snapshot",
        "source": DFE_WORKFORCE,
    },
    {
        "code": "sw-vacancy-rate",
        "name": "Social worker vacancy rate",
        "definition": (
            "Vacant children and family social worker posts (FTE), as a percentage of vacant "
            "posts and social workers in post together." + WORKFORCE_NOTE
        ),
        "area": "workforce",
        "unit": "percent",
        "polarity": "lower",
        "coverage": "snapshot",
        "source": DFE_WORKFORCE,
    },
    {
        "code": "sw-average-caseload",
        "name": "Average caseload of case-holding social workers",
        "definition": (
            "Cases held by case-holding children and family social workers, divided by their "
            "FTE." + WORKFORCE_NOTE
        ),
        "area": "workforce",
        "unit": "average",
        "polarity": "lower",
        "coverage": "snapshot",
        "source": DFE_WORKFORCE,
    },
]

# Free-text bases, read as a coverage: the first pattern found wins (most specific first).
_COVERAGE_PATTERNS = [
    (r"rolling|in the year to|12 months to", "rolling-12"),
    (r"year to date|\bytd\b|cumulative", "year-to-date"),
    (r"financial year|\byear\b", "financial-year"),
    (r"quarter|\bq[1-4]\b", "quarter"),
    (r"snapshot|\bat \d|\bat 3\d|\bas at\b", "snapshot"),
]


def coverage_from(basis: str) -> str:
    """The coverage choice a free-text basis names, or "" where it names none."""
    text = basis.lower()
    for pattern, coverage in _COVERAGE_PATTERNS:
        if re.search(pattern, text):
            return coverage
    return ""


def load_catalogue(indicator_model) -> None:
    """Adds every catalogue indicator not yet present; one already there is left as it is."""
    existing = set(indicator_model.objects.values_list("code", flat=True))
    indicator_model.objects.bulk_create(
        [
            indicator_model(decimals=1, order=order, **row)
            for order, row in enumerate(NATIONAL, start=1)
            if row["code"] not in existing
        ]
    )
