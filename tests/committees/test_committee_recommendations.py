"""A committee's recommendation tracker: public, each quarter's update in order, and the
recommendations of a Part 2 report only for those who may open that report."""

import pytest
from django.urls import reverse

from scrutiny.models import Period
from tests.factories.scrutiny import (
    RecommendationFactory,
    RecommendationUpdateFactory,
    ReportFactory,
)


@pytest.fixture
def page_url(authority, committee):
    return reverse(
        "committees:committee_recommendations",
        kwargs={"authority": authority.slug, "slug": committee.slug},
    )


def test_anyone_reads_the_tracker_with_updates_quarter_by_quarter(
    client, authority, committee, page_url
):
    rec = RecommendationFactory(
        authority=authority,
        committee=committee,
        text="Recruit permanent social workers",
        owner="Head of Service",
    )
    RecommendationUpdateFactory(
        recommendation=rec, period=Period.quarter(2015, 2), status="achieved", note="Done."
    )
    RecommendationUpdateFactory(
        recommendation=rec, period=Period.quarter(2015, 1), status="in-progress", note="Begun."
    )
    body = client.get(page_url).content.decode()
    assert "Recruit permanent social workers" in body
    assert "Head of Service" in body
    first, second = body.index("Begun."), body.index("Done.")
    assert first < second  # Q1 before Q2, whatever order they were entered in
    assert '<strong class="govuk-tag govuk-tag--green">Achieved</strong>' in body


def test_a_part_2_reports_recommendations_reach_only_those_entitled(
    client, authority, committee, page_url, member
):
    exempt = ReportFactory(
        authority=authority,
        committee=committee,
        published=True,
        is_exempt=True,
        exempt_paragraph=1,
    )
    RecommendationFactory(
        authority=authority, committee=committee, report=exempt, text="Secret placement step"
    )
    RecommendationFactory(authority=authority, committee=committee, text="Open step")
    public = client.get(page_url).content.decode()
    assert "Open step" in public
    assert "Secret placement step" not in public
    client.force_login(member)
    assert "Secret placement step" in client.get(page_url).content.decode()


def test_the_tracker_costs_the_same_for_1_and_20_recommendations(
    client, authority, committee, page_url, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            rec = RecommendationFactory(authority=authority, committee=committee)
            RecommendationUpdateFactory(recommendation=rec)

    add(1)
    # savepoint and release, council, committee, seats, recommendations, updates
    with django_assert_num_queries(7):
        client.get(page_url)
    add(19)
    with django_assert_num_queries(7):
        client.get(page_url)
