"""Searching a council's reports: what is found, for whom, and how it is shown."""

import datetime as dt
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories.scrutiny import (
    AgendaItemFactory,
    ReportFactory,
    ReportSectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def search_url(authority, q=None, **extra):
    url = reverse("committees:report_search", kwargs={"authority": authority.slug})
    params = {} if q is None else {"q": q}
    params.update(extra)
    return f"{url}?{urlencode(params)}" if params else url


def test_it_finds_a_published_report_by_a_word_of_its_sections(client, authority, committee):
    report = ReportFactory(
        authority=authority, committee=committee, title="Annual review", published=True
    )
    ReportSectionFactory(report=report, body="<p>Caseloads in the <em>assessment</em> team.</p>")
    ReportFactory(authority=authority, committee=committee, title="Unrelated", published=True)

    response = client.get(search_url(authority, "assessment"))

    assert response.status_code == 200
    assert [hit.report for hit in response.context["hits"]] == [report]
    html = response.content.decode()
    assert "<mark>assessment</mark> team" in html
    assert "1 report found for <strong>assessment</strong>" in html
    assert committee.name.replace("'", "&#x27;") in html


@pytest.mark.parametrize("field", ["title", "summary", "recommendation", "outcome_benefits"])
def test_it_searches_the_cover_sheet(client, authority, committee, field):
    values = {field: "Placement sufficiency"} if field != "title" else {}
    title = "Placement sufficiency" if field == "title" else "A report"
    report = ReportFactory(
        authority=authority, committee=committee, published=True, title=title, **values
    )
    hits = client.get(search_url(authority, "sufficiency")).context["hits"]
    assert [hit.report for hit in hits] == [report]


def test_the_public_does_not_find_drafts_or_part_2(client, authority, committee, meeting):
    ReportFactory(authority=authority, committee=committee, title="Draft sufficiency plan")
    ReportFactory(
        authority=authority,
        committee=committee,
        title="Exempt sufficiency case",
        published=True,
        is_exempt=True,
        exempt_paragraph=1,
    )
    under_item = ReportFactory(
        authority=authority, committee=committee, title="Sufficiency of one home", published=True
    )
    AgendaItemFactory(meeting=meeting, report=under_item, is_exempt=True, exempt_paragraph=3)

    response = client.get(search_url(authority, "sufficiency"))

    assert response.context["hits"] == []
    assert "No reports found" in response.content.decode()


def test_a_member_of_the_committee_finds_part_2_and_others_do_not(
    client, authority, committee, meeting, member
):
    exempt = ReportFactory(
        authority=authority,
        committee=committee,
        title="Sufficiency of one home",
        summary="A named child's placement.",
        published=True,
    )
    AgendaItemFactory(meeting=meeting, report=exempt, is_exempt=True, exempt_paragraph=1)
    outsider = UserFactory(username="cllr-other", role="member", authorities=[authority])

    client.force_login(member)
    assert [h.report for h in client.get(search_url(authority, "child")).context["hits"]] == [
        exempt
    ]
    client.force_login(outsider)
    response = client.get(search_url(authority, "child"))
    assert response.context["hits"] == []
    assert "named" not in response.content.decode()


def test_another_councils_reports_are_not_found(client, authority, other_authority):
    ReportFactory(authority=other_authority, title="Sufficiency in Slough", published=True)
    assert client.get(search_url(authority, "sufficiency")).context["hits"] == []


def test_an_empty_search_is_an_error_with_the_box_linked(client, authority):
    response = client.get(search_url(authority, "   "))
    html = response.content.decode()
    assert html.count("<title>Error: Search reports") == 1
    assert '<a href="#q">Enter words to search for</a>' in html
    assert 'aria-describedby="q-hint q-error"' in html
    assert "govuk-input--error" in html


def test_the_page_without_a_query_shows_just_the_box(client, authority):
    response = client.get(search_url(authority))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="search"' in html
    assert "There is a problem" not in html
    assert "found for" not in html


def test_snippets_never_carry_markup_from_the_report(client, authority, committee):
    ReportFactory(
        authority=authority,
        committee=committee,
        title="Scripted",
        summary="Sufficiency <script>alert(1)</script> & more",
        published=True,
    )
    html = client.get(search_url(authority, "sufficiency")).content.decode()
    assert "<script>alert" not in html
    assert "alert(1)" in html  # the words stay; PostgreSQL drops the tag, SQLite escapes it
    assert "&amp; more" in html


def test_results_are_paged_and_the_query_is_kept(client, authority, committee):
    for n in range(23):
        ReportFactory(
            authority=authority,
            committee=committee,
            title=f"Sufficiency {n}",
            published=True,
            report_date=dt.date(2015, 1, 1) + dt.timedelta(days=n),
        )
    first = client.get(search_url(authority, "sufficiency"))
    second = client.get(search_url(authority, "sufficiency", page=2))

    assert len(first.context["hits"]) == 20
    assert len(second.context["hits"]) == 3
    assert "23 reports found" in first.content.decode()
    assert 'href="?q=sufficiency&amp;page=2"' in first.content.decode()
    seen = {h.report.pk for h in first.context["hits"]} | {
        h.report.pk for h in second.context["hits"]
    }
    assert len(seen) == 23


def test_results_come_best_first_on_postgresql_and_newest_first_on_sqlite(
    client, authority, committee
):
    older_in_title = ReportFactory(
        authority=authority,
        committee=committee,
        title="Fostering sufficiency",
        report_date=dt.date(2014, 1, 1),
        published=True,
    )
    newer_in_text = ReportFactory(
        authority=authority,
        committee=committee,
        title="Annual review",
        report_date=dt.date(2016, 1, 1),
        published=True,
    )
    ReportSectionFactory(report=newer_in_text, body="<p>One mention of fostering.</p>")

    hits = [h.report for h in client.get(search_url(authority, "fostering")).context["hits"]]

    if connection.vendor == "postgresql":
        assert hits == [older_in_title, newer_in_text]  # a title match outranks body text
    else:
        assert hits == [newer_in_text, older_in_title]


def test_word_forms_match(client, authority, committee):
    report = ReportFactory(
        authority=authority, committee=committee, title="Placements made", published=True
    )
    hits = client.get(search_url(authority, "placement")).context["hits"]
    assert [h.report for h in hits] == [report]


def test_a_search_costs_the_same_for_one_result_or_many(
    client, authority, committee, django_assert_num_queries
):
    def make(n):
        for i in range(n):
            report = ReportFactory(
                authority=authority, committee=committee, title=f"Sufficiency {i}", published=True
            )
            ReportSectionFactory(report=report, body="<p>Sufficiency narrative.</p>")

    make(1)
    with CaptureQueriesContext(connection) as one:
        client.get(search_url(authority, "sufficiency"))
    make(12)
    with django_assert_num_queries(len(one)):
        client.get(search_url(authority, "sufficiency"))
