"""Seed 001, Wokingham's Public Document Pack of 21 July 2015, built from the demo data the
way ``render_pack`` builds it: the agenda lists item 18 with the pages it really fills."""

import datetime as dt

import pytest
from django.core.management import call_command

from committees.models import Meeting
from demo import load_demo

from .conftest import BLANK

pytestmark = pytest.mark.django_db

TITLE = "Delivering Effective Safeguarding Services For Children"


@pytest.fixture
def seed_meeting():
    load_demo()
    return Meeting.objects.get(committee__authority__slug="wokingham", date=dt.date(2015, 7, 21))


def item_pages(pdf, number: int) -> tuple[int, int]:
    """Where the item starts and ends, read from the pages' text alone: it starts on the
    page headed "Agenda Item N." and runs to the page before the next blank page, item or
    the end of the document."""
    heads = [text.lstrip() for text in pdf.texts]
    starts = [n for n, head in enumerate(heads, 1) if head.startswith("Agenda Item")]
    first = next(n for n in starts if heads[n - 1].startswith(f"Agenda Item {number}."))
    last = first
    while last < len(pdf.texts) and last + 1 not in starts and BLANK not in pdf.texts[last]:
        last += 1
    return first, last


@pytest.mark.parametrize("flags", [["--supplementary"], []], ids=["supplementary", "public"])
def test_the_seed_001_pack_lists_item_18_with_the_pages_it_fills(
    seed_meeting, flags, tmp_path, read_pdf, capsys
):
    output = tmp_path / "pack.pdf"
    call_command("render_pack", seed_meeting.pk, "--output", str(output), *flags)
    pdf = read_pdf(output.read_bytes())
    first, last = item_pages(pdf, 18)
    # The supplementary pack encloses item 18 alone; the ordinary agenda prints the forward
    # programme (item 17) too, and item 18 after it.
    ranges = pdf.agenda_ranges()
    assert ranges[18] == (first, last)
    assert set(ranges) == ({18} if flags else {17, 18})
    assert (pdf.page_of("item-18"), pdf.page_of("item-18-end")) == (first, last)
    assert TITLE in " ".join(pdf.texts[0 if flags else 1].split())
    assert last - first >= 10, "the annual review runs to many pages"
    assert first % 2 == 1
    assert f"item 18: pages {first}-{last}" in capsys.readouterr().out
    if flags:
        # As in the seed: the Chief Executive's letter, a blank page, the report from page 3.
        assert first == 3 and BLANK in pdf.texts[1]
        assert "Andy Couldrick" in pdf.texts[0]
