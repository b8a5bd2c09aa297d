"""Where a paper printed another figure than its own counts give, the pages say so beside it.

Slough's March 2014 table prints 48% permanent social workers; its counts, 36 permanent of
74, give 48.6%. The product shows 48.6% and flags the 48.
"""

import json

from scrutiny.models import Period
from tests.factories.scorecards import IndicatorFactory, IndicatorValueFactory
from tests.scorecards.test_indicator_detail import rows, table_after
from tests.scorecards.test_indicator_list import row_of

NOTE = "The paper printed 48%, but 36 of 74 is 48.6%."


def slough_social_workers(authority, *, numerator=36, denominator=74, printed=48):
    indicator = IndicatorFactory(
        code="percent-permanent-social-workers",
        name="Permanent social workers",
        unit="percent",
        decimals=1,
    )
    IndicatorValueFactory(
        indicator=indicator,
        authority=authority,
        period=Period.month(2014, 3),
        numerator=numerator,
        denominator=denominator,
        reported_value=printed,
    )
    return indicator


def test_the_scorecard_shows_the_computed_figure_and_flags_the_printed_one(client, authority):
    slough_social_workers(authority)
    [value, *_] = row_of(
        client.get(f"/{authority.slug}/scorecards/").content.decode(), "Permanent social workers"
    )
    assert value == f"48.6% Differs from the paper {NOTE}"


def test_the_indicator_page_flags_it_in_the_series(client, authority):
    indicator = slough_social_workers(authority)
    body = client.get(f"/{authority.slug}/scorecards/{indicator.code}/").content.decode()
    [row] = rows(table_after(body, "’s figures</h2>"))
    assert row[1] == "48.6%"
    assert row[4] == f"Computed from counts Differs from the paper {NOTE}"


def test_the_download_carries_the_note(client, authority):
    slough_social_workers(authority)
    data = json.loads(client.get(f"/{authority.slug}/scorecards/?format=json").content)
    assert data["rows"][0]["value"] == 48.6
    assert data["rows"][0]["printed_note"] == NOTE


def test_a_printed_figure_that_agrees_at_its_places_is_not_flagged(client, authority):
    slough_social_workers(authority, printed=49)  # 48.6 rounds to 49: the paper was right
    [value, *_] = row_of(
        client.get(f"/{authority.slug}/scorecards/").content.decode(), "Permanent social workers"
    )
    assert value == "48.6%"


def test_the_public_gets_no_note_that_would_quote_a_hidden_count(client, authority):
    # 3 agency of 10: 70% permanent, printed as 75%; the note would print the 7 and the 10.
    slough_social_workers(authority, numerator=7, denominator=10, printed=75)
    page = client.get(f"/{authority.slug}/scorecards/").content.decode()
    public = row_of(page, "Permanent social workers")
    assert public[0].startswith("c") and "paper" not in page
    data = json.loads(client.get(f"/{authority.slug}/scorecards/?format=json").content)
    assert data["rows"][0]["printed_note"] is None


def test_officers_get_the_note_with_the_small_count(officer_client, authority):
    slough_social_workers(authority, numerator=7, denominator=10, printed=75)
    page = officer_client.get(f"/{authority.slug}/scorecards/").content.decode()
    assert row_of(page, "Permanent social workers")[0] == (
        "70.0% Differs from the paper The paper printed 75%, but 7 of 10 is 70.0%."
    )
