"""Practice scorecards: aspects by rounds, with the average across all aspects per round."""

import datetime as dt
import re
from decimal import Decimal

from tests.factories.scorecards import (
    PracticeAspectFactory,
    PracticeScorecardFactory,
    PracticeScoreFactory,
)
from tests.factories.scrutiny import UserFactory

NOV_16 = dt.date(2016, 11, 30)
MAY_18 = dt.date(2018, 5, 31)


def list_url(authority):
    return f"/{authority.slug}/scorecards/practice/"


def detail_url(authority, scorecard):
    return f"/{authority.slug}/scorecards/practice/{scorecard.pk}/"


def rows(body):
    table = re.search(r"<tbody.*?</tbody>", body, re.S).group(0)
    found = []
    for row in table.split("</tr>")[:-1]:
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        found.append([re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return found


def wokingham_card(authority, aspects=7, illustrative=False):
    """Seven aspects scored in two rounds; round two is one point up on each."""
    card = PracticeScorecardFactory(authority=authority, name="Signs of Safety score card")
    for n in range(aspects):
        aspect = PracticeAspectFactory(scorecard=card, name=f"Aspect {n + 1}", order=n + 1)
        PracticeScoreFactory(
            aspect=aspect,
            assessed_on=NOV_16,
            score=Decimal(3 + n) / 2,
            is_illustrative=illustrative,
        )
        PracticeScoreFactory(
            aspect=aspect,
            assessed_on=MAY_18,
            score=Decimal(5 + n) / 2,
            is_illustrative=illustrative,
        )
    return card


def test_the_public_may_read_them(client, authority):
    card = wokingham_card(authority)
    for url in (list_url(authority), detail_url(authority, card)):
        assert client.get(url).status_code == 200
    body = client.get(detail_url(authority, card)).content.decode()
    table = rows(body[body.index("Scores by aspect and round") :])
    assert table[-1] == ["Average score across all 7 aspects", "3.0", "4.0"]


def test_an_officer_of_another_council_may_read_them(client, authority, other_authority):
    card = PracticeScorecardFactory(authority=authority)
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(list_url(authority)).status_code == 200
    assert client.get(detail_url(authority, card)).status_code == 200


def test_detail_is_404_for_another_councils_scorecard(officer_client, authority, other_authority):
    card = PracticeScorecardFactory(authority=other_authority)
    assert officer_client.get(detail_url(authority, card)).status_code == 404


def test_the_list_shows_only_this_councils_scorecards(officer_client, authority, other_authority):
    PracticeScorecardFactory(authority=authority, name="Ours")
    PracticeScorecardFactory(authority=other_authority, name="Theirs")
    body = officer_client.get(list_url(authority)).content.decode()
    assert ">Ours</a>" in body
    assert "Theirs" not in body


def test_the_list_gives_the_latest_rounds_average(officer_client, authority):
    wokingham_card(authority)
    cells = rows(officer_client.get(list_url(authority)).content.decode())[0]
    # Round two scores 2.5, 3, ... 5.5: their mean is 4.0.
    assert cells[1:] == ["Signs of Safety", "0 to 10", "7", "2", "31 May 2018", "4.0"]


def test_detail_averages_each_round_across_all_aspects(officer_client, authority):
    card = wokingham_card(authority)
    body = officer_client.get(detail_url(authority, card)).content.decode()
    table = rows(body[body.index("Scores by aspect and round") :])
    assert table[0] == ["Aspect 1", "1.5", "2.5"]
    assert table[6] == ["Aspect 7", "4.5", "5.5"]
    assert table[-1] == ["Average score across all 7 aspects", "3.0", "4.0"]


def test_detail_says_how_many_aspects_a_round_average_covers(officer_client, authority):
    card = wokingham_card(authority, aspects=2)
    late = PracticeAspectFactory(scorecard=card, name="Added later", order=9)
    PracticeScoreFactory(aspect=late, assessed_on=MAY_18, score=9)
    body = officer_client.get(detail_url(authority, card)).content.decode()
    table = rows(body[body.index("Scores by aspect and round") :])
    # Scores print to the places the most precise one needs: 9 beside 2.5 is 9.0.
    assert table[2] == ["Added later", "", "9.0"]
    # Round one: (1.5 + 2) / 2; round two: (2.5 + 3 + 9) / 3.
    assert table[-1] == ["Average score across all 3 aspects", "1.8 (2 of 3 scored)", "4.8"]


def test_detail_marks_illustrative_scores_in_words(officer_client, authority):
    card = wokingham_card(authority, aspects=1, illustrative=True)
    body = officer_client.get(detail_url(authority, card)).content.decode()
    assert "are stand-ins for figures the paper did not print" in body
    grid = rows(body[body.index("Scores by aspect and round") :])
    assert grid[0] == ["Aspect 1", "1.5 (illustrative)", "2.5 (illustrative)"]
    assert grid[-1][1] == "1.5 (illustrative)"


def test_list_query_count_does_not_grow_with_rows(
    officer_client, authority, django_assert_num_queries
):
    wokingham_card(authority, aspects=1)
    with django_assert_num_queries(8):
        assert officer_client.get(list_url(authority)).status_code == 200
    for _ in range(9):
        wokingham_card(authority, aspects=1)
    with django_assert_num_queries(8):
        assert officer_client.get(list_url(authority)).status_code == 200


def test_detail_query_count_does_not_grow_with_aspects(
    officer_client, authority, django_assert_num_queries
):
    card = wokingham_card(authority, aspects=1)
    with django_assert_num_queries(9):
        assert officer_client.get(detail_url(authority, card)).status_code == 200
    for n in range(9):
        aspect = PracticeAspectFactory(scorecard=card, order=20 + n)
        PracticeScoreFactory(aspect=aspect, assessed_on=NOV_16)
    with django_assert_num_queries(9):
        assert officer_client.get(detail_url(authority, card)).status_code == 200


def charts(body):
    return re.findall(r"<figure.*?</figure>", body, re.S)


def test_detail_draws_seed_000s_missing_average_chart_and_the_aspects(client, authority):
    card = wokingham_card(authority)
    body = client.get(detail_url(authority, card)).content.decode()
    average, aspects = charts(body)
    assert "Average score across all 7 aspects of the score card</figcaption>" in average
    assert 'alt="Average score rose from 3.0 in November 2016 to 4.0 in May 2018."' in average
    assert "Scores for each aspect of the Signs of Safety score card</figcaption>" in aspects
    assert (
        'alt="Scores for each aspect of the Signs of Safety score card, 7 series from ' in aspects
    )
    # The average chart's figures sit beside it; the aspects' are the page's main table.
    assert rows(body[body.index("the chart’s figures") :]) == [
        ["Nov 2016", "3.0"],
        ["May 2018", "4.0"],
    ]
    assert "The figures are in the table of scores by aspect and round below." in body
    for src in re.findall(r'<img src="([^"]+)"', body):
        assert src.startswith("/media/charts/")
        assert client.get(src)["Content-Type"] == "image/svg+xml"


def test_detail_says_in_words_beside_the_chart_that_figures_are_illustrative(
    officer_client, authority
):
    card = wokingham_card(authority, illustrative=True)
    body = officer_client.get(detail_url(authority, card)).content.decode()
    note = "Some figures in this chart are illustrative"
    assert body.count(note) == 2
    assert body.index(note) < body.index("<figure")


def test_detail_without_scores_draws_no_chart(officer_client, authority):
    card = PracticeScorecardFactory(authority=authority)
    body = officer_client.get(detail_url(authority, card)).content.decode()
    assert "<figure" not in body
    assert "No scores recorded yet." in body
