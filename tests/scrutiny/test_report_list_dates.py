"""The list of reports dates each one: by its own date, else by the first meeting it went to
(the seed papers leave the cover sheet's date blank), never a column of dashes."""

import datetime as dt

import pytest

from tests.factories.scrutiny import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingFactory,
    ReportFactory,
)

pytestmark = pytest.mark.django_db


def test_a_report_without_a_date_is_dated_by_its_first_meeting(client, authority):
    committee = CommitteeFactory(authority=authority)
    undated, _ = (
        ReportFactory(
            authority=authority, committee=committee, title=title, report_date=None, published=True
        )
        for title in ("Review of the year", "Not on an agenda")
    )
    for day in (dt.date(2015, 9, 8), dt.date(2015, 7, 21)):
        AgendaItemFactory(meeting=MeetingFactory(committee=committee, date=day), report=undated)
    page = client.get(f"/{authority.slug}/reports/").content.decode()
    row = page[page.index(">Review of the year<") :]
    assert "21 July 2015" in row[: row.index("</tr>")]
    assert "8 September 2015" not in page
    assert "Not dated yet" in page
