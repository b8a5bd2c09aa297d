"""pydyf's ``PDF.page_references``, kept instead of rebuilt on every use.

pydyf 0.13 builds the tuple of every page's reference afresh each time the property is
read, and WeasyPrint 70's PDF/UA tagging reads it once for every tagged box
(``weasyprint/pdf/tags.py``: ``pdf.page_references[page_number]``). A pack's boxes grow
with its pages, so writing it took time in the square of its length: for a 304-page pack,
28,000 reads built 8.7 million references, a quarter of the writing time, and 300 pages
took 3.6 times as long as 100 (bench/packs.py).

The tuple is now kept on the PDF and built again only when a page has been added since
(pages are only ever appended, through ``PDF.add_page``), so every read returns what the
original property would have returned. Installed once, when the pack renderer is imported.
"""

from __future__ import annotations

import pydyf

_ORIGINAL = pydyf.PDF.page_references
_KEPT = "_scrutiny_page_references"


def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    kids = pdf.pages["Kids"]
    kept = pdf.__dict__.get(_KEPT)
    if kept is None or kept[0] is not kids or kept[1] != len(kids):
        kept = (kids, len(kids), _ORIGINAL.fget(pdf))
        pdf.__dict__[_KEPT] = kept
    return kept[2]


def install() -> None:
    """Make ``pydyf.PDF.page_references`` keep its tuple (idempotent)."""
    pydyf.PDF.page_references = property(_page_references, doc=_ORIGINAL.__doc__)
