"""Every demo council's public pack set as ModernGov sets one: no page ends with a heading, a
section's "Figures as at" line or a table's caption, away from what it introduces; no figure is
split from its caption; the blank-page notice is in the middle of its page; and each council's
cover letter carries the address and telephone number from the council's details."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from weasyprint.formatting_structure.boxes import BlockBox, MarginBox, TextBox

from committees.models import Meeting
from demo import load_demo
from packs.documents import pack_source
from packs.models import RenderJob
from packs.render import layout, render

from .conftest import BLANK

pytestmark = pytest.mark.django_db

KEEP_WITH_NEXT = {"h1", "h2", "h3", "h4", "caption"}


def _texts(box, blocks=(), found=None):
    """(text, enclosing block elements) for every text box outside the page's margins."""
    found = [] if found is None else found
    if isinstance(box, MarginBox):
        return found
    if isinstance(box, BlockBox) and getattr(box, "element", None) is not None:
        blocks = (*blocks, box.element)
    if isinstance(box, TextBox) and box.text.strip():
        found.append((box.text, blocks))
    for child in getattr(box, "children", None) or []:
        _texts(child, blocks, found)
    return found


def _keeps_with_next(element) -> bool:
    return element.tag in KEEP_WITH_NEXT or "app-figures-as-at" in (element.get("class") or "")


@pytest.fixture(scope="module")
def packs(django_db_setup, django_db_blocker):
    """Each demo meeting's public pack, laid out: (meeting, document)."""
    with django_db_blocker.unblock():
        load_demo()
        laid_out = []
        for meeting in Meeting.objects.select_related("committee__authority").order_by("pk"):
            source = pack_source(meeting, RenderJob.Kind.PUBLIC_PACK)
            if source.items:
                laid_out.append((meeting, layout(source.html(render(source).ranges))))
        yield laid_out
        call_command("flush", interactive=False, verbosity=0)


def test_no_page_ends_with_a_heading_or_caption_left_from_what_follows(packs):
    stranded = []
    for meeting, document in packs:
        for number, page in enumerate(document.pages[:-1], start=1):
            texts = _texts(page._page_box)
            if texts and texts[-1][1] and _keeps_with_next(texts[-1][1][-1]):
                stranded.append(f"{meeting}: page {number} ends with {texts[-1][0]!r}")
    assert len(packs) >= 4
    assert not stranded


def test_no_figure_is_split_over_two_pages(packs):
    charts = 0
    for meeting, document in packs:
        pages_of: dict[int, set[int]] = {}
        for number, page in enumerate(document.pages, start=1):
            for _, blocks in _texts(page._page_box):
                for element in blocks:
                    if element.tag == "figure":
                        pages_of.setdefault(id(element), set()).add(number)
        charts += len(pages_of)
        assert all(len(pages) == 1 for pages in pages_of.values()), meeting
    assert charts, "the demo packs hold charts"


def test_every_councils_cover_letter_has_its_address_and_telephone(packs):
    councils = set()
    for meeting, document in packs:
        authority = meeting.committee.authority
        letter = " ".join(text for text, _ in _texts(document.pages[0]._page_box))
        assert authority.address and authority.telephone, authority
        for line in authority.address.splitlines():
            assert line in letter, (authority, line)
        assert f"Telephone: {authority.telephone}" in letter
        councils.add(authority.slug)
    assert councils == {"wokingham", "wiltshire", "slough", "lincolnshire"}


def test_the_blank_page_notice_is_centred_on_its_page(packs):
    meeting = Meeting.objects.get(committee__authority__slug="wokingham", date__year=2015)
    source = pack_source(meeting, RenderJob.Kind.SUPPLEMENTARY_PACK)
    document = layout(source.html(render(source).ranges))
    page = document.pages[1]
    notices = [
        box
        for box in page._page_box.descendants()
        if isinstance(box, TextBox) and BLANK in box.text
    ]
    assert len(notices) == 1
    notice = notices[0]
    middle_x = notice.position_x + notice.width / 2
    middle_y = notice.position_y + notice.height / 2
    assert abs(middle_x - page.width / 2) < page.width * 0.02
    assert abs(middle_y - page.height / 2) < page.height * 0.03
