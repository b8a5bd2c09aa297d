"""Section pages: errors shown and typed values kept, atomic saves, conflicts, hostile posts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.models import ComplaintCount, ContactVolume
from returns.models import ReturnSection
from scrutiny.models import Period
from tests.factories.returns import section_of, section_post
from tests.factories.scrutiny import ComplaintCountFactory, TeamFactory
from tests.factories.workforce import RoleFactory, StaffingFigureFactory
from workforce.models import StaffingFigure

pytestmark = pytest.mark.django_db

URL = "/wokingham/returns/2014-15-q4/{}/"
AMBLESIDE, BRAMBLES = "Ambleside Social Work Team", "Brambles Social Work Team"


def counts():
    return (
        StaffingFigure.objects.count(),
        ComplaintCount.objects.count(),
        ContactVolume.objects.count(),
    )


def summary_links(html: str) -> list[tuple[str, str]]:
    summary = html[
        html.index("govuk-error-summary") : html.index("</ul>", html.index("govuk-error-summary"))
    ]
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', summary)


def test_complaints_blank_stays_blank_and_0_is_stored(as_user, draft, officer):
    data = section_post(
        draft,
        "complaints",
        {
            (AMBLESIDE, "stage_early"): "1",
            (AMBLESIDE, "stage_stage_1"): "2",
            (AMBLESIDE, "stage_lgo"): "0",
        },
        status="completed",
    )
    response = as_user(officer).post(URL.format("complaints"), data)
    assert response.status_code == 302
    stored = dict(ComplaintCount.objects.values_list("stage", "count"))
    assert stored == {"early": 1, "stage-1": 2, "lgo": 0}
    assert section_of(draft, "complaints").status == ReturnSection.Status.COMPLETED
    page = as_user(officer).get(URL.format("complaints")).content.decode()
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">3</td>' in page  # total


def test_errors_are_summarised_linked_to_their_fields_and_what_was_typed_is_kept(
    as_user, draft, officer
):
    before = counts()
    data = section_post(
        draft,
        "workforce",
        {
            ("Social workers", "total_reported"): "15",
            ("Social workers", "permanent"): "6",
            ("Social workers", "agency"): "19",
            ("First line managers", "permanent"): "lots",
            ("First line managers", "agency"): "-2",
        },
        as_at_day="1",
        as_at_month="4",
        as_at_year="2015",
    )
    response = as_user(officer).post(URL.format("workforce"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert summary_links(html) == [
        ("#id_as_at_day", "The snapshot date must be between 1 January 2015 and 31 March 2015"),
        ("#id_rows-0-permanent", "Permanent for First line managers must be a number, like 12"),
        ("#id_rows-0-agency", "Agency for First line managers cannot be less than 0"),
        (
            "#id_rows-1-permanent",
            "Permanent (6) and agency (19) make 25, more than the 15 in post given",
        ),
    ]
    assert 'id="id_rows-0-permanent-error"' in html
    assert 'value="lots"' in html and 'value="-2"' in html and 'value="19"' in html
    assert counts() == before
    assert section_of(draft, "workforce").version == 0


def test_nothing_is_saved_when_any_row_is_invalid(as_user, draft, officer):
    data = section_post(
        draft,
        "complaints",
        {(AMBLESIDE, "stage_early"): "4", (BRAMBLES, "stage_stage_2"): "1.5"},
    )
    response = as_user(officer).post(URL.format("complaints"), data)
    assert (
        "Stage 2 for Brambles Social Work Team must be a whole number" in response.content.decode()
    )
    assert ComplaintCount.objects.count() == 0


def test_the_same_team_twice_is_refused_with_the_row_named(as_user, draft, officer, teams):
    data = section_post(draft, "complaints", {(AMBLESIDE, "stage_early"): "1"})
    data["rows-1-key"] = str(teams[0].pk)
    html = as_user(officer).post(URL.format("complaints"), data).content.decode()
    assert "Ambleside Social Work Team is entered more than once: enter each team once" in html
    assert ComplaintCount.objects.count() == 0


def test_contact_total_must_agree_with_the_channels(as_user, draft, officer):
    data = section_post(
        draft,
        "contacts",
        {
            ("Telephone calls", "count"): "3735",
            ("Emails", "count"): "839",
            ("Letters", "count"): "42",
        },
        total="4600",
    )
    html = as_user(officer).post(URL.format("contacts"), data).content.decode()
    assert (
        "#id_total",
        "Total contacts (4,600) does not match the rows, which add up to 4,616",
    ) in summary_links(html)
    data["total"] = "4,616"
    assert as_user(officer).post(URL.format("contacts"), data).status_code == 302
    assert ContactVolume.objects.filter(period=Period.quarter(2014, 4)).count() == 3


def test_a_large_move_needs_a_commentary_before_the_section_is_completed(
    as_user, draft, officer, authority, teams
):
    ComplaintCountFactory(
        authority=authority, team=teams[0], period=Period.quarter(2014, 3), stage="early", count=2
    )
    data = section_post(draft, "complaints", {(AMBLESIDE, "stage_early"): "9"}, status="completed")
    html = as_user(officer).post(URL.format("complaints"), data).content.decode()
    assert "Explain why 1 figure moved by more than half since last quarter" in html
    assert "Complaints for Ambleside Social Work Team: 2 last quarter, 9 now" in html
    assert ComplaintCount.objects.filter(period__number=4).count() == 0
    # Saving to come back later is allowed without the commentary.
    data["status"] = "in-progress"
    assert as_user(officer).post(URL.format("complaints"), data).status_code == 302
    data = section_post(
        draft, "complaints", status="completed", commentary="A new family complained."
    )
    assert as_user(officer).post(URL.format("complaints"), data).status_code == 302
    assert section_of(draft, "complaints").status == ReturnSection.Status.COMPLETED


def test_a_second_conflicting_save_is_refused_and_keeps_what_was_typed(
    as_user, draft, officer, second_officer
):
    first = section_post(draft, "contacts", {("Emails", "count"): "10"})
    second = section_post(draft, "contacts", {("Emails", "count"): "77"})
    assert as_user(officer).post(URL.format("contacts"), first).status_code == 302
    response = as_user(second_officer).post(URL.format("contacts"), second)
    html = response.content.decode()
    assert "saved “Contact volumes” after you opened it" in html
    assert "<title>Error: " in html
    assert 'value="77"' in html
    assert list(ContactVolume.objects.values_list("count", flat=True)) == [10]


def test_a_submitted_return_refuses_changes(as_user, draft, officer):
    draft.status = "submitted"
    draft.submitted_by = officer
    from django.utils import timezone

    draft.submitted_at = timezone.now()
    draft.save()
    data = section_post(draft, "contacts", {("Emails", "count"): "10"})
    html = as_user(officer).post(URL.format("contacts"), data).content.decode()
    assert "figures change only through a correction" in html
    assert not ContactVolume.objects.exists()


def test_workforce_shows_last_quarter_and_last_year_beside_each_box(
    as_user, draft, officer, authority, roles
):
    import datetime as dt

    StaffingFigureFactory(
        authority=authority,
        role=roles[1],
        as_at=dt.date(2014, 12, 31),
        permanent=38,
        agency=36,
        total_reported=74,
    )
    StaffingFigureFactory(
        authority=authority,
        role=roles[1],
        as_at=dt.date(2014, 3, 31),
        permanent=36,
        agency=38,
        total_reported=74,
    )
    html = as_user(officer).get(URL.format("workforce")).content.decode()
    assert re.search(r'id="id_rows-1-permanent-previous">Last quarter: 38<br>Last year: 36<', html)


HOSTILE = [
    ("huge", "9" * 40),
    ("negative", "-5"),
    ("text", "DROP TABLE"),
    ("unicode", "١٢٣\u202e\U0001f600"),
    ("float", "1e5000"),
    ("nan", "nan"),
    ("null byte", "1\x00"),
]


@pytest.mark.parametrize(
    "slug,row,column",
    [
        ("workforce", "Social workers", "agency"),
        ("complaints", AMBLESIDE, "stage_stage_3"),
        ("contacts", "Emails", "count"),
    ],
)
@pytest.mark.parametrize(("case", "value"), HOSTILE, ids=[c for c, _ in HOSTILE])
def test_hostile_values_never_give_a_server_error_or_a_partial_save(
    as_user, draft, officer, slug, row, column, case, value
):
    good = {
        "workforce": ("First line managers", "permanent"),
        "complaints": (BRAMBLES, "stage_early"),
        "contacts": ("Letters", "count"),
    }[slug]
    data = section_post(draft, slug, {good: "3", (row, column): value}, status="completed")
    before = counts()
    response = as_user(officer).post(URL.format(slug), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert counts() == before
        assert "There is a problem" in response.content.decode()


@pytest.mark.parametrize(
    "mangle",
    [
        lambda d: d.pop("rows-TOTAL_FORMS"),
        lambda d: d.update({"rows-TOTAL_FORMS": "99999"}),
        lambda d: d.update({"rows-TOTAL_FORMS": "1"}),
        lambda d: d.update({"rows-TOTAL_FORMS": "x"}),
        lambda d: d.pop("rows-0-agency"),
        lambda d: d.pop("rows-0-key"),
        lambda d: d.pop("version"),
        lambda d: d.update({"version": "99999999999999999999"}),
        lambda d: d.pop("basis"),
        lambda d: d.update({"basis": "lots"}),
        lambda d: d.update({"status": "locked"}),
        lambda d: d.clear(),
    ],
)
def test_missing_or_tampered_fields_never_give_a_server_error_or_a_partial_save(
    as_user, draft, officer, mangle
):
    data = section_post(
        draft, "workforce", {("Social workers", "permanent"): "4"}, status="completed"
    )
    mangle(data)
    before = counts()
    response = as_user(officer).post(URL.format("workforce"), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert counts() == before


@pytest.mark.parametrize("slug", ["workforce", "complaints", "contacts"])
def test_a_section_page_costs_the_same_queries_however_many_rows(
    as_user, draft, officer, authority, slug
):
    client = as_user(officer)
    client.get(URL.format(slug))
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL.format(slug)).status_code == 200
    for n in range(6):
        team = TeamFactory(authority=authority, name=f"Extra team {n}")
        role = RoleFactory(name=f"Extra role {n}")
        ComplaintCountFactory(
            authority=authority, team=team, period=Period.quarter(2014, 4), stage="early"
        )
        StaffingFigureFactory(authority=authority, role=role, as_at=Period.quarter(2014, 4).end)
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL.format(slug)).status_code == 200
    assert len(many) == len(few)
    # One more than before service areas: the officer's areas, read once per page.
    assert len(few) <= 15, [q["sql"] for q in few.captured_queries]


def test_a_total_in_post_that_disagrees_with_its_parts_is_refused(as_user, draft, officer):
    before = counts()
    data = section_post(
        draft,
        "workforce",
        {
            ("First line managers", "total_reported"): "17",
            ("First line managers", "permanent"): "11",
            ("First line managers", "agency"): "5",
        },
    )
    html = as_user(officer).post(URL.format("workforce"), data).content.decode()
    assert summary_links(html) == [
        (
            "#id_rows-0-total_reported",
            "The total in post (17) does not match the rows, which add up to 16",
        )
    ]
    assert counts() == before


def test_a_row_shows_every_error_at_once_not_one_layer_at_a_time(as_user, draft, officer):
    """A negative vacancy does not hide the parts-over-whole check on the same row: the
    officer sees both problems on the first save, not the second after mending the first."""
    before = counts()
    data = section_post(
        draft,
        "workforce",
        {
            ("Social workers", "total_reported"): "15",
            ("Social workers", "permanent"): "6",
            ("Social workers", "agency"): "19",
            ("Social workers", "vacancies"): "-3",
        },
    )
    html = as_user(officer).post(URL.format("workforce"), data).content.decode()
    assert summary_links(html) == [
        (
            "#id_rows-1-permanent",
            "Permanent (6) and agency (19) make 25, more than the 15 in post given",
        ),
        ("#id_rows-1-vacancies", "Vacancies for Social workers cannot be less than 0"),
    ]
    assert counts() == before
