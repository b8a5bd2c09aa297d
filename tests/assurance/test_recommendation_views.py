"""The recommendation tracker: latest status as a worded tag, filters, status history."""

from django.urls import reverse

from scrutiny.models import Period
from tests.factories.scrutiny import (
    RecommendationFactory,
    RecommendationUpdateFactory,
    TeamFactory,
)


def list_url(authority, query=""):
    return reverse("assurance:recommendation_list", kwargs={"authority": authority.slug}) + query


def test_it_shows_rationale_recommendation_and_the_latest_status(officer_client, authority):
    rec = RecommendationFactory(
        authority=authority,
        source="2013/14 Annual Review",
        area="Early Help",
        rationale="Re-referral rates were showing as red in September 2014.",
        text="Review and re-design the quality assurance processes",
    )
    RecommendationUpdateFactory(recommendation=rec, period=Period.year(2013), status="in-progress")
    RecommendationUpdateFactory(recommendation=rec, period=Period.year(2014), status="partially")
    body = officer_client.get(list_url(authority)).content.decode()
    assert "Re-referral rates were showing as red" in body
    assert "Review and re-design the quality assurance processes" in body
    assert '<strong class="govuk-tag govuk-tag--yellow">Partially achieved</strong>' in body
    assert 'govuk-tag--blue">In progress' not in body


def test_it_filters_by_source_area_team_and_status(officer_client, authority):
    team = TeamFactory(authority=authority, name="Here 4 U")
    a = RecommendationFactory(
        authority=authority, source="2013/14 Annual Review", area="Placements", text="Rec A"
    )
    b = RecommendationFactory(
        authority=authority, source="Strategic focus 2015/16", team=team, text="Rec B"
    )
    RecommendationUpdateFactory(recommendation=a, status="achieved")
    RecommendationUpdateFactory(recommendation=b, status="not-achieved")

    def shown(query):
        body = officer_client.get(list_url(authority, query)).content.decode()
        return {t for t in ("Rec A", "Rec B") if t in body}

    assert shown("") == {"Rec A", "Rec B"}
    assert shown("?source=Strategic+focus+2015%2F16") == {"Rec B"}
    assert shown("?area=Placements") == {"Rec A"}
    assert shown(f"?team={team.pk}") == {"Rec B"}
    assert shown("?status=achieved") == {"Rec A"}
    assert shown("?status=not-achieved") == {"Rec B"}


def test_it_shows_only_this_councils_recommendations(officer_client, authority, other_authority):
    RecommendationFactory(authority=authority, text="Ours")
    RecommendationFactory(authority=other_authority, text="Theirs", source="Their review")
    body = officer_client.get(list_url(authority)).content.decode()
    assert ">Ours<" in body
    assert "Theirs" not in body
    assert "Their review" not in body  # nor in the source filter's choices


def test_the_detail_shows_status_per_period(officer_client, authority):
    rec = RecommendationFactory(authority=authority)
    RecommendationUpdateFactory(
        recommendation=rec, period=Period.quarter(2015, 1), status="in-progress"
    )
    RecommendationUpdateFactory(
        recommendation=rec, period=Period.quarter(2015, 2), status="achieved"
    )
    url = reverse(
        "assurance:recommendation_detail", kwargs={"authority": authority.slug, "pk": rec.pk}
    )
    body = officer_client.get(url).content.decode()
    assert body.index("Q1 2015/16") < body.index("Q2 2015/16")
    assert '<strong class="govuk-tag govuk-tag--blue">In progress</strong>' in body
    assert '<strong class="govuk-tag govuk-tag--green">Achieved</strong>' in body


def test_the_list_costs_the_same_for_1_and_10_recommendations(
    officer_client, authority, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            rec = RecommendationFactory(authority=authority, team=TeamFactory(authority=authority))
            RecommendationUpdateFactory(recommendation=rec)

    add(1)
    # savepoint and release, council, session, user, can_view_data for the page, the
    # navigation and the table, sources and areas for the filter, teams for the filter,
    # count (filter and paginator), recommendations with their latest status
    with django_assert_num_queries(11):
        assert officer_client.get(list_url(authority)).status_code == 200
    add(9)
    with django_assert_num_queries(11):
        assert officer_client.get(list_url(authority)).status_code == 200
