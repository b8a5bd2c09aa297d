"""The complaints page: who may see it, the pivot and year-on-year figures, what it costs."""

import pytest
from django.urls import reverse

from assurance.selectors import complaint_comparison, complaint_pivot
from scrutiny.formatting import percentage
from scrutiny.models import Period
from tests.factories.scrutiny import (
    ComplaintCountFactory,
    ComplaintThemeFactory,
    ComplimentFactory,
    TeamFactory,
)


def url(authority, **params):
    base = reverse("assurance:complaint_summary", kwargs={"authority": authority.slug})
    return base + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


@pytest.fixture
def teams(authority):
    return {
        name: TeamFactory(authority=authority, name=name)
        for name in ["Ambleside", "Brambles", "Here 4 U"]
    }


@pytest.fixture
def counts(authority, teams):
    this_year, last_year = Period.year(2014), Period.year(2013)
    for team, stage, count in [
        ("Ambleside", "early", 1),
        ("Ambleside", "stage-1", 2),
        ("Ambleside", "lgo", 0),
        ("Ambleside", "out-of-scope", 1),
        ("Brambles", "early", 6),
        ("Brambles", "stage-1", 1),
        ("Brambles", "stage-2", 0),
        ("Here 4 U", "all", 4),
    ]:
        ComplaintCountFactory(
            authority=authority, team=teams[team], period=this_year, stage=stage, count=count
        )
    # 2013/14 was recorded as a total per team only, as the annual review prints it.
    for team, count in [("Ambleside", 7), ("Brambles", 5)]:
        ComplaintCountFactory(
            authority=authority, team=teams[team], period=last_year, stage="all", count=count
        )


@pytest.mark.parametrize(
    ("reader", "status"),
    [("anonymous", 302), ("stranger", 403), ("officer", 200), ("member", 200)],
)
def test_who_may_see_complaints(request, client, authority, reader, status):
    if reader != "anonymous":
        client.force_login(request.getfixturevalue(reader))
    assert client.get(url(authority)).status_code == status


def test_the_pivot_keeps_blanks_blank_and_totals_rows_and_columns(authority, counts):
    pivot = complaint_pivot(authority, 2014)
    assert pivot.headers == [
        "Early Resolution",
        "Stage 1",
        "Stage 2",
        "Stage 3 panel",
        "LGO",
        "Out of Scope",
    ]
    rows = {row.team: (row.cells, row.total) for row in pivot.rows}
    assert rows["Ambleside"] == ([1, 2, None, None, 0, 1], 4)
    assert rows["Brambles"] == ([6, 1, 0, None, None, None], 7)
    # Recorded only as "all stages": no stage is known, but the team's total is.
    assert rows["Here 4 U"] == ([None] * 6, 4)
    assert pivot.totals == [7, 3, 0, None, 0, 1]
    assert pivot.total == 15


def test_the_page_prints_blank_cells_blank_and_a_zero_as_zero(officer_client, authority, counts):
    body = officer_client.get(url(authority)).content.decode()
    ambleside = body[body.index(">Ambleside</th>") : body.index("</tr>", body.index(">Ambleside"))]
    cells = ambleside.split('<td class="govuk-table__cell govuk-table__cell--numeric">')[1:]
    assert [c.split("</td>")[0] for c in cells] == ["1", "2", "", "", "0", "1", "4"]


def test_year_on_year_percentages_come_from_the_counts(authority, counts):
    comparison = complaint_comparison(authority, 2014)
    rows = {
        r.team: (r.previous, r.previous_percent, r.current, r.current_percent)
        for r in comparison.rows
    }
    assert rows["Ambleside"] == (7, 58, 4, 27)  # 7/12, 4/15
    assert rows["Brambles"] == (5, 42, 7, 47)  # 5/12, 7/15
    assert rows["Here 4 U"] == (None, None, 4, 27)
    assert (comparison.previous_total, comparison.current_total) == (12, 15)


def test_percentages_round_half_up_to_whole_numbers():
    assert percentage(1, 8, decimals=0) == 13  # 12.5
    assert percentage(3, 8, decimals=0) == 38  # 37.5
    assert percentage(1, 3, decimals=0) == 33
    assert percentage(None, 8, decimals=0) is None
    assert percentage(1, 0, decimals=0) is None


def test_a_year_recorded_by_year_and_by_quarter_is_not_counted_twice(authority, counts, teams):
    ComplaintCountFactory(
        authority=authority,
        team=teams["Ambleside"],
        period=Period.quarter(2014, 1),
        stage="early",
        count=50,
    )
    assert complaint_pivot(authority, 2014).total == 15


def test_it_defaults_to_the_latest_year_and_takes_another(officer_client, authority, counts):
    latest = officer_client.get(url(authority))
    assert latest.context["year"] == 2014
    assert "Complaints received in 2014/15 by team and stage" in latest.content.decode()
    earlier = officer_client.get(url(authority, year=2013))
    assert earlier.context["year"] == 2013
    assert earlier.context["pivot"].total == 12
    assert officer_client.get(url(authority, year="nonsense")).context["year"] == 2014


def test_it_shows_only_this_councils_complaints(officer_client, authority, other_authority):
    ComplaintCountFactory(authority=authority, count=3)
    ComplaintCountFactory(
        authority=other_authority, team=TeamFactory(authority=other_authority, name="Theirs")
    )
    response = officer_client.get(url(authority))
    assert response.context["pivot"].total == 3
    assert "Theirs" not in response.content.decode()


def test_it_shows_themes_and_compliments(officer_client, authority, teams, counts):
    ComplaintThemeFactory(
        authority=authority,
        theme="Confidentiality",
        context="Disclosure of confidential information.",
        action="Awareness sessions undertaken.",
    )
    ComplimentFactory(
        authority=authority,
        team=teams["Here 4 U"],
        count=4,
        received_from="Young people in care",
        about="Being listened to",
    )
    body = officer_client.get(url(authority)).content.decode()
    for text in [
        "Confidentiality",
        "Disclosure of confidential information.",
        "Awareness sessions undertaken.",
        "Young people in care",
        "Being listened to",
    ]:
        assert text in body


def test_its_query_count_does_not_grow_with_teams(
    officer_client, authority, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            team = TeamFactory(authority=authority)
            ComplaintCountFactory(authority=authority, team=team, stage="early", count=2)
            ComplimentFactory(authority=authority, team=team)
            ComplaintThemeFactory(authority=authority)

    add(1)
    # savepoint and release, council, session, user, years, pivot rows, comparison rows,
    # themes, compliments, and can_view_data for the page, the navigation and each of the
    # two tables (django-tables2 renders them with the context processors again)
    with django_assert_num_queries(11):
        assert officer_client.get(url(authority)).status_code == 200
    add(9)
    with django_assert_num_queries(11):
        assert officer_client.get(url(authority)).status_code == 200
