"""The packs as PDFs, read back with pypdf: page ranges, odd starts, blank pages, Part 2."""

import pytest

from packs.documents import pack_source, report_source
from packs.models import RenderJob
from packs.render import render

from .conftest import BLANK, CANARY, HEADER

pytestmark = pytest.mark.django_db
Kind = RenderJob.Kind


@pytest.fixture
def confidential(meeting, read_pdf):
    result = render(pack_source(meeting, Kind.CONFIDENTIAL_PACK))
    return result, read_pdf(result.pdf)


@pytest.fixture
def public(meeting, read_pdf):
    result = render(pack_source(meeting, Kind.PUBLIC_PACK))
    return result, read_pdf(result.pdf)


def test_agenda_page_ranges_are_where_each_item_starts_and_ends(confidential):
    result, pdf = confidential
    printed = pdf.agenda_ranges()
    assert sorted(printed) == [1, 2, 3, 4]
    for number, (first, last) in printed.items():
        assert pdf.page_of(f"item-{number}") == first
        assert pdf.page_of(f"item-{number}-end") == last
        assert pdf.texts[first - 1].lstrip().startswith(f"Agenda Item {number}.")
        after = pdf.texts[last] if last < len(pdf.texts) else ""
        assert after.lstrip().startswith(("Agenda Item", BLANK)) or last == len(pdf.texts)
    assert printed[1][1] > printed[1][0], "the long report should run over several pages"
    assert result.ranges == printed


def test_every_item_starts_on_an_odd_page(confidential):
    _, pdf = confidential
    starts = [n for n, text in enumerate(pdf.texts, start=1) if "Agenda Item " in text[:40]]
    assert len(starts) == 4
    assert all(page % 2 == 1 for page in starts)


def test_blank_pages_carry_the_notice_and_no_running_header(confidential):
    _, pdf = confidential
    blank = [text for text in pdf.texts if BLANK in text]
    assert blank, "an item ending on an odd page should leave a blank page"
    for text in blank:
        assert HEADER not in text
        assert "Agenda Item" not in text
    # Every page that is not a blank one and not the letter carries the header and a number.
    for number, text in enumerate(pdf.texts[1:], start=2):
        assert f"Page {number}" in text
        if BLANK not in text:
            assert HEADER in text


def test_the_public_pack_lists_the_exempt_item_but_holds_nothing_of_it(public, confidential):
    _, public_pdf = public
    _, confidential_pdf = confidential
    assert CANARY not in public_pdf.text
    assert "A placement decision" in public_pdf.text
    assert "Exempt under paragraph 1" in public_pdf.text
    assert 2 not in public_pdf.agenda_ranges()
    assert "item-2" not in public_pdf.reader.named_destinations
    assert CANARY in confidential_pdf.text
    assert "Part 2 – not for publication" in confidential_pdf.text
    assert f"{HEADER} – Confidential" in confidential_pdf.text


def test_the_supplementary_pack_encloses_only_late_items_after_its_letter(meeting, read_pdf):
    pdf = read_pdf(render(pack_source(meeting, Kind.SUPPLEMENTARY_PACK)).pdf)
    assert pdf.agenda_ranges() == {4: (3, pdf.page_of("item-4-end"))}
    assert "I am now able to enclose" in pdf.texts[0]
    assert BLANK in pdf.texts[1]


def test_pdf_is_pdf_ua_with_title_language_and_tagged_header_cells(meeting, read_pdf):
    result = render(pack_source(meeting, Kind.PUBLIC_PACK))
    pdf = read_pdf(result.pdf)
    root = pdf.reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"]
    assert pdf.reader.metadata.title.endswith("Public Document Pack")
    xmp = root["/Metadata"].get_object().get_data()
    assert b'pdfuaid:part="1"' in xmp
    tags = set()

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif hasattr(node, "get"):
            if node.get("/S"):
                tags.add(node["/S"])
            if node.get("/K") is not None:
                walk(node["/K"])

    walk(root["/StructTreeRoot"])
    assert {"/Table", "/THead", "/TH", "/TD"} <= tags


def test_a_long_table_repeats_its_header_row_on_every_page_it_spans(meeting, read_pdf):
    from tests.factories.scrutiny import ReportSectionFactory

    report = meeting.items.get(number=3).report
    rows = "".join(f"<tr><td>Team {n}</td><td>{n}</td></tr>" for n in range(90))
    head = "<thead><tr><th>Team name</th><th>Cases</th></tr></thead>"
    body = f"<table>{head}<tbody>{rows}</tbody></table>"
    ReportSectionFactory(report=report, order=1, heading="Teams", body=body)
    pdf = read_pdf(render(report_source(report)).pdf)
    spanned = [text for text in pdf.texts if "Team 1" in text or "Team 8" in text]
    assert len(pdf.texts) >= 2
    pages_with_rows = [text for text in pdf.texts if "Team " in text.replace("Team name", "")]
    assert len(pages_with_rows) >= 2 and spanned
    assert all("Team name" in text for text in pages_with_rows)


def test_a_pack_rendered_to_a_file_is_the_same_document_with_nothing_held_in_memory(
    meeting, read_pdf, tmp_path
):
    """The job writes the PDF straight to its file (render's ``target``): no bytes are
    returned, and the file holds the same pages and agenda ranges as the bytes would."""
    target = tmp_path / "pack.pdf"
    result = render(pack_source(meeting, Kind.CONFIDENTIAL_PACK), target=target)
    assert result.pdf is None
    pdf = read_pdf(target.read_bytes())
    assert len(pdf.texts) == result.pages
    assert pdf.agenda_ranges() == result.ranges
    assert result.layouts == 1, "target-counter should give the agenda's ranges in one layout"


def test_the_collector_runs_less_often_while_a_pack_is_made_and_as_before_after(
    meeting, monkeypatch
):
    import gc

    from packs import render as rendering

    seen = []
    real_layout = rendering.layout

    def layout(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real_layout(*args, **kwargs)

    monkeypatch.setattr(rendering, "layout", layout)
    before = gc.get_threshold()
    render(report_source(meeting.items.get(number=3).report))
    assert seen and set(seen) == {rendering.RENDER_GC_THRESHOLD} != {before}
    assert gc.get_threshold() == before

    def broken(*args, **kwargs):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(rendering, "layout", broken)
    with pytest.raises(RuntimeError):
        render(report_source(meeting.items.get(number=3).report))
    assert gc.get_threshold() == before  # restored when a render fails too
