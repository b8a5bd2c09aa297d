"""An indicator's page: definition, the council's series, comparators and targets."""

import re

from scrutiny.models import Period, Region
from tests.factories.scorecards import (
    ComparatorValueFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    TargetFactory,
)
from tests.factories.scrutiny import UserFactory

QUERIES = 11  # 10, and one for its figures by group


def url(authority, indicator):
    return f"/{authority.slug}/scorecards/{indicator.code}/"


def table_after(body, heading):
    start = body.index(heading)
    return body[start : body.index("</table>", start)]


def rows(html):
    found = []
    for row in re.findall(r"<tbody.*?</tbody>", html, re.S)[0].split("</tr>")[:-1]:
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        found.append([re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return found


def test_the_public_may_read_it(client, authority):
    indicator = IndicatorFactory(name="Re-referrals")
    response = client.get(url(authority, indicator))
    assert response.status_code == 200
    assert "Re-referrals" in response.content.decode()


def test_an_officer_of_another_council_may_read_it_too(client, authority, other_authority):
    indicator = IndicatorFactory()
    client.force_login(UserFactory(role="officer", authorities=[other_authority]))
    assert client.get(url(authority, indicator)).status_code == 200


def test_it_is_404_for_another_councils_local_indicator(officer_client, authority, other_authority):
    theirs = IndicatorFactory(is_local=True, owner=other_authority)
    IndicatorValueFactory(indicator=theirs, authority=other_authority)
    assert officer_client.get(url(authority, theirs)).status_code == 404


def test_a_national_indicator_is_shown_even_without_a_value(officer_client, authority):
    national = IndicatorFactory(name="Re-referrals within 12 months", is_local=False)
    body = officer_client.get(url(authority, national)).content.decode()
    assert "Re-referrals within 12 months" in body
    assert "No figures recorded." in body


def test_it_shows_the_definition_unit_polarity_and_basis(officer_client, authority):
    indicator = IndicatorFactory(
        definition="Contacts with a decision within one working day.",
        unit="percent",
        polarity="higher",
        basis="Contacts in the month",
    )
    body = officer_client.get(url(authority, indicator)).content.decode()
    for text in [
        "Contacts with a decision within one working day.",
        "Per cent",
        "Higher is better",
        "Contacts in the month",
    ]:
        assert text in body


def test_it_shows_the_series_computed_or_as_reported(officer_client, authority):
    indicator = IndicatorFactory(decimals=1)
    IndicatorValueFactory(
        indicator=indicator,
        authority=authority,
        period=Period.month(2015, 1),
        reported_value="85.4",
        commentary="Before the new manager",
    )
    IndicatorValueFactory(
        indicator=indicator,
        authority=authority,
        period=Period.month(2015, 2),
        reported_value=None,
        numerator=243,
        denominator=250,
    )
    body = officer_client.get(url(authority, indicator)).content.decode()
    series = rows(table_after(body, "’s figures</h2>"))
    assert series[0][:5] == ["January 2015", "85.4%", "", "", "As reported"]
    assert series[0][-1] == "Before the new manager"
    assert series[1][:5] == ["February 2015", "97.2%", "243", "250", "Computed from counts"]
    commentary = body[body.index(">Commentary</h2>") :]
    assert "January 2015</dt>" in commentary
    assert "Before the new manager" in commentary


def test_it_compares_with_england_the_region_and_neighbours(
    officer_client, authority, other_authority
):
    indicator = IndicatorFactory(decimals=1)
    year = Period.year(2014)
    IndicatorValueFactory(
        indicator=indicator, authority=authority, period=year, reported_value="20.1"
    )
    ComparatorValueFactory(indicator=indicator, period=year, kind="england", value="22.3")
    ComparatorValueFactory(
        indicator=indicator, period=year, kind="region", region=Region.SOUTH_EAST, value="21.4"
    )
    ComparatorValueFactory(
        indicator=indicator, period=year, kind="region", region=Region.LONDON, value="99.9"
    )
    ComparatorValueFactory(
        indicator=indicator, period=year, kind="neighbours", authority=authority, value="19.8"
    )
    ComparatorValueFactory(
        indicator=indicator, period=year, kind="neighbours", authority=other_authority, value="88.8"
    )
    body = officer_client.get(url(authority, indicator)).content.decode()
    comparison = table_after(body, "Compared with England")
    assert "South East" in comparison
    assert rows(comparison) == [["2014/15", "20.1%", "22.3%", "21.4%", "19.8%"]]


def test_it_lists_the_councils_targets_only(officer_client, authority, other_authority):
    indicator = IndicatorFactory(decimals=0, unit="average")
    TargetFactory(indicator=indicator, authority=authority, value=16)
    TargetFactory(
        indicator=indicator, authority=other_authority, value=12, period=Period.year(2015)
    )
    body = officer_client.get(url(authority, indicator)).content.decode()
    assert rows(table_after(body, '<h2 class="govuk-heading-m">Targets'))[0][:2] == [
        "2014/15",
        "16",
    ]
    assert "2015/16" not in body


def test_its_query_count_does_not_grow_with_rows(
    officer_client, authority, django_assert_num_queries
):
    indicator = IndicatorFactory()

    def add(year):
        period = Period.year(year)
        IndicatorValueFactory(indicator=indicator, authority=authority, period=period)
        ComparatorValueFactory(indicator=indicator, period=period)
        TargetFactory(indicator=indicator, authority=authority, period=period)

    add(2010)
    with django_assert_num_queries(QUERIES):
        assert officer_client.get(url(authority, indicator)).status_code == 200
    for year in range(2011, 2020):
        add(year)
    with django_assert_num_queries(QUERIES):
        assert officer_client.get(url(authority, indicator)).status_code == 200


def seven_years(authority, indicator):
    for year, value in [(2012, "33"), (2013, "20"), (2014, "14")]:
        IndicatorValueFactory(
            indicator=indicator,
            authority=authority,
            period=Period.year(year),
            reported_value=value,
        )
    ComparatorValueFactory(indicator=indicator, period=Period.year(2014), value="16")


def test_it_draws_the_chart_in_a_figure_with_alt_text_caption_and_table(officer_client, authority):
    indicator = IndicatorFactory(name="Turnover", polarity="lower", decimals=0)
    seven_years(authority, indicator)
    body = officer_client.get(url(authority, indicator)).content.decode()
    figure = re.search(r"<figure.*?</figure>", body, re.S).group(0)
    alt = re.search(r'<img src="([^"]+)" alt="([^"]+)"', figure)
    assert alt.group(2).startswith(
        f"{authority.short_name} fell from 33% in 2012/13 to 14% in 2014/15."
    )
    assert "England 16% in 2014/15" in alt.group(2)
    assert "<figcaption" in figure and f"Turnover: {authority.short_name}" in figure
    table = table_after(body, "the chart’s figures")
    assert rows(table) == [
        ["2012/13", "33%", ""],
        ["2013/14", "20%", ""],
        ["2014/15", "14%", "16%"],
    ]
    # Signed in, the chart is the council's own, fetched only through its pages.
    assert alt.group(1).startswith(f"/{authority.slug}/scorecards/private/charts/")
    response = officer_client.get(alt.group(1))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"


def test_the_public_chart_is_public_and_the_same_for_any_outsider(
    client, authority, other_authority
):
    indicator = IndicatorFactory(name="Turnover", polarity="lower", decimals=0)
    seven_years(authority, indicator)
    body = client.get(url(authority, indicator)).content.decode()
    src = re.search(r'<img src="([^"]+)"', body).group(1)
    assert src.startswith("/media/charts/")
    assert client.get(src).status_code == 200


def small_counts(authority):
    indicator = IndicatorFactory(
        name="Children missing", unit="count", decimals=0, polarity="lower"
    )
    for month, value, commentary in [
        (1, 12, "Twelve in January."),
        (2, 3, "Three children, all from one family."),
        (3, 9, ""),
    ]:
        IndicatorValueFactory(
            indicator=indicator,
            authority=authority,
            period=Period.month(2015, month),
            reported_value=value,
            commentary=commentary,
        )
    return indicator


def test_the_public_never_sees_a_small_count_anywhere_on_the_page(client, authority):
    indicator = small_counts(authority)
    body = client.get(url(authority, indicator)).content.decode()
    series = rows(table_after(body, "’s figures</h2>"))
    assert [row[:2] for row in series] == [
        ["January 2015", "12"],
        ["February 2015", "c (not shown: a small number)"],
        ["March 2015", "9"],
    ]
    assert rows(table_after(body, "the chart’s figures")) == [
        ["January 2015", "12"],
        ["February 2015", "c"],
        ["March 2015", "9"],
    ]
    alt = re.search(r'alt="([^"]+)"', body).group(1)
    assert alt == (
        f"{authority.short_name} fell from 12 in January 2015 to 9 in March 2015 "
        "(no figure for February 2015)."
    )
    assert "Three children" not in body
    assert "Commentary on a figure shown as “c” is not shown." in body
    assert not re.search(r">\s*3\s*<", body)
    # Nor in the chart the page points to.
    svg = client.get(re.search(r'<img src="([^"]+)"', body).group(1))
    drawn = b"".join(svg.streaming_content).decode()
    assert "(no figure for February 2015)" in drawn
    assert "to 3 in" not in drawn and "from 3 in" not in drawn


def test_officers_see_the_small_count_on_the_page_and_in_the_chart(officer_client, authority):
    indicator = small_counts(authority)
    body = officer_client.get(url(authority, indicator)).content.decode()
    assert rows(table_after(body, "’s figures</h2>"))[1][:2] == ["February 2015", "3"]
    assert rows(table_after(body, "the chart’s figures"))[1] == ["February 2015", "3"]
    assert "Three children, all from one family." in body
    alt = re.search(r'alt="([^"]+)"', body).group(1)
    assert "no figure for February" not in alt


def test_the_public_does_not_see_a_small_numerator_or_its_rate(client, authority):
    indicator = IndicatorFactory(name="Repeat plans")
    IndicatorValueFactory(
        indicator=indicator, authority=authority, reported_value=None, numerator=4, denominator=40
    )
    body = client.get(url(authority, indicator)).content.decode()
    assert rows(table_after(body, "’s figures</h2>"))[0][1:4] == [
        "c (not shown: a small number)",
        "c (not shown: a small number)",
        "40",
    ]
    assert "10.0%" not in body


def test_the_public_page_cost_is_flat(client, authority, django_assert_num_queries):
    indicator = IndicatorFactory()
    IndicatorValueFactory(indicator=indicator, authority=authority, period=Period.year(2010))
    with django_assert_num_queries(8):
        assert client.get(url(authority, indicator)).status_code == 200
    for year in range(2011, 2020):
        IndicatorValueFactory(indicator=indicator, authority=authority, period=Period.year(year))
    with django_assert_num_queries(8):
        assert client.get(url(authority, indicator)).status_code == 200
