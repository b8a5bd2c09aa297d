"""Writing a tagged PDF reads each page's reference from a kept tuple, and writes the same file."""

import pydyf
import pytest

from packs import page_references
from packs.render import layout, write_pdf

PAGES = 12


@pytest.fixture
def document():
    """A tagged document of PAGES pages, each with a heading, a paragraph and a table."""
    page = (
        '<section style="break-before: page"><h2>Page {n}</h2><p>Text on page {n}.</p>'
        "<table><thead><tr><th>Team</th><th>Cases</th></tr></thead>"
        "<tbody><tr><td>Team {n}</td><td>{n}</td></tr></tbody></table></section>"
    )
    body = "".join(page.format(n=n) for n in range(1, PAGES + 1))
    return layout(f'<html lang="en-GB"><head><title>t</title></head><body>{body}</body></html>')


@pytest.fixture
def builds(monkeypatch):
    """How many times the page references were built from scratch."""
    count = [0]
    original = page_references._ORIGINAL.fget

    def counted(pdf):
        count[0] += 1
        return original(pdf)

    monkeypatch.setattr(page_references, "_ORIGINAL", property(counted))
    return count


def test_the_references_are_built_once_per_page_added_not_once_per_tagged_box(document, builds):
    write_pdf(document, "Kept references")

    assert 0 < builds[0] <= PAGES + 1


def test_the_kept_tuple_follows_pages_added_after_it_was_read():
    pdf = pydyf.PDF()
    first = pydyf.Dictionary({"Type": "/Page"})
    pdf.add_page(first)
    assert pdf.page_references == (f"{first.number} 0 R".encode(),)

    second = pydyf.Dictionary({"Type": "/Page"})
    pdf.add_page(second)
    assert pdf.page_references == (f"{first.number} 0 R".encode(), f"{second.number} 0 R".encode())


def test_the_file_is_byte_for_byte_what_the_rebuilt_references_write(document, monkeypatch):
    document.metadata.created = document.metadata.modified = "2026-11-23T12:00:00Z"
    kept = write_pdf(document, "Same file")

    monkeypatch.setattr(pydyf.PDF, "page_references", page_references._ORIGINAL)
    rebuilt = write_pdf(document, "Same file")

    assert kept == rebuilt
