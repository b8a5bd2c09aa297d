"""Quality-assurance sections: complaint themes, compliments, audits, recommendations."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q

from assurance.models import Audit, AuditAction, AuditFinding, ComplaintTheme, Compliment
from committees.models import RecommendationUpdate
from committees.selectors.recommendations import visible_recommendations, visible_updates
from returns.changes import Tracked, same_quarter
from returns.entries import Entry, TeamEntry, lines, save_changed, text
from returns.forms import CHOICE, DATE, TEXT, Column, Figures, Row
from returns.models import ReturnSectionKey
from returns.rules import Problem
from scrutiny.models import Period


class NamedRowsEntry(Entry):
    """A section of things named by the officer (themes, audits): this quarter's, plus blank
    rows for new ones. Last quarter's figures are matched by name."""

    extra_rows = 3

    def named(self) -> list:
        raise NotImplementedError

    def name_of(self, item) -> str:
        return getattr(item, self.label_column)

    def get_rows(self) -> list[Row]:
        current = self.periods["current"]
        return [
            Row(str(item.pk), self.name_of(item))
            for item in self.named()
            if current is not None and item.period_id == current.pk
        ]

    def unique_key(self, row: Row, values: dict) -> object:
        return str(values.get(self.label_column) or row.label).casefold()

    def figures_for(self, period: Period | None) -> Figures:
        if period is None:
            return {}
        mine = [item for item in self.named() if item.period_id == period.pk]
        if period == self.periods["current"]:
            return {str(item.pk): self.values_of(item) for item in mine}
        by_name = {self.name_of(item).casefold(): item for item in mine}
        return {
            row.key: self.values_of(by_name[row.label.casefold()])
            for row in self.rows
            if row.label.casefold() in by_name
        }

    def values_of(self, item) -> dict:
        raise NotImplementedError


class ComplaintThemeEntry(NamedRowsEntry):
    """The themes arising from the quarter's complaints, their context and what was done."""

    key = ReturnSectionKey.COMPLAINT_THEMES
    slug = "complaint-themes"
    tracked = (
        Tracked(
            ComplaintTheme, same_quarter(), ("theme", "context", "action"), lambda h: "a theme"
        ),
    )
    title = "Complaint themes"
    row_heading = "Theme"
    row_noun = "theme"
    label_column = "theme"
    columns = [
        Column("theme", "Theme", kind=TEXT, max_length=200),
        Column("context", "Context", kind=TEXT, lines=3),
        Column("action", "Action taken", kind=TEXT, lines=3),
    ]
    hint = (
        "One row per theme arising from the quarter's complaints: what lay behind it and what "
        "was done. Clear a row to remove its theme."
    )

    def load(self) -> None:
        self.themes = list(
            ComplaintTheme.objects.filter(
                authority=self.authority, period_id__in=self.period_ids()
            ).order_by("order", "pk")
        )

    def named(self) -> list:
        return self.themes

    def values_of(self, item) -> dict:
        return {"theme": item.theme, "context": item.context or None, "action": item.action or None}

    def store(self) -> None:
        period = self.stored_period
        existing = {str(t.pk): t for t in self.themes if t.period_id == period.pk}
        self.write_rows(
            existing,
            lambda key: ComplaintTheme(authority=self.authority, period=period),
            lambda values: {
                "theme": values["theme"],
                "context": text(values["context"]),
                "action": text(values["action"]),
            },
        )
        for order, theme in enumerate(
            ComplaintTheme.objects.filter(authority=self.authority, period=period).order_by(
                "order", "pk"
            ),
            start=1,
        ):
            save_changed(theme, {"order": order})


