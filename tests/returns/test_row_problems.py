"""All of a row's problems at once: every rule that applies to a row reports on the same
save, whatever kind of section it is, in the web form and the spreadsheet upload alike."""

import re

import pytest

from tests.factories.returns import section_post
from tests.returns.test_more_sections import STORED, everything  # noqa: F401 - a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("breakdown_lists")]

URL = "/wokingham/returns/2014-15-q4/{}/"
AMBLESIDE = "Ambleside Social Work Team"
FIRST = "Social workers"
DATE = {"completed_on_day": "3", "completed_on_month": "4", "completed_on_year": "2015"}

# slug: (row, cells typed, the two messages the first save shows)
TWO_PROBLEMS = {
    "workforce": (
        FIRST,
        {"total_reported": "15", "permanent": "six", "agency": "19", "vacancies": "-3"},
        [
            "Permanent for Social workers must be a number, like 12",
            "Agency (19) is 19, more than the 15 in post given",
            "Vacancies for Social workers cannot be less than 0",
        ],
    ),
    "starters-leavers": (
        FIRST,
        {"starters": "-1", "leavers": "2", "reason_retired": "3"},
        [
            "Starters for Social workers cannot be less than 0",
            "Left: retired (3) is 3, more than the 2 leavers given",
        ],
    ),
    "caseloads": (
        AMBLESIDE,
        {"cases_held": "-4", "case_holding_fte": "1.234"},
        [
            "Cases held for Ambleside Social Work Team cannot be less than 0",
            "Workers holding cases (FTE) for Ambleside Social Work Team must have no more "
            "than 2 decimal places",
        ],
    ),
    "practice": (
        "1. Aspect 1",
        {"score": "11", "cases_audited": "-2"},
        [
            "Average score for 1. Aspect 1 must be between 0 and 10",
            "Cases audited for 1. Aspect 1 cannot be less than 0",
        ],
    ),
    "indicators": (
        "Assessments in time",
        {"numerator": "60", "denominator": "50", "reported_value": "150"},
        [
            "Numerator for Assessments in time (60) cannot be more than the denominator (50)",
            "Value for Assessments in time must be between 0 and 100",
        ],
    ),
    "complaint-themes": (
        "New theme 1",
        {"theme": "", "context": "x" * 2001, "action": "Weekly review"},
        [
            "Enter the theme for New theme 1",
            "Context for New theme 1 must be 2,000 characters or fewer",
        ],
    ),
    "audits": (
        "New audit 1",
        {"title": "CIN audit", **DATE, "cases_audited": "-1"},
        [
            "Completed on for CIN audit must be between 1 January 2015 and 31 March 2015",
            "Cases audited for CIN audit cannot be less than 0",
        ],
    ),
    "programmes": (
        "PiP: 1. Family group conferencing",
        {"rag": "purple", "done": "x" * 2001},
        [
            "RAG for PiP: 1. Family group conferencing must be one of: Red, Amber, Green",
            "What have we done? for PiP: 1. Family group conferencing must be 2,000 "
            "characters or fewer",
        ],
    ),
    "compliments": (
        AMBLESIDE,
        {"count": "", "received_from": "x" * 201},
        [
            "Enter how many compliments Ambleside Social Work Team received",
            "From for Ambleside Social Work Team must be 200 characters or fewer",
        ],
    ),
    "recommendations": (
        "R1: Reduce agency use",
        {"status": "finished", "note": "x" * 2001},
        [
            "Status for R1: Reduce agency use must be one of: Achieved, Partially achieved, "
            "Not achieved, In progress",
            "Progress for R1: Reduce agency use must be 2,000 characters or fewer",
        ],
    ),
}


def summary(response) -> list[str]:
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', response.content.decode())


def stored():
    return [model.objects.count() for model in STORED]


@pytest.mark.parametrize("slug", TWO_PROBLEMS)
def test_a_row_with_two_problems_shows_both_on_the_first_save(
    as_user,
    draft,
    officer,
    everything,  # noqa: F811 - the fixture imported above
    slug,
):
    row, typed, messages = TWO_PROBLEMS[slug]
    before = stored()
    data = section_post(draft, slug, {(row, name): value for name, value in typed.items()})
    response = as_user(officer).post(URL.format(slug), data)
    assert response.status_code == 200
    assert summary(response) == messages
    assert stored() == before


def test_the_spreadsheet_shows_a_rows_problems_at_once_as_the_form_does(as_user, draft, officer):
    """The same row as the workforce case above, uploaded: the refused permanent figure and
    the agency over the whole, each at its own cell, and nothing applied."""
    from tests.returns.test_spreadsheet import download, row_of, upload

    client = as_user(officer)
    book = download(client)
    sheet = book["workforce"]
    row = row_of(sheet, FIRST)
    for column, value in ((3, 15), (4, "six"), (5, 19), (6, -3)):
        sheet.cell(row, column).value = value
    html = upload(client, book).content.decode()
    for column, message in (
        ("D", "Permanent for Social workers must be a number, like 12"),
        ("E", "Agency (19) is 19, more than the 15 in post given"),
        ("F", "Vacancies for Social workers cannot be less than 0"),
    ):
        assert f"Sheet “workforce”, row {row}, column {column}: {message}" in html
    assert stored() == [0] * len(STORED)


def test_a_section_field_refused_hides_none_of_the_sections_other_rules(as_user, draft, officer):
    """No basis chosen and a snapshot date outside the quarter: both are told at once."""
    data = section_post(
        draft,
        "workforce",
        basis="",
        as_at_day="1",
        as_at_month="4",
        as_at_year="2015",
    )
    response = as_user(officer).post(URL.format("workforce"), data)
    assert summary(response) == [
        "Select whether the figures are FTE or headcount",
        "The snapshot date must be between 1 January 2015 and 31 March 2015",
    ]
