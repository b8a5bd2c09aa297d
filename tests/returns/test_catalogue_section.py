"""A national indicator the council has chosen is on the indicators section before it has any
figure, so a new council can enter it; a workforce rate is worked out, never a box."""

from decimal import Decimal as D

import pytest

from scorecards.models import Indicator, IndicatorValue, ReportedIndicator
from scrutiny.models import Period
from tests.factories.returns import section_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]

URL = "/wokingham/returns/2014-15-q4/indicators/"
CIN = "Children in need per 10,000 children"


def test_a_chosen_national_indicator_is_entered_as_counts_and_stored_as_its_rate(
    as_user, draft, officer, authority
):
    client = as_user(officer)
    assert CIN not in client.get(URL).content.decode()
    for code in ("cin-rate", "sw-agency-rate"):
        indicator = Indicator.objects.get(code=code)
        ReportedIndicator.objects.create(authority=authority, indicator=indicator)
    html = client.get(URL).content.decode()
    assert CIN in html
    assert "Agency social worker rate" not in html  # computed from the workforce figures
    cells = {(CIN, "numerator"): "273", (CIN, "denominator"): "22,600"}
    response = client.post(URL, section_post(draft, "indicators", cells))
    assert response.status_code == 302, response.content.decode()
    value = IndicatorValue.objects.get(indicator__code="cin-rate", period=Period.quarter(2014, 4))
    assert (value.numerator, value.denominator) == (273, 22_600)
    assert round(value.value, 1) == D("120.8")
