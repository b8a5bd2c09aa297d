"""Return sections for complaints by team and stage, and contact volumes by channel."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q

from assurance.models import ComplaintCount, ComplaintStage, ContactChannel, ContactVolume
from returns import rules
from returns.changes import Tracked, same_quarter
from returns.entries import keep_row
from returns.entry import SectionEntry
from returns.forms import Column, Figures, Row, RowForm, SectionForm, count_field
from returns.models import ReturnSectionKey
from returns.rules import Problem
from scrutiny.models import Period, Team

STAGES = [stage for stage in ComplaintStage if stage != ComplaintStage.NOT_STAGED]


def _field_name(stage: str) -> str:
    return "stage_" + stage.replace("-", "_")


class ComplaintRowForm(RowForm):
    pass


for _stage in STAGES:
    ComplaintRowForm.base_fields[_field_name(_stage)] = count_field()


class ComplaintEntry(SectionEntry):
    """Complaints received by each team at each stage, as in Wokingham's annual review."""

    key = ReturnSectionKey.COMPLAINTS
    slug = "complaints"
    tracked = (
        Tracked(
            ComplaintCount,
            same_quarter(),
            ("count",),
            lambda h: f"{h.team} at {h.get_stage_display()}",
            ("team",),
        ),
    )
    title = "Complaints by team and stage"
    row_heading = "Team"
    row_noun = "team"
    columns = [Column(_field_name(stage), stage.label) for stage in STAGES]
    row_form_class = ComplaintRowForm
    show_total = True
    hint = (
        "Complaints received in the quarter. Leave a box blank if the figure is not known; "
        "enter 0 if there were none."
    )

    def load(self) -> None:
        ids = [p.pk for p in self.periods.values() if p is not None]
        self.counts = list(
            ComplaintCount.objects.filter(authority=self.authority, period_id__in=ids)
        )
        current = self.periods["current"]
        self.teams = list(
            Team.objects.filter(authority=self.authority)
            .filter(Q(is_active=True) | Q(complaint_counts__period=current))
            .distinct()
            .order_by("name")
        )

    def get_rows(self) -> list[Row]:
        return [Row(str(team.pk), team.name) for team in self.teams]

    def figures_for(self, period: Period | None) -> Figures:
        found: Figures = {}
        if period is None:
            return found
        for count in self.counts:
            if count.period_id == period.pk:
                found.setdefault(str(count.team_id), {})[_field_name(count.stage)] = Decimal(
                    count.count
                )
        return found

    def move_figures(self):
        def total(figures: Figures, key: str) -> Decimal | None:
            known = [v for v in figures.get(key, {}).values() if v is not None]
            return sum(known, Decimal(0)) if known else None

        return [
            (
                f"Complaints for {row.label}",
                total(self.values, row.key),
                total(self.previous, row.key),
            )
            for row in self.rows
        ]

    def store(self) -> None:
        period = self.periods["current"] or self.period
        existing = {
            (str(c.team_id), c.stage): c
            for c in ComplaintCount.objects.filter(authority=self.authority, period=period)
        }
        for row in self.rows:
            if row.key not in self.values:
                continue
            for stage in STAGES:
                value = self.values.get(row.key, {}).get(_field_name(stage))
                keep_row(
                    existing.get((row.key, stage.value)),
                    None if value is None else {"count": int(value)},
                    ComplaintCount,
                    authority=self.authority,
                    period=period,
                    team_id=int(row.key),
                    stage=stage.value,
                )


class ContactRowForm(RowForm):
    count = count_field()


class ContactSectionForm(SectionForm):
    total = count_field("Total contacts, if your source gives one (optional)")
    total.help_text = "Used only to check that the channels add up; it is not stored."


class ContactEntry(SectionEntry):
    """Contacts the front door received in the quarter by channel, as in Wiltshire's bulletin."""

    key = ReturnSectionKey.CONTACTS
    slug = "contacts"
    tracked = (
        Tracked(
            ContactVolume, same_quarter(), ("count",), lambda h: h.get_channel_display().lower()
        ),
    )
    title = "Contact volumes by channel"
    row_heading = "Channel"
    row_noun = "channel"
    columns = [Column("count", "Contacts in the quarter")]
    row_form_class = ContactRowForm
    section_form_class = ContactSectionForm
    fields_template = "returns/_fields_contacts.html"
    hint = "Contacts received in the whole quarter through each channel."

    def load(self) -> None:
        ids = [p.pk for p in self.periods.values() if p is not None]
        self.volumes = list(
            ContactVolume.objects.filter(
                authority=self.authority,
                period_id__in=ids,
                team__isnull=True,
                measure=ContactVolume.Measure.TOTAL,
            )
        )

    def get_rows(self) -> list[Row]:
        return [Row(channel.value, channel.label) for channel in ContactChannel]

    def figures_for(self, period: Period | None) -> Figures:
        found: Figures = {}
        if period is None:
            return found
        for volume in self.volumes:
            if volume.period_id == period.pk:
                found[volume.channel] = {"count": Decimal(volume.count)}
        return found

    def what(self, row: Row, column: Column) -> str:
        return row.label

    def check_section(self) -> list[Problem]:
        total, problems = rules.read_number(
            self.form.cleaned_data.get("total"), row="", column="total", what="Total contacts"
        )
        problems += rules.check_total(
            (values.get("count") for values in self.values.values()),
            total,
            row="",
            column="total",
            what="Total contacts",
        )
        return problems

    def store(self) -> None:
        period = self.periods["current"] or self.period
        existing = {
            v.channel: v
            for v in ContactVolume.objects.filter(
                authority=self.authority,
                period=period,
                team__isnull=True,
                measure=ContactVolume.Measure.TOTAL,
            )
        }
        for row in self.rows:
            if row.key not in self.values:
                continue
            value = self.values[row.key].get("count")
            keep_row(
                existing.get(row.key),
                None if value is None else {"count": int(value)},
                ContactVolume,
                authority=self.authority,
                period=period,
                channel=row.key,
            )


class ComplaintsByTeam(ComplaintEntry):
    """Complaints by team and stage, each team's row limited to its service area."""

    team_rows = True

    def get_rows(self) -> list[Row]:
        return [Row(str(t.pk), t.name, t.service_area_id) for t in self.teams]
