"""Search across the reports a reader may open, with a snippet of where the words are.

The search starts from ``reports_visible_to``, so a Part 2 report is never matched, ranked
or quoted for anyone who may not open it. On PostgreSQL it is full-text search with the
'english' configuration (stemming, stop words, ranking, ``ts_headline`` snippets); SQLite,
used for quick local runs, gets a plain case-insensitive match of every word.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Func, OuterRef, Q, QuerySet, Subquery, TextField, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from committees.models import Report, ReportSection
from scrutiny.models import Authority
from scrutiny.permissions import reports_visible_to

MAX_QUERY_LENGTH = 200
SNIPPET_CHARS = 240
# Private-use characters: they never occur in a report, so they can mark matches in text
# that is escaped afterwards.
START, STOP = "\ue000", "\ue001"
COVER_FIELDS = ("summary", "recommendation", "outcome_benefits")
TAG = re.compile(r"<[^>]+>")


@dataclass
class SearchHit:
    """One matching report with a snippet: escaped text, matched words in ``<mark>``."""

    report: Report
    snippet: SafeString


def clean_query(raw: str | None) -> str:
    """The words to look for: surrounding space trimmed, runs of space made one, capped."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def _searchable(sections):
    """Narrative sections, never an exempt appendix: a report may be open while one of its
    appendices is Part 2, and search serves every reader of the report alike."""
    return sections.filter(kind=ReportSection.Kind.NARRATIVE, is_exempt=False)


def _uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def search_reports(user, authority: Authority, query: str) -> QuerySet[Report]:
    """The council's reports this reader may open that match ``query``, best first."""
    reports = (
        reports_visible_to(user, Report.objects.with_replacement())
        .filter(authority=authority)
        .select_related("authority", "committee")
    )
    if not query:
        return reports.none()
    if _uses_postgres():
        return _full_text(reports, query)
    return _contains_every_word(reports, query)


def search_hits(reports, query: str) -> list[SearchHit]:
    """Snippets for one page of ``search_reports``: from the database's headline on
    PostgreSQL, cut around the first matching word otherwise."""
    if _uses_postgres():
        return [SearchHit(r, _marked(_plain(r.headline or r.summary))) for r in reports]
    reports = list(reports)
    bodies: dict[int, list[str]] = {}
    narrative = _searchable(ReportSection.objects.filter(report__in=reports)).order_by(
        "report_id", "order"
    )
    for report_id, body in narrative.values_list("report_id", "body"):
        bodies.setdefault(report_id, []).append(_plain(TAG.sub(" ", body)))
    words = _words(query)
    hits = []
    for report in reports:
        text = " ".join([*(getattr(report, f) for f in COVER_FIELDS), *bodies.get(report.pk, [])])
        hits.append(SearchHit(report, _marked(_excerpt(_plain(text), words))))
    return hits


# PostgreSQL ------------------------------------------------------------------------------


def _narrative_text() -> Subquery:
    """A report's narrative sections as one plain text, tags removed, in order."""
    from django.contrib.postgres.aggregates import StringAgg

    without_tags = Func(
        F("body"),
        Value(TAG.pattern),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    sections = (
        _searchable(ReportSection.objects.filter(report=OuterRef("pk")))
        .order_by()
        .values("report")
        .annotate(text=StringAgg(without_tags, delimiter=" ", order_by="order"))
        .values("text")
    )
    return Subquery(sections, output_field=TextField())


def _full_text(reports: QuerySet[Report], query: str) -> QuerySet[Report]:
    from django.contrib.postgres.search import (
        SearchHeadline,
        SearchQuery,
        SearchRank,
        SearchVector,
    )
    from django.db.models.functions import Coalesce, Concat

    terms = SearchQuery(query, config="english", search_type="websearch")
    narrative = _narrative_text()
    vector = (
        SearchVector("title", config="english", weight="A")
        + SearchVector(*COVER_FIELDS, config="english", weight="B")
        + SearchVector(narrative, config="english", weight="C")
    )
    space = Value(" ", output_field=TextField())
    parts = []
    for field in COVER_FIELDS:
        parts += [F(field), space]
    empty = Value("", output_field=TextField())
    document = Concat(*parts, Coalesce(narrative, empty), output_field=TextField())
    return (
        reports.annotate(document_vector=vector)
        .filter(document_vector=terms)
        .annotate(
            rank=SearchRank(F("document_vector"), terms),
            headline=SearchHeadline(
                document,
                terms,
                config="english",
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-report_date", "pk")
    )


# SQLite ----------------------------------------------------------------------------------


def _words(query: str) -> list[str]:
    """The words worth matching on: one- and two-letter words match almost anything."""
    words = query.split()
    return [w for w in words if len(w) > 2] or words


def _contains_every_word(reports: QuerySet[Report], query: str) -> QuerySet[Report]:
    for word in _words(query):
        in_sections = (
            _searchable(ReportSection.objects).filter(body__icontains=word).values("report_id")
        )
        anywhere = Q(title__icontains=word) | Q(pk__in=in_sections)
        for field in COVER_FIELDS:
            anywhere |= Q(**{f"{field}__icontains": word})
        reports = reports.filter(anywhere)
    return reports.order_by("-report_date", "pk")


def _excerpt(text: str, words: list[str]) -> str:
    """About ``SNIPPET_CHARS`` of ``text`` around the first matching word, words marked."""
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    found = pattern.search(text)
    start = max(0, (found.start() if found else 0) - SNIPPET_CHARS // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    excerpt = pattern.sub(lambda m: START + m.group(0) + STOP, text[start:end])
    return ("… " if start else "") + excerpt + (" …" if end < len(text) else "")


def _plain(text: str) -> str:
    """Entities decoded (they are escaped again on the way out) and spacing made single."""
    return " ".join(html.unescape(text).split())


def _marked(text: str) -> SafeString:
    """Escape the text, then turn the match markers into ``<mark>`` elements."""
    escaped = escape(text)
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308
