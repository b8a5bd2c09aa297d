"""A return's changes in plain words, read from django-simple-history.

Every figure a section stores lives in a model with ``history``; each section names those
models (``SectionEntry.tracked``: a ``Tracked`` each) in its area's ``returns.py``. This
module walks each model's history for the council and quarter, compares each record with
the one before it, and words every changed field: "Sam Officer changed Agency for Social
workers from 4 to 6 on 3 May 2026 at 10:12". One query per model, whatever the number of figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from scrutiny.formatting import figure

from .models import QuarterlyReturn, ReturnSection
from .sections import sections


@dataclass(frozen=True)
class Change:
    """One field of one figure changed by one person at one time."""

    at: dt.datetime
    who: str
    what: str
    old: str
    new: str

    def __str__(self) -> str:
        when = timezone.localtime(self.at)
        stamp = f"on {when:%-d %B %Y} at {when:%H:%M}"
        if not self.old:
            return f"{self.who} entered {self.what} as {self.new} {stamp}"
        if not self.new:
            return f"{self.who} cleared {self.what} (it was {self.old}) {stamp}"
        return f"{self.who} changed {self.what} from {self.old} to {self.new} {stamp}"


@dataclass(frozen=True)
class Tracked:
    """A model whose history holds a return's figures: how to find them and name them."""

    model: type
    match: Callable[[QuarterlyReturn], Q]
    fields: tuple[str, ...]
    row: Callable[[object], str]
    related: tuple[str, ...] = ()
    # Rows only some readers may see (a Part 2 report's recommendations): (reader, council) -> Q
    visible: Callable[[object, object], Q] | None = None
    # The words the return's form uses, where a field's own name is an internal one.
    labels: dict[str, str] = field(default_factory=dict)


def same_quarter(prefix: str = "") -> Callable[[QuarterlyReturn], Q]:
    """Rows stored against the return's council and quarter (through ``prefix``)."""
    return lambda r: Q(**{f"{prefix}authority": r.authority, f"{prefix}period": r.period})


def quarter_span(prefix: str = "") -> Callable[[QuarterlyReturn], Q]:
    """Rows stored for the dates of the return's quarter (``date_from`` to ``date_to``)."""
    return lambda r: Q(
        **{
            f"{prefix}authority": r.authority,
            f"{prefix}date_from": r.period.start,
            f"{prefix}date_to": r.period.end,
        }
    )


SECTION_PROGRESS = Tracked(
    ReturnSection,
    lambda r: Q(quarterly_return=r),
    ("commentary", "status"),
    lambda h: f"the {h.get_key_display()} section",
)


def _tracked() -> list[Tracked]:
    """The sections' own progress, then each registered section's figures, in task order."""
    found = [SECTION_PROGRESS]
    for entry in sections().values():
        found += [t for t in entry.tracked if t not in found]
    return found


def _shown(record, name: str) -> str:
    value = getattr(record, name)
    display = getattr(record, f"get_{name}_display", None)
    if display is not None and value not in (None, ""):
        return str(display())
    if isinstance(value, dt.date):
        return f"{value:%-d %B %Y}"
    if isinstance(value, str):
        return f"“{value}”" if value else ""
    return figure(value)


def return_changes(quarterly_return: QuarterlyReturn, reader) -> list[Change]:
    """Every change of every figure of the return the reader may see, newest first."""
    changes: list[Change] = []
    for tracked in _tracked():
        labels = {
            name: tracked.labels.get(name) or str(tracked.model._meta.get_field(name).verbose_name)
            for name in tracked.fields
        }
        match = tracked.match(quarterly_return)
        if tracked.visible is not None:
            match &= tracked.visible(reader, quarterly_return.authority)
        records = (
            tracked.model.history.filter(match)
            .select_related("history_user", *tracked.related)
            .order_by("id", "history_date", "history_id")
        )
        previous = None
        for record in records:
            before = previous if previous is not None and previous.id == record.id else None
            previous = record
            who = str(record.history_user) if record.history_user else "Someone (not signed in)"
            for name in tracked.fields:
                old = _shown(before, name) if before is not None else ""
                new = "" if record.history_type == "-" else _shown(record, name)
                if record.history_type == "-":
                    old = _shown(record, name)
                if old == new:
                    continue
                label = labels[name][:1].upper() + labels[name][1:]
                what = f"{label} for {tracked.row(record)}"
                changes.append(Change(record.history_date, who, what, old, new))
    changes.sort(key=lambda c: c.at, reverse=True)
    return changes
