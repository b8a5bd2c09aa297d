"""Printed pages come from the layout alone: the one rule that finds a page range typed by
hand.

A pack's agenda prints each item's pages as the layout lays them out ("(Pages 3 - 29)").
A range typed into an item's description ("Pages 3 - 32 of the Public Document Pack") is
right only until the pack changes, and then contradicts the printed one in the same cell.
The agenda item form and the demo loader both ask ``typed_page_reference``.
"""

from __future__ import annotations

import re

from django import forms

# "Pages 3 - 32", "page 5", "pp. 3-32", "p.4", "pages 3 to 32": a word for page(s) and a number.
_PAGE_REFERENCE = re.compile(r"\b(?:pages?|pp?\.)\s*\d+(?:\s*(?:-|–|—|to)\s*\d+)?", re.IGNORECASE)

MESSAGE = "Remove the page numbers: the pack prints each item's pages from its layout"


def typed_page_reference(text: str) -> str | None:
    """The first page number or range typed in ``text`` ("Pages 3 - 32"), or None."""
    match = _PAGE_REFERENCE.search(text or "")
    return match[0] if match else None


def without_typed_pages(text: str) -> str:
    """``text`` as typed, or the form error next to its field when it types pages."""
    typed = typed_page_reference(text)
    if typed:
        raise forms.ValidationError(f"{MESSAGE} (you typed '{typed}')")
    return text
