"""A council's first quarter in the product shows the history stored against months."""

from decimal import Decimal

import pytest

from scorecards.selectors import council_scorecard
from scrutiny.models import Period
from tests.factories.scorecards import IndicatorFactory, IndicatorValueFactory
from tests.factories.scrutiny import AuthorityFactory

pytestmark = pytest.mark.django_db


def test_a_first_quarter_shows_march_and_last_junes_figures_in_the_trend_columns():
    indicator = IndicatorFactory(unit="percent")
    slough = AuthorityFactory(slug="slough")
    for period, value in (
        (Period.quarter(2015, 1), "20.0"),  # Q1 2015/16, entered in the product
        (Period.month(2015, 3), "18.0"),  # history: March 2015, Q4 2014/15's last month
        (Period.month(2014, 6), "15.0"),  # history: June 2014, Q1 2014/15's last month
        (Period.month(2015, 2), "99.0"),  # February is not the quarter's figure
    ):
        IndicatorValueFactory(
            indicator=indicator, authority=slough, period=period, reported_value=Decimal(value)
        )
    card = council_scorecard(slough, Period.quarter(2015, 1).slug, threshold=None)
    (row,) = card.rows
    assert (row.previous.value, row.last_year.value) == (Decimal("18.0"), Decimal("15.0"))
    assert (row.previous_label, row.last_year_label) == ("Q4 2014/15", "Q1 2014/15")
