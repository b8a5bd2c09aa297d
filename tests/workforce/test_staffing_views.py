"""Staffing list and detail pages: who may see them, what they show, what they cost."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.scrutiny import UserFactory
from tests.factories.workforce import RoleFactory, StaffingFigureFactory


def list_url(authority):
    return f"/{authority.slug}/workforce/staffing/"


def test_it_sends_the_public_to_sign_in(client, authority):
    response = client.get(list_url(authority))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_an_officer_of_another_council(client, authority, other_authority):
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(list_url(authority)).status_code == 403


def test_it_shows_only_this_councils_figures(officer_client, authority, other_authority):
    StaffingFigureFactory(authority=authority, permanent=4321, total_reported=None)
    StaffingFigureFactory(authority=other_authority, permanent=8765, total_reported=None)
    body = officer_client.get(list_url(authority)).content.decode()
    assert ">4321<" in body
    assert "8765" not in body


def test_it_computes_percent_permanent_and_flags_a_total_that_disagrees(officer_client, authority):
    StaffingFigureFactory(
        authority=authority,
        role=RoleFactory(name="Consultant Practitioners"),
        total_reported=15,
        permanent=6,
        agency=19,
    )
    body = officer_client.get(list_url(authority)).content.decode()
    assert "24.0%" in body  # 6 / (6 + 19)
    assert "but the total given is 15" in body


def test_its_query_count_does_not_grow_with_rows(officer_client, authority):
    StaffingFigureFactory(authority=authority)
    with CaptureQueriesContext(connection) as few:
        assert officer_client.get(list_url(authority)).status_code == 200
    for _ in range(10):
        StaffingFigureFactory(authority=authority)
    with CaptureQueriesContext(connection) as many:
        assert officer_client.get(list_url(authority)).status_code == 200
    assert len(many) == len(few)


def test_detail_is_404_for_another_councils_row(officer_client, authority, other_authority):
    row = StaffingFigureFactory(authority=other_authority)
    assert officer_client.get(f"/{authority.slug}/workforce/staffing/{row.pk}/").status_code == 404
