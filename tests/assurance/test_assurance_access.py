"""Every assurance page is for the council's signed-in users only."""

import pytest
from django.urls import reverse

from tests.factories.scrutiny import AuditFactory, InspectionFactory, RecommendationFactory

LISTS = [
    "assurance:home",
    "assurance:complaint_summary",
    "assurance:audit_list",
    "assurance:inspection_list",
    "assurance:recommendation_list",
    "assurance:contact_list",
    "assurance:data_quality_list",
]


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize(
    ("reader", "status"),
    [("anonymous", 302), ("stranger", 403), ("officer", 200), ("member", 200)],
)
def test_who_may_open_each_assurance_page(request, client, authority, name, reader, status):
    if reader != "anonymous":
        client.force_login(request.getfixturevalue(reader))
    response = client.get(reverse(name, kwargs={"authority": authority.slug}))
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/accounts/login/")


DETAILS = [
    ("assurance:audit_detail", AuditFactory),
    ("assurance:inspection_detail", InspectionFactory),
    ("assurance:recommendation_detail", RecommendationFactory),
]


@pytest.mark.parametrize(("name", "factory"), DETAILS)
@pytest.mark.parametrize(
    ("reader", "status"),
    [("anonymous", 302), ("stranger", 403), ("officer", 200), ("member", 200)],
)
def test_who_may_open_each_assurance_detail(
    request, client, authority, name, factory, reader, status
):
    row = factory(authority=authority)
    if reader != "anonymous":
        client.force_login(request.getfixturevalue(reader))
    url = reverse(name, kwargs={"authority": authority.slug, "pk": row.pk})
    assert client.get(url).status_code == status


@pytest.mark.parametrize(("name", "factory"), DETAILS)
def test_another_councils_row_is_404(officer_client, authority, other_authority, name, factory):
    theirs = factory(authority=other_authority)
    url = reverse(name, kwargs={"authority": authority.slug, "pk": theirs.pk})
    assert officer_client.get(url).status_code == 404
