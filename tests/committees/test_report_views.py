"""Report list and report pages: visibility as permissions allow, the paper's layout."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories.scrutiny import (
    AgendaItemFactory,
    BackgroundPaperFactory,
    FinancialImplicationFactory,
    ReportFactory,
    ReportSectionFactory,
)


def list_url(authority):
    return reverse("committees:report_list", kwargs={"authority": authority.slug})


@pytest.fixture
def published(authority, committee):
    return ReportFactory(
        authority=authority, committee=committee, published=True, title="Annual Review 2014/15"
    )


@pytest.fixture
def draft(authority, committee):
    return ReportFactory(authority=authority, committee=committee, title="Draft QA report")


@pytest.mark.parametrize(
    ("reader", "sees_draft"),
    [("anonymous", False), ("stranger", False), ("member", False), ("officer", True)],
)
def test_the_list_shows_what_each_reader_may_open(
    request, client, authority, published, draft, reader, sees_draft
):
    if reader != "anonymous":
        client.force_login(request.getfixturevalue(reader))
    response = client.get(list_url(authority))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Annual Review 2014/15" in body
    assert ("Draft QA report" in body) is sees_draft


def test_the_list_shows_only_this_councils_reports(officer_client, authority, other_authority):
    ReportFactory(authority=authority, published=True, title="Ours")
    ReportFactory(authority=other_authority, published=True, title="Theirs")
    body = officer_client.get(list_url(authority)).content.decode()
    assert ">Ours<" in body
    assert "Theirs" not in body


@pytest.mark.parametrize(
    ("reader", "status"),
    [("anonymous", 404), ("stranger", 404), ("member", 404), ("officer", 200)],
)
def test_a_draft_is_404_to_anyone_who_may_not_open_it(request, client, draft, reader, status):
    if reader != "anonymous":
        client.force_login(request.getfixturevalue(reader))
    assert client.get(draft.get_absolute_url()).status_code == status


@pytest.mark.parametrize("reader", ["anonymous", "stranger", "member", "officer"])
def test_a_published_report_is_open_to_all(request, client, published, reader):
    if reader != "anonymous":
        client.force_login(request.getfixturevalue(reader))
    assert client.get(published.get_absolute_url()).status_code == 200


def test_another_councils_report_is_404(officer_client, authority, other_authority):
    theirs = ReportFactory(authority=other_authority, published=True)
    url = reverse("committees:report_detail", kwargs={"authority": authority.slug, "pk": theirs.pk})
    assert officer_client.get(url).status_code == 404


def test_the_cover_sheet_reads_like_the_paper(client, authority, committee, meeting):
    report = ReportFactory(
        authority=authority,
        committee=committee,
        published=True,
        title="Children's Social Care Annual Review",
        ward="None specific",
        director="Judith Ramsden, Director of Children's Services",
        outcome_benefits="Improved outcomes for vulnerable children and families.",
        recommendation="Deliver on the Early Help and Innovation Programme.",
        summary="The report summarises some of the successes and challenges.",
        contact_name="Brian Grady",
        contact_service="Strategic Commissioning",
        contact_telephone="0118 974 6091",
        contact_email="brian.grady@example.gov.uk",
        report_date=dt.date(2015, 7, 10),
        version=2,
    )
    AgendaItemFactory(meeting=meeting, number=18, report=report)
    body = client.get(report.get_absolute_url()).content.decode()
    for text in [
        "For consideration by",
        "Children&#x27;s Services Overview and Scrutiny Committee on 21 July 2015",
        "Judith Ramsden, Director of Children&#x27;s Services",
        "Improved outcomes for vulnerable children and families.",
        "Deliver on the Early Help and Innovation Programme.",
        "The report summarises some of the successes and challenges.",
        "Brian Grady",
        "Strategic Commissioning",
        "0118 974 6091",
        "mailto:brian.grady@example.gov.uk",
        "10 July 2015",
        "Version No.",
        '<strong class="govuk-tag govuk-tag--green">Published</strong>',
    ]:
        assert text in body, text
    assert body.index("Summary of report") < body.index("Financial implications")


def test_sections_come_in_order_and_narrative_is_sanitised(client, published):
    ReportSectionFactory(report=published, order=2, heading="Second", body="<p>Later</p>")
    ReportSectionFactory(
        report=published,
        order=1,
        heading="First",
        body='<p onclick="steal()">Early<script>alert(1)</script></p>',
    )
    body = client.get(published.get_absolute_url()).content.decode()
    assert body.index("First") < body.index("Second")
    assert "<p>Early</p>" in body
    assert "alert(1)" not in body
    assert "steal()" not in body


def test_a_frozen_data_block_shows_its_figures_as_at_publication(client, published):
    frozen = {
        "subject": "2014/15",
        "tables": [
            {
                "caption": "Complaints received",
                "columns": [
                    {"label": "Team", "numeric": False},
                    {"label": "Total", "numeric": True},
                ],
                "rows": [["Brambles", "7"], ["Here 4 U", "4"]],
            }
        ],
    }
    ReportSectionFactory(
        report=published,
        order=1,
        kind="data",
        block_type="complaints",
        block_params={"choice": "2014"},
        heading="Complaints received",
        frozen_data={"public": frozen, "members": frozen},
        frozen_at=dt.datetime(2015, 7, 10, 9, 0, tzinfo=dt.UTC),
    )
    body = client.get(published.get_absolute_url()).content.decode()
    assert '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Total' in body
    assert (
        '<th scope="row" class="govuk-table__header">Brambles</th>'
        '<td class="govuk-table__cell govuk-table__cell--numeric">7</td>'
    ) in body
    assert "Figures as at 10 July 2015" in body


def test_the_financial_table_has_three_years_and_brackets_a_saving(client, published):
    FinancialImplicationFactory(
        report=published,
        year=1,
        cost=Decimal("-25000"),
        funding_sufficient=True,
        revenue_or_capital="revenue",
    )
    FinancialImplicationFactory(
        report=published, year=2, cost=Decimal("12000"), funding_sufficient=False, shortfall="£2k"
    )
    response = client.get(published.get_absolute_url())
    body = response.content.decode()
    rows = response.context["financial_rows"]
    assert [r.label for r in rows] == [
        "Current Financial Year (Year 1)",
        "Next Financial Year (Year 2)",
        "Following Financial Year (Year 3)",
    ]
    assert (rows[0].cost, rows[0].funding, rows[0].revenue_or_capital) == (
        "(£25,000)",
        "Yes",
        "Revenue",
    )
    assert (rows[1].cost, rows[1].funding) == ("£12,000", "No – shortfall £2k")
    assert (rows[2].cost, rows[2].funding, rows[2].revenue_or_capital) == ("", "", "")
    assert "How much will it Cost/(Save)" in body
    assert "Is there sufficient funding – if not quantify the Shortfall" in body


def test_it_lists_background_papers_with_where_to_view_them(client, published):
    BackgroundPaperFactory(
        report=published, title="Ofsted inspection report", location="Civic Offices"
    )
    body = client.get(published.get_absolute_url()).content.decode()
    assert "Ofsted inspection report" in body
    assert "Civic Offices" in body


def test_it_links_the_version_it_replaces_and_the_one_replacing_it(client, authority):
    first = ReportFactory(authority=authority, published=True, version=1, title="Review")
    second = ReportFactory(
        authority=authority, published=True, version=2, title="Review", supersedes=first
    )
    older = client.get(first.get_absolute_url()).content.decode()
    newer = client.get(second.get_absolute_url()).content.decode()
    assert f'href="{second.get_absolute_url()}">version 2' in older
    assert f'href="{first.get_absolute_url()}">version 1' in newer


def test_it_does_not_link_an_unpublished_later_version_for_the_public(client, authority):
    first = ReportFactory(authority=authority, published=True, version=1)
    second = ReportFactory(authority=authority, version=2, supersedes=first)
    assert second.get_absolute_url() not in client.get(first.get_absolute_url()).content.decode()


def test_the_list_costs_the_same_for_1_and_10_reports(
    client, authority, committee, django_assert_num_queries
):
    ReportFactory(authority=authority, committee=committee, published=True)
    # savepoint and release, council, exempt items on its agendas, committees for the
    # filter, count for the filter and the paginator, reports
    with django_assert_num_queries(6):
        assert client.get(list_url(authority)).status_code == 200
    ReportFactory.create_batch(9, authority=authority, committee=committee, published=True)
    with django_assert_num_queries(6):
        assert client.get(list_url(authority)).status_code == 200


def test_the_report_page_costs_the_same_for_1_and_10_sections(
    client, published, meeting, django_assert_num_queries
):
    AgendaItemFactory(meeting=meeting, report=published)

    def add(n):
        for _ in range(n):
            ReportSectionFactory(report=published)
            BackgroundPaperFactory(report=published)

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    add(1)
    # The page's own cost is pinned in tests/query_counts.json; here, that it is flat, read
    # each time with nothing kept from the last reading.
    with CaptureQueriesContext(connection) as first:
        assert client.get(published.get_absolute_url()).status_code == 200
    add(9)
    cache.clear()
    with django_assert_num_queries(len(first.captured_queries)):
        assert client.get(published.get_absolute_url()).status_code == 200


def test_frozen_data_blocks_cost_no_query_each(client, published):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    frozen = {
        "subject": "2014/15",
        "tables": [
            {
                "caption": "Compliments",
                "columns": [
                    {"label": "Team", "numeric": False},
                    {"label": "Number", "numeric": True},
                ],
                "rows": [["Brambles", "7"]],
            }
        ],
    }

    def add(n):
        for _ in range(n):
            ReportSectionFactory(
                report=published,
                kind="data",
                block_type="compliments",
                block_params={"choice": "2014"},
                frozen_data={"public": frozen, "members": frozen},
                frozen_at=published.published_at,
            )

    def cost():
        cache.clear()  # each reading from the database, as the first reader's is
        with CaptureQueriesContext(connection) as queries:
            assert client.get(published.get_absolute_url()).status_code == 200
        return len(queries)

    add(1)
    one = cost()
    add(9)
    assert cost() == one


# What the page keeps in the cache -----------------------------------------------------------

CANARY = "CANARY-7f3c1e"


def _frozen(caption):
    table = {
        "caption": caption,
        "columns": [{"label": "Team", "numeric": False}, {"label": "Number", "numeric": True}],
        "rows": [["Brambles", "7"]],
    }
    return {"public": {"subject": "2014/15", "tables": [table]}, "members": {"tables": [table]}}


def _data_section(report, caption, **extra):
    return ReportSectionFactory(
        report=report,
        kind="data",
        block_type="compliments",
        block_params={"choice": "2014"},
        frozen_data=_frozen(caption),
        frozen_at=report.published_at,
        **extra,
    )


def _sign_in(request, client, reader: str) -> None:
    if reader != "anonymous":
        client.force_login(request.getfixturevalue(reader))


@pytest.fixture
def cache_writes(monkeypatch):
    """Everything the report selectors put in the cache, as text, in the order written."""
    from django.core.cache import cache

    from committees.selectors import reports

    written: list[str] = []

    class Recording:
        def __getattr__(self, name):
            return getattr(cache, name)

        def set(self, key, value, *args, **kwargs):
            written.append(f"{key} {value!r}")
            return cache.set(key, value, *args, **kwargs)

        def set_many(self, values, *args, **kwargs):
            written.extend(f"{key} {value!r}" for key, value in values.items())
            return cache.set_many(values, *args, **kwargs)

    monkeypatch.setattr(reports, "cache", Recording())
    return written


@pytest.mark.parametrize(
    ("reader", "reads_saved"),
    [
        # The public's reading of the whole body is kept: sections, financial rows,
        # background papers and frozen figures are not read again.
        ("anonymous", 4),
        # The council's own readers have it built from the kept sections: only the frozen
        # figures are not read again.
        ("officer", 1),
    ],
)
def test_open_sections_are_cleaned_once_and_then_read_from_the_cache(
    request, client, published, monkeypatch, reader, reads_saved
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from committees.selectors import reports

    _sign_in(request, client, reader)
    ReportSectionFactory(report=published, order=1, body="<p>Early help<script>x()</script></p>")
    _data_section(published, "Compliments by team", order=2)
    BackgroundPaperFactory(report=published, title="Ofsted letter")
    cleaned = []
    real = reports.sanitize_html
    monkeypatch.setattr(reports, "sanitize_html", lambda html: cleaned.append(html) or real(html))

    def read():
        with CaptureQueriesContext(connection) as queries:
            body = client.get(published.get_absolute_url()).content.decode()
        return body, len(queries)

    first, cold = read()
    assert len(cleaned) == 1
    again, warm = read()
    assert len(cleaned) == 1  # not cleaned again
    assert warm == cold - reads_saved
    for body in (first, again):
        assert "<p>Early help</p>" in body and "x()" not in body
        assert "Compliments by team" in body and "Ofsted letter" in body


def test_a_drafts_edited_narrative_shows_at_once(officer_client, draft):
    section = ReportSectionFactory(report=draft, body="<p>First wording</p>")
    assert "First wording" in officer_client.get(draft.get_absolute_url()).content.decode()
    section.body = "<p>Second wording</p>"
    section.save()
    body = officer_client.get(draft.get_absolute_url()).content.decode()
    assert "Second wording" in body and "First wording" not in body


def test_an_exempt_report_is_never_kept_in_the_cache(
    member_client, authority, committee, cache_writes
):
    report = ReportFactory(
        authority=authority, committee=committee, published=True, is_exempt=True, exempt_paragraph=1
    )
    ReportSectionFactory(report=report, order=1, body=f"<p>Narrative {CANARY}</p>")
    _data_section(report, f"Placements {CANARY}", order=2)
    for _ in range(2):
        body = member_client.get(report.get_absolute_url()).content.decode()
        # The member reads it all, both times: the narrative, the table and its download.
        assert body.count(CANARY) == 3
    assert cache_writes == []


def test_a_report_under_an_exempt_item_is_never_kept_in_the_cache(
    member_client, committee, meeting, published, cache_writes
):
    AgendaItemFactory(meeting=meeting, report=published, is_exempt=True, exempt_paragraph=3)
    ReportSectionFactory(report=published, order=1, body=f"<p>Tender {CANARY}</p>")
    _data_section(published, f"Bids {CANARY}", order=2)
    body = member_client.get(published.get_absolute_url()).content.decode()
    assert body.count(CANARY) == 3  # the narrative, the table and its download
    assert cache_writes == []


@pytest.mark.parametrize(("reader", "sees"), [("anonymous", False), ("member", True)])
def test_an_exempt_appendix_is_never_kept_in_the_cache_though_the_rest_is(
    request, client, published, cache_writes, reader, sees
):
    _sign_in(request, client, reader)
    ReportSectionFactory(report=published, order=1, body="<p>Open narrative</p>")
    _data_section(published, "Open figures", order=2)
    ReportSectionFactory(
        report=published,
        order=3,
        body=f"<p>Appendix {CANARY}</p>",
        is_exempt=True,
        exempt_paragraph=1,
    )
    _data_section(
        published, f"Appendix figures {CANARY}", order=4, is_exempt=True, exempt_paragraph=1
    )
    body = client.get(published.get_absolute_url()).content.decode()
    assert body.count(CANARY) == (3 if sees else 0)  # narrative, table, its download
    stored = "\n".join(cache_writes)
    assert "Open narrative" in stored and "Open figures" in stored
    assert CANARY not in stored


def test_the_publics_kept_reading_never_stands_in_for_one_who_may_see_an_appendix(
    client, member, published
):
    ReportSectionFactory(report=published, order=1, body="<p>Open narrative</p>")
    ReportSectionFactory(
        report=published,
        order=2,
        body=f"<p>Appendix {CANARY}</p>",
        is_exempt=True,
        exempt_paragraph=3,
    )
    assert CANARY not in client.get(published.get_absolute_url()).content.decode()
    client.force_login(member)
    assert CANARY in client.get(published.get_absolute_url()).content.decode()
