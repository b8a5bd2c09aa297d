"""Part 2: exempt titles and text reach members of the committee and officers, nobody else."""

import pytest
from django.urls import reverse

from tests.factories.scrutiny import (
    AgendaItemFactory,
    ReportFactory,
    ReportSectionFactory,
)

CANARY = "CANARY-7f3e-exempt"

ASSURANCE_PAGES = [
    "assurance:home",
    "assurance:complaint_summary",
    "assurance:audit_list",
    "assurance:inspection_list",
    "assurance:recommendation_list",
    "assurance:contact_list",
    "assurance:data_quality_list",
]


@pytest.fixture
def exempt_business(authority, committee, meeting):
    report = ReportFactory(
        authority=authority,
        committee=committee,
        published=True,
        is_exempt=True,
        exempt_paragraph=1,
        title=f"Placement of child X {CANARY}",
        summary=f"Summary naming the child {CANARY}",
    )
    ReportSectionFactory(report=report, body=f"<p>Narrative {CANARY}</p>")
    item = AgendaItemFactory(
        meeting=meeting,
        number=19,
        title=f"Placement of child X {CANARY}",
        public_title="Placement decision",
        description=f"Description {CANARY}",
        report=report,
        is_exempt=True,
        exempt_paragraph=1,
        exempt_reason="The public interest in keeping it exempt outweighs disclosure.",
    )
    return report, item


def _urls(authority, committee, meeting, report):
    slug = authority.slug
    urls = [
        reverse("committees:authority_home", kwargs={"authority": slug}),
        reverse("committees:committee_detail", kwargs={"authority": slug, "slug": committee.slug}),
        reverse("committees:meeting_detail", kwargs={"authority": slug, "pk": meeting.pk}),
        reverse("committees:report_list", kwargs={"authority": slug}),
        reverse("committees:report_detail", kwargs={"authority": slug, "pk": report.pk}),
    ]
    urls += [reverse(name, kwargs={"authority": slug}) for name in ASSURANCE_PAGES]
    return urls


def _assert_never_shown(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code in {200, 302, 403, 404}, url
        assert CANARY not in response.content.decode(), url


def test_it_hides_exempt_material_from_the_public(
    client, authority, committee, meeting, exempt_business
):
    report, _ = exempt_business
    _assert_never_shown(client, _urls(authority, committee, meeting, report))


def test_it_hides_exempt_material_from_a_user_of_another_council(
    stranger_client, authority, committee, meeting, exempt_business
):
    report, _ = exempt_business
    _assert_never_shown(stranger_client, _urls(authority, committee, meeting, report))


def test_it_shows_the_public_title_and_paragraph_but_not_the_report(
    client, authority, meeting, exempt_business
):
    """The public reads the public title and the paragraph; neither the report nor the
    council's public-interest reasoning about the exempt content."""
    report, _ = exempt_business
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert "Placement decision" in body
    assert "paragraph 1 of Schedule 12A to the Local Government Act 1972" in body
    assert "The public interest in keeping it exempt outweighs disclosure." not in body
    assert report.get_absolute_url() not in body
    assert "Part 2 – not for publication" not in body


def test_it_hides_an_exempt_title_from_the_public_when_no_public_title_was_given(client, meeting):
    AgendaItemFactory(
        meeting=meeting, title=f"Child X {CANARY}", is_exempt=True, exempt_paragraph=2
    )
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert CANARY not in body
    assert "Exempt item" in body


def test_it_hides_a_report_filed_under_an_exempt_item_though_not_itself_flagged(
    client, authority, committee, meeting
):
    report = ReportFactory(
        authority=authority, committee=committee, published=True, title=f"Open {CANARY}"
    )
    AgendaItemFactory(meeting=meeting, report=report, is_exempt=True, exempt_paragraph=1)
    assert client.get(report.get_absolute_url()).status_code == 404
    listing = client.get(reverse("committees:report_list", kwargs={"authority": authority.slug}))
    assert CANARY not in listing.content.decode()


@pytest.mark.parametrize("reader", ["member", "officer"])
def test_it_shows_exempt_material_to_the_committee_and_the_councils_officers(
    request, client, reader, authority, committee, meeting, exempt_business
):
    report, _ = exempt_business
    client.force_login(request.getfixturevalue(reader))
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    assert f"Placement of child X {CANARY}" in meeting_page
    assert f"Description {CANARY}" in meeting_page
    assert "Part 2 – not for publication" in meeting_page
    assert report.get_absolute_url() in meeting_page
    listing = client.get(reverse("committees:report_list", kwargs={"authority": authority.slug}))
    assert CANARY in listing.content.decode()
    detail = client.get(report.get_absolute_url()).content.decode()
    assert f"Narrative {CANARY}" in detail
    assert f"Summary naming the child {CANARY}" in detail
    assert "Part 2 – not for publication" in detail


def test_it_hides_exempt_material_from_a_councillor_not_on_the_committee(
    client, authority, meeting, exempt_business
):
    from tests.factories.scrutiny import UserFactory

    report, _ = exempt_business
    client.force_login(UserFactory(role="member", authorities=[authority]))
    assert CANARY not in client.get(meeting.get_absolute_url()).content.decode()
    assert client.get(report.get_absolute_url()).status_code == 404
