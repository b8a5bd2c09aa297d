"""Rows added where a section needs them ("Add another", without JavaScript), and a section
with nothing to enter that says so rather than being completed as if it had been filled."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.models import ComplaintTheme
from returns.models import ReturnSection
from scrutiny.models import Period
from tests.factories.returns import section_of, section_post
from tests.factories.scrutiny import ComplaintThemeFactory

pytestmark = pytest.mark.django_db

URL = "/wokingham/returns/2014-15-q4/{}/"


def summary(response) -> list[str]:
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', response.content.decode())


def new_rows(response) -> list[str]:
    return re.findall(r">(New theme \d+)<", response.content.decode())


def test_add_another_shows_one_more_blank_row_keeps_what_was_typed_and_saves_nothing(
    as_user, draft, officer
):
    client = as_user(officer)
    assert new_rows(client.get(URL.format("complaint-themes"))) == [
        "New theme 1",
        "New theme 2",
        "New theme 3",
    ]
    data = section_post(draft, "complaint-themes", {("New theme 1", "theme"): "Delays"})
    data["add-rows"] = "1"
    response = client.post(URL.format("complaint-themes"), data)
    assert response.status_code == 200
    assert new_rows(response)[-1] == "New theme 4"
    html = response.content.decode()
    assert 'value="Delays"' in html
    assert "govuk-error-summary" not in html
    assert not ComplaintTheme.objects.exists()
    # The page's fourth row, typed in and saved: both themes are stored.
    assert 'name="rows-TOTAL_FORMS" value="4"' in html
    assert 'name="rows-3-key" value="new-4"' in html
    del data["add-rows"]
    data |= {"rows-TOTAL_FORMS": "4", "rows-3-key": "new-4", "rows-3-theme": "Letters"}
    data |= {"rows-3-context": "", "rows-3-action": ""}
    response = client.post(URL.format("complaint-themes"), data)
    assert response.status_code == 302, summary(response)
    assert list(ComplaintTheme.objects.values_list("theme", flat=True)) == ["Delays", "Letters"]


def test_a_section_with_no_rows_is_completed_only_as_nothing_to_report(as_user, draft, officer):
    client = as_user(officer)
    page = client.get(URL.format("complaint-themes")).content.decode()
    assert "Nothing to report this quarter" in page
    response = client.post(
        URL.format("complaint-themes"), section_post(draft, "complaint-themes", status="completed")
    )
    assert summary(response) == [
        "Enter at least one theme, or choose nothing to report this quarter, before you mark "
        "the section as completed"
    ]
    assert section_of(draft, "complaint-themes").status == ReturnSection.Status.NOT_STARTED
    data = section_post(draft, "complaint-themes", status="completed", nothing_to_report="on")
    assert client.post(URL.format("complaint-themes"), data).status_code == 302
    section = section_of(draft, "complaint-themes")
    assert (section.status, section.nothing_to_report) == (ReturnSection.Status.COMPLETED, True)
    assert 'name="nothing_to_report" type="checkbox" value="on" checked' in (
        client.get(URL.format("complaint-themes")).content.decode()
    )


def test_nothing_to_report_with_figures_entered_is_refused_not_either_dropped(
    as_user, draft, officer
):
    cells = {("New theme 1", "theme"): "Delays"}
    data = section_post(draft, "complaint-themes", cells, nothing_to_report="on")
    response = as_user(officer).post(URL.format("complaint-themes"), data)
    assert summary(response) == [
        "You chose nothing to report, but Delays has figures: clear them, or untick nothing "
        "to report"
    ]
    assert not ComplaintTheme.objects.exists()
    assert section_of(draft, "complaint-themes").nothing_to_report is False


def test_a_section_whose_table_has_no_rows_says_how_to_complete_it(as_user, draft, officer):
    """The practice score card with no aspects recorded: the page says so and how to go on."""
    page = as_user(officer).get(URL.format("practice")).content.decode()
    assert "No aspects are recorded for Wokingham." in page
    assert "choose “Nothing to report this quarter” to complete the section" in page


@pytest.mark.parametrize("rows", [1, 10])
def test_add_another_costs_the_same_queries_for_1_and_10_rows(
    as_user, draft, officer, authority, rows
):
    for n in range(rows):
        ComplaintThemeFactory(authority=authority, period=Period.quarter(2014, 4), theme=f"T{n}")
    client = as_user(officer)
    data = section_post(draft, "complaint-themes")
    data["add-rows"] = "1"
    client.post(URL.format("complaint-themes"), data)
    with CaptureQueriesContext(connection) as queries:
        assert client.post(URL.format("complaint-themes"), data).status_code == 200
    assert len(queries) == ADD_ANOTHER_QUERIES, [q["sql"] for q in queries.captured_queries]


ADD_ANOTHER_QUERIES = 11
