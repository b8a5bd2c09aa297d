"""Cleaning of the HTML officers paste into report sections, before any page shows it."""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3
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


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    # nh3 lets relative URLs through whatever the schemes; the brief allows absolute ones only,
    # so a pasted "/admin/..." or protocol-relative link cannot point readers somewhere odd.
    if tag == "a" and attribute == "href":
        return value if urlsplit(value.strip()).scheme.lower() in ALLOWED_SCHEMES else None
    if tag == "th" and attribute == "scope":
        return value if value in SCOPES else None
    return value


def sanitize_html(html: str | None) -> SafeString:
    """The narrative HTML with everything but plain structure, links and tables removed."""
    if not html:
        return mark_safe("")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=_filter_attribute,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 has just removed anything unsafe
