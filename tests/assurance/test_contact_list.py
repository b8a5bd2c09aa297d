"""Contacts by channel per period with the total, and each channel's purposes."""

from decimal import Decimal

from django.urls import reverse

from scrutiny.models import Period
from tests.factories.scrutiny import ContactPurposeFactory, ContactVolumeFactory


def url(authority):
    return reverse("assurance:contact_list", kwargs={"authority": authority.slug})


def wiltshire(authority):
    month = Period.month(2012, 11)
    for channel, count in [("phone", 3735), ("email", 839), ("letter", 42)]:
        ContactVolumeFactory(
            authority=authority,
            period=month,
            channel=channel,
            count=count,
            measure="monthly-average",
        )
    for order, (channel, purpose, percent) in enumerate(
        [
            ("phone", "Calls for allocated cases", "59"),
            ("phone", "Calls reporting a concern", "19"),
            ("email", "Domestic violence notifications from the police", "63"),
        ]
    ):
        ContactPurposeFactory(
            authority=authority,
            period=month,
            channel=channel,
            purpose=purpose,
            percent=Decimal(percent),
            order=order,
        )


def test_it_totals_the_channels_and_lists_purposes(officer_client, authority):
    wiltshire(authority)
    response = officer_client.get(url(authority))
    (block,) = response.context["blocks"]
    assert block.total == 4616
    assert block.volumes == [
        ("Telephone calls", 3735, 81),
        ("Emails", 839, 18),
        ("Letters", 42, 1),
    ]
    body = response.content.decode()
    assert "November 2012" in body
    assert "average a month" in body
    assert ">4616<" in body
    assert "Calls for allocated cases" in body
    assert ">59%<" in body
    assert "Domestic violence notifications from the police" in body


def test_it_shows_only_this_councils_contacts(officer_client, authority, other_authority):
    ContactVolumeFactory(authority=authority, count=1234)
    ContactVolumeFactory(authority=other_authority, count=9876)
    body = officer_client.get(url(authority)).content.decode()
    assert ">1234<" in body
    assert "9876" not in body


def test_its_query_count_does_not_grow_with_periods(
    officer_client, authority, django_assert_num_queries
):
    def add(months):
        for month in months:
            period = Period.month(2012, month)
            ContactVolumeFactory(authority=authority, period=period)
            ContactPurposeFactory(authority=authority, period=period)

    add([1])
    # savepoint and release, council, session, user, can_view_data for the page and the
    # navigation, volumes, purposes
    with django_assert_num_queries(8):
        assert officer_client.get(url(authority)).status_code == 200
    add([2, 3, 4, 5, 6, 7, 8, 9, 10])
    with django_assert_num_queries(8):
        assert officer_client.get(url(authority)).status_code == 200
