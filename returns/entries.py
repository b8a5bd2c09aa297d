"""What the sections built on ``SectionEntry`` share: periods, teams, and writing rows."""

from __future__ import annotations

from collections.abc import Callable

from django.db import models

from scrutiny.models import Period, Team

from .entry import SectionEntry
from .forms import Figures, Row


def save_changed(obj: models.Model, attrs: dict) -> None:
    """Save only when something changed, so the history records real changes only."""
    changed = obj.pk is None
    for name, value in attrs.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed:
        obj.save()


def keep_row(
    obj: models.Model | None, attrs: dict | None, model: type[models.Model], **identity
) -> models.Model | None:
    """The one stored object for one entered row: deleted when the row was emptied (``attrs``
    is None), made from ``identity`` when there was none, and saved only when it changed."""
    if attrs is None:
        if obj is not None:
            obj.delete()
        return None
    if obj is None:
        obj = model(**identity)
    save_changed(obj, attrs)
    return obj


class Entry(SectionEntry):
    """A section over the council's own objects, written row by row."""

    def period_ids(self) -> list[int]:
        return [p.pk for p in self.periods.values() if p is not None]

    @property
    def stored_period(self) -> Period:
        return self.periods["current"] or self.period

    def by_period(self, period: Period | None, items, key, values) -> Figures:
        """``{key(item): values(item)}`` for the items of ``period`` (none for no period)."""
        if period is None:
            return {}
        return {key(item): values(item) for item in items if item.period_id == period.pk}

    def write_rows(
        self,
        existing: dict[str, models.Model],
        create: Callable[[str], models.Model],
        attrs: Callable[[dict], dict],
    ) -> None:
        """Create, change or (when a row is emptied) delete one object per row."""
        for key, values in self.editable_values().items():
            obj = existing.get(key)
            if all(v is None for v in values.values()):
                if obj is not None:
                    obj.delete()
                continue
            save_changed(obj if obj is not None else create(key), attrs(values))


class TeamEntry(Entry):
    """A section with a row per team (active, or with figures this quarter)."""

    team_rows = True
    row_heading = "Team"
    row_noun = "team"

    def load_teams(self, used: set[int]) -> None:
        self.teams = [
            team
            for team in Team.objects.filter(authority=self.authority).order_by("name")
            if team.is_active or team.pk in used
        ]

    def get_rows(self) -> list[Row]:
        return [Row(str(team.pk), team.name, team.service_area_id) for team in self.teams]


def text(value) -> str:
    return "" if value is None else str(value)


def lines(value) -> list[str]:
    return [line.strip() for line in text(value).splitlines() if line.strip()]
