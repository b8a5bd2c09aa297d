"""Starters and leavers: list and detail, with leavers by reason and those with none given."""

from tests.factories.scrutiny import UserFactory
from tests.factories.workforce import LeaverReasonFactory, StaffMovementFactory


def list_url(authority):
    return f"/{authority.slug}/workforce/movements/"


def detail_url(authority, movement):
    return f"/{authority.slug}/workforce/movements/{movement.pk}/"


def slough_movement(authority):
    """Slough, January 2014 to March 2015: 22 started, 14 left, 13 of them with a reason."""
    movement = StaffMovementFactory(authority=authority, starters=22, leavers=14)
    for reason, count in [
        ("Performance being monitored", 7),
        ("Retired", 3),
        ("Family reasons", 1),
        ("Promotion or professional development", 2),
    ]:
        LeaverReasonFactory(movement=movement, reason=reason, count=count)
    return movement


def test_it_sends_the_public_to_sign_in(client, authority):
    movement = StaffMovementFactory(authority=authority)
    for url in (list_url(authority), detail_url(authority, movement)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_an_officer_of_another_council(client, authority, other_authority):
    movement = StaffMovementFactory(authority=authority)
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(list_url(authority)).status_code == 403
    assert client.get(detail_url(authority, movement)).status_code == 403


def test_it_shows_only_this_councils_movements(officer_client, authority, other_authority):
    StaffMovementFactory(authority=authority, staff_group="Ours")
    StaffMovementFactory(authority=other_authority, staff_group="Theirs")
    body = officer_client.get(list_url(authority)).content.decode()
    assert ">Ours</a>" in body
    assert "Theirs" not in body


def test_it_shows_net_change_and_leavers_with_no_reason_given(officer_client, authority):
    slough_movement(authority)
    body = officer_client.get(list_url(authority)).content.decode()
    assert ">+8<" in body
    assert "Retired: 3" in body
    # 14 left; 7 + 3 + 1 + 2 = 13 have a reason, so 1 has none.
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1</td>' in body


def test_detail_shows_leavers_by_reason(officer_client, authority):
    movement = slough_movement(authority)
    body = officer_client.get(detail_url(authority, movement)).content.decode()
    assert "Leavers by reason" in body
    assert "1 January 2014" in body  # not 2014-01-01
    assert "Performance being monitored" in body
    assert '<dd class="govuk-summary-list__value">+8</dd>' in body
    assert '<dd class="govuk-summary-list__value">1</dd>' in body


def test_it_says_when_reasons_add_up_to_more_than_the_leavers(officer_client, authority):
    movement = StaffMovementFactory(authority=authority, leavers=2)
    LeaverReasonFactory(movement=movement, count=5)
    body = officer_client.get(list_url(authority)).content.decode()
    assert "the reasons add up to 3 more than the leavers" in body


def test_a_blank_count_stays_blank(officer_client, authority):
    StaffMovementFactory(authority=authority, starters=None, leavers=None)
    body = officer_client.get(list_url(authority)).content.decode()
    assert '<td class="govuk-table__cell govuk-table__cell--numeric"></td>' in body
    assert ">0<" not in body


def test_detail_is_404_for_another_councils_row(officer_client, authority, other_authority):
    movement = StaffMovementFactory(authority=other_authority)
    assert officer_client.get(detail_url(authority, movement)).status_code == 404


def test_list_query_count_does_not_grow_with_rows(
    officer_client, authority, django_assert_num_queries
):
    slough_movement(authority)
    with django_assert_num_queries(9):
        assert officer_client.get(list_url(authority)).status_code == 200
    for _ in range(9):
        slough_movement(authority)
    with django_assert_num_queries(9):
        assert officer_client.get(list_url(authority)).status_code == 200


def test_detail_query_count_does_not_grow_with_reasons(
    officer_client, authority, django_assert_num_queries
):
    movement = StaffMovementFactory(authority=authority)
    LeaverReasonFactory(movement=movement)
    with django_assert_num_queries(8):
        assert officer_client.get(detail_url(authority, movement)).status_code == 200
    for _ in range(9):
        LeaverReasonFactory(movement=movement)
    with django_assert_num_queries(8):
        assert officer_client.get(detail_url(authority, movement)).status_code == 200
