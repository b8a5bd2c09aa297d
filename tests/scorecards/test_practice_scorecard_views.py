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


def test_it_sends_the_public_to_sign_in(client, authority):
    card = PracticeScorecardFactory(authority=authority)
    for url in (list_url(authority), detail_url(authority, card)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_an_officer_of_another_council(client, authority, other_authority):
    card = PracticeScorecardFactory(authority=authority)
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(list_url(authority)).status_code == 403
    assert client.get(detail_url(authority, card)).status_code == 403


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
    table = rows(officer_client.get(detail_url(authority, card)).content.decode())
    assert table[0] == ["Aspect 1", "1.5", "2.5"]
    assert table[6] == ["Aspect 7", "4.5", "5.5"]
    assert table[-1] == ["Average score across all 7 aspects", "3.0", "4.0"]


def test_detail_says_how_many_aspects_a_round_average_covers(officer_client, authority):
    card = wokingham_card(authority, aspects=2)
    late = PracticeAspectFactory(scorecard=card, name="Added later", order=9)
    PracticeScoreFactory(aspect=late, assessed_on=MAY_18, score=9)
    table = rows(officer_client.get(detail_url(authority, card)).content.decode())
    # Scores print to the places the most precise one needs: 9 beside 2.5 is 9.0.
    assert table[2] == ["Added later", "", "9.0"]
    # Round one: (1.5 + 2) / 2; round two: (2.5 + 3 + 9) / 3.
    assert table[-1] == ["Average score across all 3 aspects", "1.8 (2 of 3 scored)", "4.8"]


def test_detail_marks_illustrative_scores_in_words(officer_client, authority):
    card = wokingham_card(authority, aspects=1, illustrative=True)
    body = officer_client.get(detail_url(authority, card)).content.decode()
    assert "are stand-ins for figures the paper did not print" in body
    assert rows(body)[0] == ["Aspect 1", "1.5 (illustrative)", "2.5 (illustrative)"]
    assert rows(body)[-1][1] == "1.5 (illustrative)"


def test_list_query_count_does_not_grow_with_rows(
    officer_client, authority, django_assert_num_queries
):
    wokingham_card(authority, aspects=1)
    with django_assert_num_queries(9):
        assert officer_client.get(list_url(authority)).status_code == 200
    for _ in range(9):
        wokingham_card(authority, aspects=1)
    with django_assert_num_queries(9):
        assert officer_client.get(list_url(authority)).status_code == 200


def test_detail_query_count_does_not_grow_with_aspects(
    officer_client, authority, django_assert_num_queries
):
    card = wokingham_card(authority, aspects=1)
    with django_assert_num_queries(10):
        assert officer_client.get(detail_url(authority, card)).status_code == 200
    for n in range(9):
        aspect = PracticeAspectFactory(scorecard=card, order=20 + n)
        PracticeScoreFactory(aspect=aspect, assessed_on=NOV_16)
    with django_assert_num_queries(10):
        assert officer_client.get(detail_url(authority, card)).status_code == 200
