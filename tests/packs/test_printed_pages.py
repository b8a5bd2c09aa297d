"""Printed pages come from the layout alone, and every demo meeting has a real agenda.

Each demo meeting's pack (and the 21 July 2015 supplementary pack) is built and read back
with pypdf: every "Pages a - b" it prints, anywhere (the agenda, the letter, an item's
description), is the range its item really fills, from the page headed "Agenda Item N." to
the page before the next item, blank page or the end. Every pack lists at least three
items, standing items around its report; the packs print ranges across several items, and
at least one of them has a blank page so that an item starts on a right-hand page."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from committees.models import Meeting
from demo import load_demo

from .conftest import BLANK
from .test_seed_pack import item_pages

pytestmark = pytest.mark.django_db

PRINTED = re.compile(r"\bPages?\s+(\d+)\s*[-–]\s*(\d+)", re.IGNORECASE)
STANDING = {"apologies", "minutes", "declarations", "questions"}


def build(meeting, tmp_path, *flags):
    output = tmp_path / f"pack-{meeting.pk}-{'-'.join(flags) or 'public'}.pdf"
    call_command("render_pack", meeting.pk, "--output", str(output), *flags)
    return output.read_bytes()


def check_ranges(pdf) -> dict[int, tuple[int, int]]:
    """The agenda's ranges, each where its item lies; no other range printed anywhere."""
    printed = [(int(a), int(b)) for a, b in PRINTED.findall(" ".join(pdf.text.split()))]
    ranges = pdf.agenda_ranges()
    for number, (first, last) in ranges.items():
        assert item_pages(pdf, number) == (first, last), number
        assert (pdf.page_of(f"item-{number}"), pdf.page_of(f"item-{number}-end")) == (first, last)
    assert sorted(printed) == sorted(ranges.values())
    return ranges


def test_every_demo_pack_prints_only_the_pages_its_layout_produced(tmp_path, read_pdf, capsys):
    load_demo()
    meetings = Meeting.objects.select_related("committee__authority").prefetch_related("items")
    assert meetings.count() == 5
    blank_pages, pages = 0, {}
    for meeting in meetings:
        items = list(meeting.items.all())
        assert len(items) >= 3, meeting
        assert {item.kind for item in items} >= STANDING, meeting
        supplementary = any(item.is_supplementary for item in items)
        for flags in [[]] + ([["--supplementary"]] if supplementary else []):
            pdf = read_pdf(build(meeting, tmp_path, *flags))
            ranges = check_ranges(pdf)
            assert ranges, meeting
            if not flags:
                # Every item carrying a published report prints, each with its own range.
                printed = {i.number for i in items if i.report_id}
                assert set(ranges) == printed, meeting
            blank_pages += sum(BLANK in text for text in pdf.texts)
            pages[f"{meeting.committee.authority.slug} {meeting.date}{' '.join(['', *flags])}"] = (
                len(pdf.texts)
            )
    with capsys.disabled():
        print("\ndemo pack pages:", pages)
    assert blank_pages >= 1