class ComplimentEntry(TeamEntry):
    """Compliments each team received in the quarter: how many, from whom, about what."""

    key = ReturnSectionKey.COMPLIMENTS
    slug = "compliments"
    tracked = (
        Tracked(
            Compliment,
            same_quarter(),
            ("count", "received_from", "about"),
            lambda h: str(h.team),
            ("team",),
        ),
    )
    title = "Compliments by team"
    columns = [
        Column("count", "Compliments"),
        Column("received_from", "From", kind=TEXT, max_length=200),
        Column("about", "About", kind=TEXT, lines=2),
    ]
    hint = "Compliments received in the quarter, with who sent them and what they were about."

    def load(self) -> None:
        self.compliments = list(
            Compliment.objects.filter(
                authority=self.authority, period_id__in=self.period_ids()
            ).order_by("order")
        )
        current = self.periods["current"]
        self.load_teams(
            {c.team_id for c in self.compliments if current and c.period_id == current.pk}
        )

    def figures_for(self, period: Period | None) -> Figures:
        found: Figures = {}
        for c in self.compliments:
            if period is not None and c.period_id == period.pk:
                found.setdefault(
                    str(c.team_id),
                    {
                        "count": Decimal(c.count),
                        "received_from": c.received_from or None,
                        "about": c.about or None,
                    },
                )
        return found

    def check_row(self, row: Row, values: dict) -> list[Problem]:
        if values["count"] is None:
            return [Problem(row.key, "count", f"Enter how many compliments {row.label} received")]
        return []

    def store(self) -> None:
        period = self.stored_period
        existing: dict[str, Compliment] = {}
        for c in self.compliments:
            if c.period_id == period.pk:
                existing.setdefault(str(c.team_id), c)
        self.write_rows(
            existing,
            lambda key: Compliment(authority=self.authority, period=period, team_id=int(key)),
            lambda values: {
                "count": int(values["count"]),
                "received_from": text(values["received_from"]),
                "about": text(values["about"]),
            },
        )


class AuditEntry(NamedRowsEntry):
    """Audits completed in the quarter: cases audited, what they found, what is being done."""

    key = ReturnSectionKey.AUDITS
    slug = "audits"
    tracked = (
        Tracked(
            Audit, same_quarter(), ("title", "completed_on", "cases_audited"), lambda h: h.title
        ),
        Tracked(
            AuditFinding,
            same_quarter("audit__"),
            ("text",),
            lambda h: f"{h.audit.title} ({h.get_kind_display().lower()} {h.order})",
            ("audit",),
        ),
        Tracked(
            AuditAction,
            same_quarter("audit__"),
            ("text",),
            lambda h: f"{h.audit.title} (action {h.order})",
            ("audit",),
        ),
    )
    title = "Audits completed"
    row_heading = "Audit"
    row_noun = "audit"
    label_column = "title"
    columns = [
        Column("title", "Audit", kind=TEXT, max_length=300),
        Column("completed_on", "Completed on", kind=DATE),
        Column("cases_audited", "Cases audited"),
        Column("strengths", "Strengths found", kind=TEXT, lines=3),
        Column("improvements", "Areas for improvement", kind=TEXT, lines=3),
        Column("actions", "Actions", kind=TEXT, lines=3),
    ]
    hint = (
        "One row per audit completed in the quarter. Put each finding and each action on a "
        "line of its own."
    )

    def load(self) -> None:
        self.audits = list(
            Audit.objects.filter(
                authority=self.authority, period_id__in=self.period_ids()
            ).prefetch_related("findings", "actions")
        )

    def named(self) -> list:
        return self.audits

    def values_of(self, audit) -> dict:
        def joined(items) -> str | None:
            return "\n".join(item.text for item in items) or None

        findings = list(audit.findings.all())
        return {
            "title": audit.title,
            "completed_on": audit.completed_on,
            "cases_audited": None if audit.cases_audited is None else Decimal(audit.cases_audited),
            "strengths": joined(f for f in findings if f.kind == AuditFinding.Kind.STRENGTH),
            "improvements": joined(f for f in findings if f.kind == AuditFinding.Kind.IMPROVEMENT),
            "actions": joined(audit.actions.all()),
        }

    def check_row(self, row: Row, values: dict) -> list[Problem]:
        if values["completed_on"] is None:
            return [Problem(row.key, "completed_on", f"Enter the date {row.label} was completed")]
        return []

    def store(self) -> None:
        period = self.stored_period
        existing = {str(a.pk): a for a in self.audits if a.period_id == period.pk}
        for key, values in self.editable_values().items():
            audit = existing.get(key)
            if all(v is None for v in values.values()):
                if audit is not None:
                    audit.delete()
                continue
            if audit is None:
                audit = Audit(authority=self.authority, period=period)
            save_changed(
                audit,
                {
                    "title": values["title"],
                    "completed_on": values["completed_on"],
                    "cases_audited": None
                    if values["cases_audited"] is None
                    else int(values["cases_audited"]),
                },
            )
            findings = list(audit.findings.all()) if key in existing else []
            for kind, name in (
                (AuditFinding.Kind.STRENGTH, "strengths"),
                (AuditFinding.Kind.IMPROVEMENT, "improvements"),
            ):
                _write_lines(
                    [f for f in findings if f.kind == kind],
                    lines(values[name]),
                    lambda: AuditFinding(audit=audit, kind=kind),  # noqa: B023
                )
            _write_lines(
                list(audit.actions.all()) if key in existing else [],
                lines(values["actions"]),
                lambda: AuditAction(audit=audit),  # noqa: B023
            )


