"""A member of the public finds a committee's chair and reads their councillor page, which
passes axe, as does the council's list of councillors."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

COMMITTEE = "/wokingham/committees/childrens-services-overview-and-scrutiny-committee/"


def test_the_public_reads_a_councillors_page_from_the_committee(page: Page, demo_server, axe):
    page.goto(f"{demo_server.url}{COMMITTEE}")
    expect(page.get_by_text("Demo Member")).to_have_count(0)
    page.get_by_role("link", name="Cllr Alex Example").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Cllr Alex Example")
    seats = page.get_by_role("table", name="Committee seats and terms of office")
    expect(seats).to_contain_text("Children's Services Overview and Scrutiny Committee")
    expect(seats).to_contain_text("Chairman")
    expect(page.get_by_role("heading", name="Register of interests")).to_be_visible()
    axe(page)

    page.get_by_role("link", name="Councillors").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Councillors")
    expect(page.get_by_role("link", name="Cllr Dana Example")).to_be_visible()
    axe(page)
