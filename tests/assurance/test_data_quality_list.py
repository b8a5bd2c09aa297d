"""Recorded data-quality issues for the council."""

from django.urls import reverse

from tests.factories.scrutiny import DataQualityIssueFactory


def url(authority, query=""):
    return reverse("assurance:data_quality_list", kwargs={"authority": authority.slug}) + query


def test_it_lists_the_councils_issues_with_a_worded_status(
    officer_client, authority, other_authority
):
    DataQualityIssueFactory(
        authority=authority,
        area="Workforce",
        subject="Consultant practitioners: 19 (4) agency",
        description="The agency figure does not match the total.",
        source="Slough, March 2015",
    )
    DataQualityIssueFactory(authority=other_authority, subject="Their issue")
    body = officer_client.get(url(authority)).content.decode()
    assert "Consultant practitioners: 19 (4) agency" in body
    assert "The agency figure does not match the total." in body
    assert "Slough, March 2015" in body
    assert '<strong class="govuk-tag govuk-tag--orange">Open</strong>' in body
    assert "Their issue" not in body


def test_it_filters_by_status(officer_client, authority):
    DataQualityIssueFactory(authority=authority, subject="Still open")
    DataQualityIssueFactory(authority=authority, subject="Put right", status="resolved")
    body = officer_client.get(url(authority, "?status=resolved")).content.decode()
    assert "Put right" in body
    assert "Still open" not in body


def test_its_query_count_does_not_grow_with_issues(
    officer_client, authority, django_assert_num_queries
):
    DataQualityIssueFactory(authority=authority)
    # savepoint and release, council, session, user, can_view_data for the page, the
    # navigation and the table, count (filter and paginator), issues
    with django_assert_num_queries(8):
        assert officer_client.get(url(authority)).status_code == 200
    DataQualityIssueFactory.create_batch(9, authority=authority)
    with django_assert_num_queries(8):
        assert officer_client.get(url(authority)).status_code == 200
