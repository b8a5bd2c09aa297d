"""A pack laid out part by part in processes and joined, read back with pypdf and pikepdf."""

from io import BytesIO

import pikepdf
import pytest

from committees.models import ReportSection
from packs.documents import pack_source
from packs.models import RenderJob
from packs.parallel import render_parallel
from packs.render import render

from .conftest import BLANK, HEADER, long_text

pytestmark = pytest.mark.django_db
Kind = RenderJob.Kind


def _parallel(meeting, tmp_path, kind=Kind.CONFIDENTIAL_PACK, processes=2, progress=None):
    target = tmp_path / f"pack-{processes}.pdf"
    result = render_parallel(
        pack_source(meeting, kind),
        directory=tmp_path / "parts",
        target=target,
        on_progress=progress,
        processes=processes,
    )
    return result, target.read_bytes()


@pytest.fixture
def built(meeting, tmp_path, read_pdf):
    result, data = _parallel(meeting, tmp_path)
    return result, data, read_pdf(data)


def test_a_pack_built_in_processes_has_the_same_text_page_for_page_as_one_document(
    meeting, built, read_pdf
):
    _, _, parallel = built
    single = read_pdf(render(pack_source(meeting, Kind.CONFIDENTIAL_PACK)).pdf)
    assert len(parallel.texts) == len(single.texts) > 8
    for number, (ours, theirs) in enumerate(
        zip(parallel.texts, single.texts, strict=True), start=1
    ):
        assert ours == theirs, f"page {number} differs"


def test_one_process_builds_the_same_pack(meeting, built, tmp_path, read_pdf):
    _, _, parallel = built
    result, data = _parallel(meeting, tmp_path / "one", processes=1)
    assert read_pdf(data).texts == parallel.texts
    assert result.laid_out == [1, 2, 3, 4, 0]


def test_agenda_ranges_odd_starts_blank_pages_and_headers_hold(built):
    result, _, pdf = built
    printed = pdf.agenda_ranges()
    assert sorted(printed) == [1, 2, 3, 4] and result.ranges == printed
    for number, (first, last) in printed.items():
        assert first % 2 == 1
        assert pdf.page_of(f"item-{number}") == first
        assert pdf.page_of(f"item-{number}-end") == last
        assert pdf.texts[first - 1].lstrip().startswith(f"Agenda Item {number}.")
        assert HEADER in pdf.texts[first - 1], "an item's first page has the running header"
    blanks = [text for text in pdf.texts if BLANK in text]
    assert blanks, "the fixture's items leave at least one blank page"
    assert all(HEADER not in text for text in blanks)
    for number, text in enumerate(pdf.texts, start=1):
        assert f"Page {number}" in text


def _structure(document) -> list:
    """The tag tree as nested (tag, kids). The one-document agenda asks for each range with
    ``::after`` content, which WeasyPrint tags as a link inside the link; the joined pack's
    agenda prints the range in the link itself: a link in a link counts as one link here."""

    def walk(element):
        if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
            return "content"
        kids = element.get("/K", [])
        kids = [walk(kid) for kid in (kids if isinstance(kids, pikepdf.Array) else [kids])]
        if element.S == "/Link":
            kids = [k for kid in kids for k in (kid[1] if kid[0:1] == ("/Link",) else [kid])]
            kids = sorted(set(kids), key=str)  # its text and its annotation(s)
        return (str(element.S), kids)

    return [walk(element) for element in document.K]


def test_one_structure_tree_language_outline_labels_and_fonts_embedded_once(meeting, built):
    _, data, _ = built
    single = render(pack_source(meeting, Kind.CONFIDENTIAL_PACK)).pdf
    with pikepdf.open(BytesIO(single)) as pdf:
        expected = _structure(pdf.Root.StructTreeRoot.K[0])
    with pikepdf.open(BytesIO(data)) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        tree = pdf.Root.StructTreeRoot
        document = tree.K[0]
        assert document.S == "/Document"
        assert _structure(document) == expected, "the same tags as the one-document build"
        pages = {page.objgen for page in pdf.pages}
        assert all(element.Pg.objgen in pages for element in document.K if "/Pg" in element)
        keys = list(tree.ParentTree.Nums)[::2]
        assert keys[: len(pdf.pages)] == list(range(len(pdf.pages)))
        assert [int(page.StructParents) for page in pdf.pages] == list(range(len(pdf.pages)))
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
        assert titles[:2] == [titles[0], "Agenda"] and "Agenda Item 4." in titles
        assert pdf.Root.PageLabels.Nums[1].S == "/D"
        fonts = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary)]
        type0 = [obj for obj in fonts if obj.get("/Subtype") == "/Type0"]
        names = [str(font.BaseFont) for font in type0]
        assert names and len(names) == len(set(names)), names
        programs = [obj for obj in fonts if "/FontFile2" in obj]
        assert len(programs) == len(names)


def test_the_agenda_links_go_to_the_items(built):
    _, data, pdf = built
    with pikepdf.open(BytesIO(data)) as document:
        links = [
            str(annot.Dest)
            for page in list(document.pages)[:3]
            for annot in page.get("/Annots", [])
            if annot.get("/Subtype") == "/Link" and "/Dest" in annot
        ]
    assert {f"item-{n}" for n in (1, 2, 3, 4)} <= set(links)
    assert pdf.page_of("item-1") > 2


def test_a_pack_with_one_changed_item_lays_out_only_that_item_and_the_agenda(
    meeting, built, tmp_path, read_pdf
):
    first, _, before = built
    assert first.laid_out == [1, 2, 3, 4, 0]
    again, _ = _parallel(meeting, tmp_path)
    assert again.laid_out == [], "nothing changed: every part is kept"
    short = meeting.items.get(number=3).report
    ReportSection.objects.create(report=short, order=9, heading="Later", body=long_text(9))
    changed, data = _parallel(meeting, tmp_path)
    assert changed.laid_out == [3, 0], "item 3 and the agenda (its ranges moved) only"
    after = read_pdf(data)
    assert len(after.texts) > len(before.texts)
    single = read_pdf(render(pack_source(meeting, Kind.CONFIDENTIAL_PACK)).pdf)
    assert after.texts == single.texts


def test_progress_is_counted_by_the_page_across_processes(meeting, tmp_path):
    seen = []
    result, _ = _parallel(meeting, tmp_path, progress=seen.append)
    assert seen == sorted(seen), "progress never goes back"
    assert seen[-1] >= result.pages
