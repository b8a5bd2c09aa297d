"""The changes page words every change of every figure, and service-area limits hold on
the server for GET and POST."""

import pytest

from assurance.models import ComplaintCount
from tests.factories.returns import section_post
from tests.factories.scrutiny import ServiceAreaFactory, UserFactory

pytestmark = pytest.mark.django_db

BASE = "/wokingham/returns/2014-15-q4/"
AMBLESIDE, BRAMBLES = "Ambleside Social Work Team", "Brambles Social Work Team"


def test_the_changes_page_says_who_changed_what_from_what_to_what(as_user, draft, officer):
    officer.first_name, officer.last_name = "Sam", "Officer"
    officer.save()
    client = as_user(officer)
    cells = {("Social workers", "agency"): "4", ("Social workers", "permanent"): "10"}
    cells[("Social workers", "total_reported")] = "14"
    assert (
        client.post(BASE + "workforce/", section_post(draft, "workforce", cells)).status_code == 302
    )
    cells = {("Social workers", "agency"): "6", ("Social workers", "total_reported"): "16"}
    data = section_post(draft, "workforce", cells, commentary="Two agency staff joined.")
    assert client.post(BASE + "workforce/", data).status_code == 302
    page = client.get(BASE + "changes/").content.decode()
    assert "Sam Officer changed Agency for Social workers from 4 to 6 on " in page
    assert "Sam Officer entered Permanent for Social workers as 10 on " in page
    assert (
        "Sam Officer entered Commentary for the Workforce by role section as "
        "“Two agency staff joined.”" in page
    )
    assert page.index("from 4 to 6") < page.index("entered Agency for Social workers as 4")


def test_a_reader_sees_the_changes_but_an_outsider_does_not(as_user, draft, member, outsider):
    assert as_user(member).get(BASE + "changes/").status_code == 200
    assert as_user(outsider).get(BASE + "changes/").status_code in (403, 404)
    assert as_user(None).get(BASE + "changes/").status_code in (302, 403, 404)


@pytest.fixture
def limited(authority, teams):
    """An officer limited to Ambleside's service area."""
    area = ServiceAreaFactory(authority=authority, name="Children in need")
    teams[0].service_area = area
    teams[0].save()
    user = UserFactory(username="limited", role="officer", authorities=[authority])
    user.service_areas.add(area)
    return user


def test_a_limited_officer_edits_only_teams_in_their_areas(as_user, draft, limited, teams):
    client = as_user(limited)
    page = client.get(BASE + "complaints/").content.decode()
    assert 'name="rows-0-stage_early"' in page
    assert 'name="rows-1-stage_early"' not in page
    assert "Not in your service areas: read only" in page
    data = section_post(draft, "complaints", {(AMBLESIDE, "stage_early"): "2"})
    assert client.post(BASE + "complaints/", data).status_code == 302
    assert list(ComplaintCount.objects.values_list("team__name", "count")) == [(AMBLESIDE, 2)]
    # A forged post for the other team is refused, and nothing of it is saved.
    data = section_post(
        draft, "complaints", {(AMBLESIDE, "stage_early"): "3", (BRAMBLES, "stage_early"): "9"}
    )
    html = client.post(BASE + "complaints/", data).content.decode()
    assert f"You cannot change the figures for {BRAMBLES}: it is not in your service areas" in html
    assert list(ComplaintCount.objects.values_list("team__name", "count")) == [(AMBLESIDE, 2)]


def test_council_wide_sections_are_read_only_to_a_limited_officer(as_user, draft, limited):
    client = as_user(limited)
    page = client.get(BASE + "workforce/").content.decode()
    assert "Save and mark as completed" not in page
    data = section_post(draft, "workforce", {("Social workers", "agency"): "4"})
    assert client.post(BASE + "workforce/", data).status_code == 403
