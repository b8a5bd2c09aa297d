"""Printed pages come from the layout alone: every "Pages a - b" a demo pack prints, anywhere
in it (the agenda, the letter, an item's description), is the range its item really fills,
read back from the built PDF with pypdf: from the page headed "Agenda Item N." to the page
before the next item, blank page or the end."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.management import call_command

from committees.models import Meeting
from demo import load_demo

from .test_seed_pack import item_pages

pytestmark = pytest.mark.django_db

PRINTED = re.compile(r"\bPages?\s+(\d+)\s*[-–]\s*(\d+)", re.IGNORECASE)


def build(meeting, tmp_path, *flags):
    output = tmp_path / f"pack-{meeting.pk}-{'-'.join(flags) or 'public'}.pdf"
    call_command("render_pack", meeting.pk, "--output", str(output), *flags)
    return output.read_bytes()


@pytest.mark.parametrize("flags", [[], ["--supplementary"]], ids=["public", "supplementary"])
def test_every_page_range_the_21_july_2015_packs_print_is_where_the_item_lies(
    tmp_path, read_pdf, flags
):
    load_demo()
    meeting = Meeting.objects.get(committee__authority__slug="wokingham", date=dt.date(2015, 7, 21))
    pdf = read_pdf(build(meeting, tmp_path, *flags))
    printed = [(int(a), int(b)) for a, b in PRINTED.findall(" ".join(pdf.text.split()))]
    ranges = pdf.agenda_ranges()
    assert ranges, "the agenda prints the pages of the items it encloses"
    for number, (first, last) in ranges.items():
        assert item_pages(pdf, number) == (first, last), number
        assert (pdf.page_of(f"item-{number}"), pdf.page_of(f"item-{number}-end")) == (first, last)
    # Nothing else prints a range: each one printed is one of the items' own, printed once.
    assert sorted(printed) == sorted(ranges.values())
