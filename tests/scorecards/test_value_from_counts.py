"""An indicator's value from its counts is scaled by its unit, by one formula."""

from decimal import Decimal

import pytest

from scorecards.models import Indicator
from tests.factories.scorecards import IndicatorFactory, IndicatorValueFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        # 273 children of 22,600 is 120.8 per 10,000 (it printed 0.0 when rates were ratios)
        (Indicator.Unit.RATE, Decimal("120.80")),
        (Indicator.Unit.PERCENT, Decimal("1.21")),
        (Indicator.Unit.AVERAGE, Decimal("0.01")),
    ],
)
def test_a_value_counted_as_numerator_of_denominator_is_scaled_by_its_unit(unit, expected):
    value = IndicatorValueFactory(
        indicator=IndicatorFactory(unit=unit), numerator=273, denominator=22600
    )
    assert value.value.quantize(Decimal("0.01")) == expected


def test_without_both_counts_the_reported_value_stands():
    value = IndicatorValueFactory(
        indicator=IndicatorFactory(unit=Indicator.Unit.RATE),
        numerator=None,
        denominator=None,
        reported_value=Decimal("41.5"),
    )
    assert value.computed_value is None
    assert value.value == Decimal("41.5")
    assert value.indicator.value_from_counts(5, 0) is None
