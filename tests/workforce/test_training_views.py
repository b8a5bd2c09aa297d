"""Training completed by course, and the share of staff trained."""

import re

import pytest

from tests.factories.scrutiny import UserFactory
from tests.factories.workforce import (
    TrainingCompletionFactory,
    TrainingCourseFactory,
    TrainingCoverageFactory,
)

COMPLETIONS = "/{}/workforce/training/"
COVERAGE = "/{}/workforce/training/coverage/"


def row_of(body, label):
    match = re.search(rf"<tr[^>]*>\s*<td[^>]*>{label}</td>(.*?)</tr>", body, re.S)
    assert match, f"no row for {label}"
    cells = re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells]


@pytest.mark.parametrize("page", [COMPLETIONS, COVERAGE])
def test_it_sends_the_public_to_sign_in(client, authority, page):
    response = client.get(page.format(authority.slug))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("page", [COMPLETIONS, COVERAGE])
def test_it_refuses_an_officer_of_another_council(client, authority, other_authority, page):
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(page.format(authority.slug)).status_code == 403


def test_completions_show_only_this_councils_rows(officer_client, authority, other_authority):
    TrainingCompletionFactory(authority=authority, course=TrainingCourseFactory(name="Ours"))
    TrainingCompletionFactory(
        authority=other_authority, course=TrainingCourseFactory(name="Theirs")
    )
    body = officer_client.get(COMPLETIONS.format(authority.slug)).content.decode()
    assert ">Ours<" in body
    assert "Theirs" not in body


def test_completions_show_completed_and_planned(officer_client, authority):
    course = TrainingCourseFactory(name="Signs of Safety 5-day enhanced")
    TrainingCompletionFactory(authority=authority, course=course, completed=155, planned=65)
    body = officer_client.get(COMPLETIONS.format(authority.slug)).content.decode()
    cells = row_of(body, "Signs of Safety 5-day enhanced")
    assert cells[1:4] == ["1 September 2018 to 1 November 2018", "155", "65"]


def test_completions_leave_an_unknown_plan_blank(officer_client, authority):
    course = TrainingCourseFactory(name="Signs of Safety 2-day basic")
    TrainingCompletionFactory(authority=authority, course=course, completed=72, planned=None)
    body = officer_client.get(COMPLETIONS.format(authority.slug)).content.decode()
    assert row_of(body, "Signs of Safety 2-day basic")[2:4] == ["72", ""]


def test_coverage_is_computed_from_counts_or_shown_as_reported(officer_client, authority):
    TrainingCoverageFactory(
        authority=authority,
        course=TrainingCourseFactory(name="Computed course"),
        staff_trained=72,
        staff_in_scope=106,
        reported_percent=None,
    )
    TrainingCoverageFactory(
        authority=authority,
        course=TrainingCourseFactory(name="Reported course"),
        reported_percent=68,
    )
    body = officer_client.get(COVERAGE.format(authority.slug)).content.decode()
    assert row_of(body, "Computed course")[2:5] == ["72", "106", "67.9%"]
    assert row_of(body, "Computed course")[5] == "Computed from counts"
    assert row_of(body, "Reported course")[2:5] == ["", "", "68%"]
    assert row_of(body, "Reported course")[5] == "As reported"


def test_coverage_shows_only_this_councils_rows(officer_client, authority, other_authority):
    TrainingCoverageFactory(authority=authority, course=TrainingCourseFactory(name="Ours"))
    TrainingCoverageFactory(authority=other_authority, course=TrainingCourseFactory(name="Theirs"))
    body = officer_client.get(COVERAGE.format(authority.slug)).content.decode()
    assert ">Ours<" in body
    assert "Theirs" not in body


@pytest.mark.parametrize(
    ("page", "factory", "expected"),
    [(COMPLETIONS, TrainingCompletionFactory, 9), (COVERAGE, TrainingCoverageFactory, 9)],
)
def test_its_query_count_does_not_grow_with_rows(
    officer_client, authority, django_assert_num_queries, page, factory, expected
):
    factory(authority=authority)
    with django_assert_num_queries(expected):
        assert officer_client.get(page.format(authority.slug)).status_code == 200
    for _ in range(9):
        factory(authority=authority)
    with django_assert_num_queries(expected):
        assert officer_client.get(page.format(authority.slug)).status_code == 200
