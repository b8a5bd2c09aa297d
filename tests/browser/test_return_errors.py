"""A whole quarter in Chromium, meeting every kind of error a return refuses on the way.

The `officer` demo user fills Wokingham's 2018-19 Q3 return through its pages and, section
by section, types what the rules refuse: a negative and a fractional count, a percentage
over 100, a numerator above its denominator, a snapshot date outside the quarter, parts
above their whole, a total that disagrees with its parts (in a row and across rows), a
figure far from last quarter and an amber RAG with no commentary, and the same theme twice.
Each refusal is checked as a person meets it (the title starts "Error:", the error summary
is focused and links to the field, the same words sit beside the field, what was typed is
still in the boxes) and in the database (nothing of the section was saved). Each is then
fixed, the return submitted; `approver` approves it, and the figures the officer typed
appear on Wokingham's workforce, contacts and practice score card pages.

No other browser test uses Wokingham 2018-19 Q3: the quarter before it holds the practice
scores a far move is measured from. The test leaves the return approved.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.db.models import QuerySet
from playwright.sync_api import BrowserContext, Page, expect

from assurance.models import ComplaintTheme, ContactVolume
from programmes.models import ProgressUpdate
from returns.models import QuarterlyReturn, ReturnSection
from returns.sections import sections
from scorecards.models import IndicatorValue, PracticeScore
from scrutiny.models import Period
from tests.browser.support import complete_as_it_stands, signed_in_page
from workforce.models import Caseload, StaffingFigure

pytestmark = pytest.mark.browser

COUNCIL = "wokingham"
RETURN = f"/{COUNCIL}/returns/2018-19-q3/"
COMPLETE = "Save and mark as completed"


def refused(page: Page, *errors: tuple[str, str] | tuple[str, str, str]) -> None:
    """The page refused the save with exactly these errors: (field id, message[, error id]).

    Each message is in the focused error summary, linked to its field, and beside the field
    (by default in ``<field id>-error``), behind the hidden "Error:" a screen reader says.
    """
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.locator("a")).to_have_text([message for _, message, *_ in errors])
    for field_id, message, *beside in errors:
        link = summary.get_by_role("link", name=message, exact=True)
        expect(link).to_have_attribute("href", f"#{field_id}")
        expect(page.locator(f"#{field_id}")).to_be_visible()
        error_id = beside[0] if beside else f"{field_id}-error"
        expect(page.locator(f"#{error_id}")).to_have_text(f"Error: {message}")


def kept(page: Page, typed: dict[str, str]) -> None:
    """The refused page shows back what was typed, box by box."""
    for field_id, value in typed.items():
        expect(page.locator(f"#{field_id}")).to_have_value(value)


def fill(page: Page, typed: dict[str, str]) -> None:
    for field_id, value in typed.items():
        box = page.locator(f"#{field_id}")
        if box.evaluate("e => e.tagName") == "SELECT":
            box.select_option(value)
        else:
            box.fill(value)


def meet_and_fix(
    page: Page,
    slug: str,
    typed: dict[str, str],
    errors: list[tuple[str, ...]],
    stored: QuerySet,
    fix: dict[str, str],
    also: Callable[[], None] | None = None,
) -> None:
    """Open a section from the task list, type ``typed`` and try to complete it: refused
    with ``errors``, the typed boxes kept, the section not saved and nothing in ``stored``.
    Then (after ``also``, more checks of the refused page) type ``fix`` and complete it."""
    page.get_by_role("link", name=sections()[slug].title, exact=True).click()
    version = section(slug).version
    fill(page, typed)
    page.get_by_role("button", name=COMPLETE).click()
    refused(page, *errors)
    kept(page, typed)
    assert not stored.exists(), f"{slug}: a refused save stored {list(stored)}"
    assert section(slug).version == version, f"{slug}: a refused save moved the section on"
    if also:
        also()
    fill(page, fix)
    page.get_by_role("button", name=COMPLETE).click()
    completed(page, slug)


def section(slug: str) -> ReturnSection:
    return ReturnSection.objects.get(
        quarterly_return__authority__slug=COUNCIL,
        quarterly_return__period__kind=Period.Kind.QUARTER,
        quarterly_return__period__start_year=2018,
        quarterly_return__period__number=3,
        key=sections()[slug].key,
    )


def quarter() -> Period:
    # Looked up, never created: the server creates it when the return starts, and a row
    # written here would sit in this test's open transaction, out of the server's sight.
    return Period.objects.get(kind=Period.Kind.QUARTER, start_year=2018, number=3)


def completed(page: Page, slug: str) -> None:
    """The save went through: back on the task list, the section marked completed."""
    expect(page.locator(f"#task-{slug}-status")).to_have_text("Completed")
    assert section(slug).status == ReturnSection.Status.COMPLETED


def test_the_officer_meets_and_fixes_every_kind_of_error_then_the_figures_reach_the_council(
    sign_in_as, demo_server, context: BrowserContext
):
    page: Page = sign_in_as("officer")
    page.goto(demo_server.url + RETURN)
    page.get_by_role("button", name="Start the Q3 2018/19 return").click()
    expect(page.locator(".govuk-task-list")).to_be_visible()
    period = quarter()

    # Workforce: a snapshot date outside the quarter, a total in post that disagrees with
    # permanent and agency, and permanent and agency above the posts given.
    meet_and_fix(
        page,
        "workforce",
        typed={
            "id_as_at_day": "1",
            "id_as_at_month": "1",
            "id_as_at_year": "2019",
            "id_rows-0-total_reported": "17",
            "id_rows-0-permanent": "11",
            "id_rows-0-agency": "5",
            "id_rows-3-total_reported": "15",
            "id_rows-3-permanent": "6",
            "id_rows-3-agency": "19",
        },
        errors=[
            (
                "id_as_at_day",
                "The snapshot date must be between 1 October 2018 and 31 December 2018",
                "as_at-error",
            ),
            (
                "id_rows-0-total_reported",
                "The total in post (17) does not match the rows, which add up to 16",
            ),
            (
                "id_rows-3-permanent",
                "Permanent (6) and agency (19) make 25, more than the 15 in post given",
            ),
        ],
        stored=StaffingFigure.objects.filter(authority__slug=COUNCIL, period=period),
        fix={
            "id_as_at_day": "31",
            "id_as_at_month": "12",
            "id_as_at_year": "2018",
            "id_rows-0-total_reported": "16",
            "id_rows-3-total_reported": "25",
            "id_rows-3-vacancies": "4",
        },
    )

    # Caseloads: counts are whole and never negative.
    meet_and_fix(
        page,
        "caseloads",
        typed={
            "id_rows-0-cases_held": "-3",
            "id_rows-0-case_holding_fte": "7.5",
            "id_rows-1-cases_held": "2.5",
            "id_rows-1-case_holding_fte": "3",
        },
        errors=[
            (
                "id_rows-0-cases_held",
                "Cases held for Ambleside Social Work Team cannot be less than 0",
            ),
            (
                "id_rows-1-cases_held",
                "Cases held for Brambles Social Work Team must be a whole number",
            ),
        ],
        stored=Caseload.objects.filter(authority__slug=COUNCIL, period=period),
        fix={"id_rows-0-cases_held": "131", "id_rows-1-cases_held": "52"},
    )

    # Practice score card: a score far from last quarter's 5.4 needs a commentary before
    # the section can be completed; the hint names the figure that moved, and the
    # summary's link takes the officer to the box to explain it in.
    moved = (
        "Explain why 1 figure moved by more than half since last quarter "
        "before you mark the section as completed"
    )

    def the_move_is_named_and_linked() -> None:
        expect(page.locator("#id_commentary-hint")).to_contain_text(
            "Average score for 1. Danger statements and safety goals: 5.4 last quarter, 1.5 now"
        )
        page.locator(".govuk-error-summary").get_by_role("link", name=moved).click()
        expect(page.locator("#id_commentary")).to_be_focused()

    meet_and_fix(
        page,
        "practice",
        typed={"id_rows-0-score": "1.5"},
        errors=[("id_commentary", moved)],
        stored=PracticeScore.objects.filter(period=period),
        fix={"id_commentary": "This quarter's audits looked at the hardest cases."},
        also=the_move_is_named_and_linked,
    )

    # Indicators: a numerator above its denominator, and a percentage above 100.
    meet_and_fix(
        page,
        "indicators",
        typed={
            "id_rows-0-numerator": "12",
            "id_rows-0-denominator": "10",
            "id_rows-0-reported_value": "120",
        },
        errors=[
            (
                "id_rows-0-numerator",
                "Numerator for Social worker turnover rate (12) cannot be more than "
                "the denominator (10)",
            ),
            (
                "id_rows-0-reported_value",
                "Value for Social worker turnover rate must be between 0 and 100",
            ),
        ],
        stored=IndicatorValue.objects.filter(authority__slug=COUNCIL, period=period),
        fix={"id_rows-0-numerator": "3", "id_rows-0-reported_value": ""},
    )

    # Complaint themes: the same theme twice is refused, naming it.
    meet_and_fix(
        page,
        "complaint-themes",
        typed={
            "id_rows-0-theme": "Delays in assessments",
            "id_rows-1-theme": "delays in assessments",
        },
        errors=[
            (
                "id_rows-1-theme",
                "delays in assessments is entered more than once: enter each theme once",
            )
        ],
        stored=ComplaintTheme.objects.filter(authority__slug=COUNCIL, period=period),
        fix={"id_rows-1-theme": "Communication with families"},
    )

    # Programme progress: an amber project needs a commentary before completing.
    meet_and_fix(
        page,
        "programmes",
        typed={"id_rows-0-rag": "amber"},
        errors=[
            (
                "id_commentary",
                "Explain the red or amber RAG before you mark the section as completed",
            )
        ],
        stored=ProgressUpdate.objects.filter(period=period),
        fix={"id_commentary": "Training in-house slipped a quarter: two trainers left."},
    )

    # Contacts: a total given must agree with the channels it totals.
    meet_and_fix(
        page,
        "contacts",
        typed={"id_rows-0-count": "4217", "id_rows-1-count": "905", "id_total": "5000"},
        errors=[
            ("id_total", "Total contacts (5,000) does not match the rows, which add up to 5,122")
        ],
        stored=ContactVolume.objects.filter(authority__slug=COUNCIL, period=period),
        fix={"id_total": "5122"},
    )

    # Every other section as it stands, then submit.
    links = page.locator(".govuk-task-list__link")
    for i in range(links.count()):
        slug = links.nth(i).get_attribute("href").rstrip("/").rsplit("/", 1)[1]
        if page.locator(f"#task-{slug}-status").inner_text().strip() == "Completed":
            continue
        page.locator(f"a[aria-describedby='task-{slug}-status']").click()
        complete_as_it_stands(page)
        completed(page, slug)
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.locator("main")).to_contain_text("Submitted")

    with signed_in_page(context.browser, demo_server.url, "approver") as other:
        other.goto(demo_server.url + RETURN)
        other.get_by_role("button", name="Approve").click()
        expect(other.locator("main")).to_contain_text("Approved")
        assert (
            QuarterlyReturn.objects.get(authority__slug=COUNCIL, period=period).status
            == QuarterlyReturn.Status.APPROVED
        )

        # What the officer typed is now what the council's pages show.
        other.goto(f"{demo_server.url}/{COUNCIL}/workforce/staffing/")
        # Role, snapshot, basis, in post, permanent, agency, vacancies.
        typed_row = re.compile(r"^Social workers 31 Dec 2018 Headcount 25 6 19 4 ")
        expect(other.get_by_role("row", name=typed_row)).to_have_count(1)
        other.goto(f"{demo_server.url}/{COUNCIL}/assurance/contacts/")
        expect(
            other.get_by_role("heading", name="Q3 2018/19 (October to December 2018)")
        ).to_be_visible()
        expect(other.get_by_role("row", name=re.compile(r"^Telephone calls 4217 "))).to_have_count(
            1
        )
        expect(other.get_by_role("row", name=re.compile(r"^Total 5122 "))).to_have_count(1)
        other.goto(f"{demo_server.url}/{COUNCIL}/scorecards/practice/")
        other.get_by_role("link", name="Signs of Safety score card", exact=True).click()
        expect(other.get_by_role("columnheader", name="31 Dec 2018 (Q3 2018/19)")).to_be_visible()
        typed_row = re.compile(
            r"^Danger statements and safety goals .* 5\.4 \(illustrative\) 1\.5$"
        )
        expect(other.get_by_role("row", name=typed_row)).to_have_count(1)
