"""Cleaning of the HTML officers paste into report sections, before any page shows it."""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import nh3
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "br",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"scope"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
SCOPES = {"col", "row", "colgroup", "rowgroup"}

# Changes whenever this module's rules or nh3 itself do, so text cleaned under other rules
# is never served from a cache (``selectors.reports`` keys cleaned narrative by it).
_RULES = Path(__file__).read_bytes() + version("nh3").encode()
RULES_DIGEST = hashlib.sha256(_RULES).hexdigest()[:16]


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    # nh3 lets relative URLs through whatever the schemes; the brief allows absolute ones only,
    # so a pasted "/admin/..." or protocol-relative link cannot point readers somewhere odd.
    if tag == "a" and attribute == "href":
        return value if urlsplit(value.strip()).scheme.lower() in ALLOWED_SCHEMES else None
    if tag == "th" and attribute == "scope":
        return value if value in SCOPES else None
    return value


# What one narrative section may hold as stored HTML. Typed text (at most
# authoring.text.MAX_TEXT characters) stays far inside both; HTML set by other means (the
# admin, an import) could hold a 10,000-row table (a 287-page pack, 880 MB to lay out) or a
# 30 MB embedded picture (200 MB to clean, only for the picture to be dropped).
MAX_BODY = 1_000_000
MAX_TABLE_ROWS = 1_000
TABLE_ROW = re.compile(r"<tr[\s/>]", re.IGNORECASE)
DATA_URL = re.compile(r"""["'\s=(]data:""", re.IGNORECASE)


def narrative_too_big(html: str) -> str:
    """Why a section's HTML is too big to keep or show, or "" when it is not; counted over
    the text as it is, without parsing or copying it."""
    if len(html) > MAX_BODY:
        embedded = " (pictures cannot be embedded in the text)" if DATA_URL.search(html) else ""
        return (
            f"A section may hold at most {MAX_BODY:,} characters; this one has "
            f"{len(html):,}{embedded}: split it, or put it in an appendix of its own"
        )
    rows = sum(1 for _ in TABLE_ROW.finditer(html))
    if rows > MAX_TABLE_ROWS:
        return (
            f"A section's tables may have at most {MAX_TABLE_ROWS:,} rows; this one has "
            f"{rows:,}: put a long table in an appendix of its own"
        )
    return ""


def sanitize_html(html: str | None) -> SafeString:
    """The narrative HTML with everything but plain structure, links and tables removed;
    a section too big to show (``narrative_too_big``) says so instead."""
    if not html:
        return mark_safe("")
    if message := narrative_too_big(html):
        return format_html(
            '<p class="govuk-body">This section is too large to show. {}.</p>', message
        )
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=_filter_attribute,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 has just removed anything unsafe


# No links: a frozen table outlives the rows its live links pointed at, and most of them
# lead to pages only the council's users may open.
CELL_TAGS = {"span", "strong", "ul", "li", "p", "br", "em"}
CELL_CLASSES = re.compile(r"^(govuk-[a-z0-9_!-]+)( govuk-[a-z0-9_!-]+)*$")


def _filter_cell_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "class":
        return value if CELL_CLASSES.fullmatch(value.strip()) else None
    if tag == "a" and attribute == "href":
        # Our own pages ("/wokingham/scorecards/...") or an absolute web address.
        parts = urlsplit(value.strip())
        if parts.scheme.lower() in ALLOWED_SCHEMES:
            return value
        if not parts.scheme and not parts.netloc and value.startswith("/"):
            return value
        return None
    return value


def sanitize_cell_html(html: str | None) -> SafeString:
    """A data block's cell as built (a figure, a GOV.UK tag, a list, a link), cleaned again.

    Frozen blocks live in the database; whatever is in them is cleaned on the way out, with
    only GOV.UK classes kept, so a tampered cell can neither script nor restyle the page.
    """
    if not html:
        return mark_safe("")
    if "<" not in html:
        # No tag to clean: the text was escaped when the block was built, and without a
        # "<" nothing in it can open an element. Most cells are figures; this keeps them
        # from costing an HTML parse each.
        return mark_safe(html)  # noqa: S308
    cleaned = nh3.clean(
        html,
        tags=CELL_TAGS,
        attributes={"span": {"class"}, "strong": {"class"}},
        url_schemes=ALLOWED_SCHEMES,
        link_rel=None,
        attribute_filter=_filter_cell_attribute,
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 just above
