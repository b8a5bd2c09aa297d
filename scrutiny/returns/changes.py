"""A return's changes in plain words, read from django-simple-history.

Every figure a section stores lives in a model with ``history``; this module walks each
model's history for the council and quarter, compares each record with the one before it,
and words every changed field: "Sam Officer changed Agency for Social workers from 4 to 6
on 3 May 2026 at 10:12". One query per model, whatever the number of figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from ..formatting import figure
from ..models import (
    Audit,
    AuditAction,
    AuditFinding,
    ComplaintCount,
    ComplaintTheme,
    Compliment,
    ContactVolume,
    QuarterlyReturn,
    RecommendationUpdate,
    ReturnSection,
)
from ..selectors.recommendations import visible_recommendations


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


def _tracked() -> list[Tracked]:
    from programmes.models import Milestone, ProgressMetric, ProgressUpdate
    from scorecards.models import IndicatorValue, PracticeScore
    from workforce.models import (
        Caseload,
        LeaverReason,
        StaffingFigure,
        StaffMovement,
        TrainingCompletion,
    )

    def same(prefix: str = "") -> Callable[[QuarterlyReturn], Q]:
        return lambda r: Q(**{f"{prefix}authority": r.authority, f"{prefix}period": r.period})

    def span(prefix: str = "") -> Callable[[QuarterlyReturn], Q]:
        return lambda r: Q(
            **{
                f"{prefix}authority": r.authority,
                f"{prefix}date_from": r.period.start,
                f"{prefix}date_to": r.period.end,
            }
        )

    return [
        Tracked(
            ReturnSection,
            lambda r: Q(quarterly_return=r),
            ("commentary", "status"),
            lambda h: f"the {h.get_key_display()} section",
        ),
        Tracked(
            StaffingFigure,
            same(),
            ("total_reported", "permanent", "agency", "vacancies"),
            lambda h: h.role.name,
            ("role",),
            labels={"total_reported": "total in post"},
        ),
        Tracked(StaffMovement, span(), ("starters", "leavers"), lambda h: h.staff_group),
        Tracked(
            LeaverReason,
            span("movement__"),
            ("count",),
            lambda h: f"{h.movement.staff_group} who left: {h.reason.lower()}",
            ("movement",),
        ),
        Tracked(
            Caseload,
            same(),
            ("cases_held", "case_holding_fte"),
            lambda h: str(h.team),
            ("team",),
            labels={"case_holding_fte": "workers holding cases (FTE)"},
        ),
        Tracked(
            TrainingCompletion,
            same(),
            ("completed", "planned"),
            lambda h: h.course.name,
            ("course",),
        ),
        Tracked(
            PracticeScore,
            lambda r: Q(aspect__scorecard__authority=r.authority, period=r.period),
            ("score", "cases_audited"),
            lambda h: h.aspect.name,
            ("aspect",),
        ),
        Tracked(
            IndicatorValue,
            same(),
            ("numerator", "denominator", "reported_value", "commentary"),
            lambda h: h.indicator.name,
            ("indicator",),
        ),
        Tracked(
            ComplaintCount,
            same(),
            ("count",),
            lambda h: f"{h.team} at {h.get_stage_display()}",
            ("team",),
        ),
        Tracked(ComplaintTheme, same(), ("theme", "context", "action"), lambda h: "a theme"),
        Tracked(
            Compliment,
            same(),
            ("count", "received_from", "about"),
            lambda h: str(h.team),
            ("team",),
        ),
        Tracked(
            Audit,
            same(),
            ("title", "completed_on", "cases_audited"),
            lambda h: h.title,
        ),
        Tracked(
            AuditFinding,
            same("audit__"),
            ("text",),
            lambda h: f"{h.audit.title} ({h.get_kind_display().lower()} {h.order})",
            ("audit",),
        ),
        Tracked(
            AuditAction,
            same("audit__"),
            ("text",),
            lambda h: f"{h.audit.title} (action {h.order})",
            ("audit",),
        ),
        Tracked(
            ProgressUpdate,
            lambda r: Q(programme__authority=r.authority, period=r.period),
            ("rag", "done", "impact", "going_forward"),
            lambda h: str(h.project or h.programme),
            ("project", "programme"),
        ),
        Tracked(
            ProgressMetric,
            lambda r: Q(programme__authority=r.authority, period=r.period),
            ("value", "target"),
            lambda h: h.description,
        ),
        Tracked(
            Milestone,
            lambda r: Q(
                programme__authority=r.authority,
                history_date__date__gte=r.period.start,
            ),
            ("status", "completed_on"),
            lambda h: h.title[:80],
        ),
        Tracked(
            RecommendationUpdate,
            lambda r: Q(recommendation__authority=r.authority, period=r.period),
            ("status", "note"),
            lambda h: f"recommendation “{h.recommendation.text[:80]}”",
            ("recommendation",),
            lambda reader, authority: Q(
                recommendation__in=visible_recommendations(reader, authority=authority).values("pk")
            ),
        ),
        Tracked(
            ContactVolume,
            same(),
            ("count",),
            lambda h: h.get_channel_display().lower(),
        ),
    ]


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
