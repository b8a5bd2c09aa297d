"""Printed pages come from the layout alone: the agenda item form refuses a description
that types a page number or range, with the message next to the field, and saves nothing;
the demo loader refuses one too, through the same rule."""

import datetime as dt

import pytest
from django.urls import reverse

from committees.authoring.page_ranges import typed_page_reference
from committees.models import AgendaItem, Meeting
from demo.committees import _load_meeting
from tests.factories.scrutiny import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text, typed",
    [
        ("Pages 3 - 32 of the Public Document Pack.", "Pages 3 - 32"),
        ("See page 5.", "page 5"),
        ("pp. 3-32", "pp. 3-32"),
        ("Pages 3 to 32", "Pages 3 to 32"),
        ("The item number is illustrative: the seed paper does not give it.", None),
        ("Three pages of appendices.", None),
    ],
)
def test_the_rule_finds_a_typed_page_number_or_range_and_nothing_else(text, typed):
    assert typed_page_reference(text) == typed


def test_the_form_refuses_a_description_that_types_a_page_range(client, authority, committee):
    meeting = Meeting.objects.create(committee=committee, date=dt.date(2026, 12, 15))
    clerk = UserFactory(username="clerk-p", role="clerk", authorities=[authority])
    client.force_login(clerk)
    add = reverse(
        "committees:agenda_item_add", kwargs={"authority": authority.slug, "pk": meeting.pk}
    )
    typed = "Pages 3 - 32 of the Public Document Pack."
    response = client.post(
        add, {"kind": "report", "title": "Annual review", "wards": "All", "description": typed}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in body
    message = "Remove the page numbers: the pack prints each item&#x27;s pages from its layout"
    assert f'href="#id_description">{message}' in body  # in the error summary
    assert '<span id="id_description_1_error" class="govuk-error-message">' in body  # by the field
    assert typed in body  # what was typed is kept, not changed
    assert not AgendaItem.objects.exists()

    client.post(
        add,
        {"kind": "report", "title": "Annual review", "wards": "All", "description": "In full."},
    )
    assert meeting.items.get().description == "In full."


def test_the_demo_loader_refuses_a_typed_page_range(committee):
    data = {
        "date": "2015-07-21",
        "items": [{"number": 18, "title": "Annual review", "description": "Pages 3 - 32."}],
    }
    with pytest.raises(ValueError, match="Remove the page numbers"):
        _load_meeting(council=None, committee=committee, data=data)
    assert not Meeting.objects.exists()
