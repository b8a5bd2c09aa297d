"""A figure's benchmark is the latest published for a period ending before it, said as such."""

from decimal import Decimal

import pytest

from scorecards.models import ComparatorValue
from scorecards.selectors import council_scorecard
from scorecards.selectors.indicators import benchmarks_for
from scorecards.tables import _comparator
from scrutiny.models import Period
from tests.factories.scorecards import IndicatorFactory, IndicatorValueFactory
from tests.factories.scrutiny import AuthorityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def figure(db):
    indicator = IndicatorFactory(code="cin-rate", unit="rate", decimals=1)
    authority = AuthorityFactory(region="south-east")
    IndicatorValueFactory(
        indicator=indicator,
        authority=authority,
        period=Period.quarter(2020, 3),
        reported_value=Decimal("12.0"),
    )
    for year in range(2012, 2020):
        for kind, region in (("england", ""), ("region", "south-east"), ("region", "london")):
            ComparatorValue.objects.create(
                indicator=indicator,
                period=Period.year(year),
                kind=kind,
                region=region,
                value=Decimal(year - 2009),
            )
    return indicator, authority


def test_only_the_latest_earlier_benchmark_of_each_kind_is_read(figure):
    indicator, authority = figure
    found = benchmarks_for(authority, Period.quarter(2020, 3), [indicator.pk])[indicator.pk]
    assert sorted((c.kind, c.region, c.period.label) for c in found) == [
        ("england", "", "2019/20"),
        ("region", "south-east", "2019/20"),
    ]


def test_the_scorecard_shows_england_2019_20_beside_q3_2020_21(figure, django_assert_num_queries):
    indicator, authority = figure
    card = council_scorecard(authority, Period.quarter(2020, 3).slug, threshold=None)
    (row,) = card.rows
    assert (row.england.period.label, row.england.value) == ("2019/20", Decimal("10"))
    assert "(2019/20)" in _comparator(row.england, indicator, Period.quarter(2020, 3))
    # The read does not grow with the years of benchmarks behind it.
    for year in range(2000, 2012):
        ComparatorValue.objects.create(
            indicator=indicator, period=Period.year(year), kind="england", value=Decimal(1)
        )
    quarter = Period.quarter(2020, 3)
    with django_assert_num_queries(1):
        found = benchmarks_for(authority, quarter, [indicator.pk])[indicator.pk]
    assert len(found) == 2
