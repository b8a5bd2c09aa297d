"""Shared helpers for the demo loader: reading fixtures, periods, dates, HTML, row syncing."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.html import escape

from scrutiny.models import Period

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
COUNCIL_FILES = ("wokingham", "wiltshire", "slough", "lincolnshire")

_YEAR = re.compile(r"^(\d{4})/(\d{2})$")
_QUARTER = re.compile(r"^Q([1-4]) (\d{4})/(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def read_fixture(*, name: str, directory: Path | None = None) -> dict[str, Any]:
    """The parsed JSON of ``fixtures/<name>.json``."""
    path = (directory or FIXTURES_DIR) / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def period(label: str | None) -> Period | None:
    """'2014/15' is a financial year, 'Q4 2014/15' a quarter, '2015-01' a calendar month.

    Cached within one load only: ``load_demo`` clears it, since a rolled-back load would
    leave it holding rows that no longer exist.
    """
    if not label:
        return None
    if match := _YEAR.match(label):
        return Period.year(int(match[1]))
    if match := _QUARTER.match(label):
        return Period.quarter(int(match[2]), int(match[1]))
    if match := _MONTH.match(label):
        return Period.month(int(match[1]), int(match[2]))
    raise ValueError(f"Not a period label: {label!r}")


def date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def moment(value: str | None) -> dt.datetime | None:
    """An ISO date-time read as UK local time."""
    if not value:
        return None
    naive = dt.datetime.fromisoformat(value)
    return timezone.make_aware(naive) if timezone.is_naive(naive) else naive


def decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _inline(text: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", escape(text))


def _cell(tag: str, text: str | None) -> str:
    # A cell with several lines (the seeds' <br>) becomes one paragraph per line.
    lines = [line for line in (text or "").split("\n") if line.strip()]
    if len(lines) <= 1:
        return f"<{tag}>{_inline(lines[0]) if lines else ''}</{tag}>"
    return f"<{tag}>" + "".join(f"<p>{_inline(line)}</p>" for line in lines) + f"</{tag}>"


def _table(table: dict[str, Any]) -> str:
    parts = ["<table>"]
    if table.get("head"):
        parts.append("<thead><tr>" + "".join(_cell("th", h) for h in table["head"]))
        parts.append("</tr></thead>")
    parts.append("<tbody>")
    for row in table["rows"]:
        parts.append("<tr>" + "".join(_cell("td", c) for c in row) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def render_blocks(blocks: Iterable[dict[str, Any]]) -> str:
    """Simple safe HTML from the fixtures' blocks: p, h3, ul, ol and table; **bold** inline."""
    html = []
    for block in blocks:
        if "p" in block:
            html.append(f"<p>{_inline(block['p'])}</p>")
        elif "h3" in block:
            html.append(f"<h3>{_inline(block['h3'])}</h3>")
        elif "ul" in block or "ol" in block:
            tag = "ul" if "ul" in block else "ol"
            items = "".join(f"<li>{_inline(item)}</li>" for item in block[tag])
            html.append(f"<{tag}>{items}</{tag}>")
        elif "table" in block:
            html.append(_table(block["table"]))
        else:
            raise ValueError(f"Unknown block: {sorted(block)}")
    return "\n".join(html)


def upsert(model: type[Model], *, keys: dict[str, Any], values: dict[str, Any]) -> Model:
    """Create or update the row with these natural keys."""
    obj, _ = model.objects.update_or_create(**keys, defaults=values)
    return obj


def prune(queryset: QuerySet, *, keep: Iterable[Model]) -> None:
    """Delete the rows of ``queryset`` the fixture no longer lists."""
    queryset.exclude(pk__in=[obj.pk for obj in keep]).delete()