def _write_lines(kept: list, wanted: list[str], create) -> None:
    """Line n of the box is item n: changed in place, added, or removed from the end."""
    for order, line in enumerate(wanted, start=1):
        item = kept[order - 1] if order <= len(kept) else create()
        save_changed(item, {"order": order, "text": line})
    for item in kept[len(wanted) :]:
        item.delete()


class RecommendationEntry(Entry):
    """The status this quarter of each recommendation not yet achieved."""

    key = ReturnSectionKey.RECOMMENDATIONS
    slug = "recommendations"
    tracked = (
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
    )
    title = "Recommendation status updates"
    row_heading = "Recommendation"
    row_noun = "recommendation"
    team_rows = True
    columns = [
        Column("status", "Status", kind=CHOICE, choices=tuple(RecommendationUpdate.Status.choices)),
        Column("note", "Progress", kind=TEXT, lines=2),
    ]
    hint = "Where each open recommendation stands at the end of the quarter, and what was done."

    def load(self) -> None:
        achieved_before = (
            visible_updates(self.user, authority=self.authority)
            .filter(
                status=RecommendationUpdate.Status.ACHIEVED, period__start__lt=self.period.start
            )
            .values("recommendation")
        )
        # Only those the person may see: a Part 2 report's recommendations stay with the
        # report's readers, here as everywhere (the rows below are the only ones stored).
        self.recommendations = list(
            visible_recommendations(self.user, authority=self.authority)
            .filter(~Q(pk__in=achieved_before))
            .select_related("team")
        )
        self.updates = list(
            visible_updates(self.user, authority=self.authority).filter(
                period_id__in=self.period_ids()
            )
        )

    def get_rows(self) -> list[Row]:
        rows = []
        for r in self.recommendations:
            words = r.text if len(r.text) <= 140 else r.text[:139].rstrip() + "…"
            label = f"{r.reference}: {words}" if r.reference else words
            rows.append(Row(str(r.pk), label, r.team.service_area_id if r.team else None))
        return rows

    def figures_for(self, period: Period | None) -> Figures:
        return self.by_period(
            period,
            self.updates,
            lambda u: str(u.recommendation_id),
            lambda u: {"status": u.status, "note": u.note or None},
        )

    def check_row(self, row: Row, values: dict) -> list[Problem]:
        if values["status"] is None:
            return [Problem(row.key, "status", f"Choose the status of {row.label}")]
        return []

    def store(self) -> None:
        period = self.stored_period
        self.write_rows(
            {str(u.recommendation_id): u for u in self.updates if u.period_id == period.pk},
            lambda key: RecommendationUpdate(
                recommendation_id=int(key), period=period, recorded_by=self.user
            ),
            lambda values: {"status": values["status"], "note": text(values["note"])},
        )
