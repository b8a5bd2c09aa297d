"""Complaints, compliments, recommendations, contacts and the assurance headlines."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from committees.models import RecommendationUpdate
from committees.selectors.recommendations import recommendations_with_status
from scrutiny.formatting import percentage
from scrutiny.models import Authority, Period

from .models import (
    Audit,
    ComplaintCount,
    ComplaintStage,
    ComplaintTheme,
    Compliment,
    ContactChannel,
    ContactPurpose,
    ContactVolume,
    DataQualityIssue,
    Inspection,
    InspectionJudgement,
)

STAGE_COLUMNS = [
    (ComplaintStage.EARLY_RESOLUTION, "Early Resolution"),
    (ComplaintStage.STAGE_1, "Stage 1"),
    (ComplaintStage.STAGE_2, "Stage 2"),
    (ComplaintStage.STAGE_3, "Stage 3 panel"),
    (ComplaintStage.LGO, "LGO"),
    (ComplaintStage.OUT_OF_SCOPE, "Out of Scope"),
]
KIND_RANK = {Period.Kind.YEAR: 0, Period.Kind.QUARTER: 1, Period.Kind.MONTH: 2}


def financial_year(start_year: int) -> Period:
    """A financial year to label a page with, built without touching the database."""
    start, end = Period.bounds(Period.Kind.YEAR, start_year, None)
    return Period(kind=Period.Kind.YEAR, start_year=start_year, start=start, end=end)


def complaint_years(authority: Authority) -> list[int]:
    """Financial years with complaint counts, latest first."""
    return list(
        ComplaintCount.objects.filter(authority=authority)
        .order_by("-period__start_year")
        .values_list("period__start_year", flat=True)
        .distinct()
    )


def _counts_for_year(rows: list[ComplaintCount]) -> list[ComplaintCount]:
    # A year may be recorded as a whole and by quarter; adding both would count twice, so
    # use the coarsest kind of period recorded.
    if not rows:
        return []
    coarsest = min(KIND_RANK[r.period.kind] for r in rows)
    return [r for r in rows if KIND_RANK[r.period.kind] == coarsest]


@dataclass
class PivotRow:
    """A team's complaints by stage; ``None`` is a blank cell, never zero."""

    team: str
    cells: list[int | None]
    total: int | None


@dataclass
class ComplaintPivot:
    """Complaints received by team and stage in one year, with a total row."""

    year: Period
    headers: list[str]
    rows: list[PivotRow]
    totals: list[int | None]
    total: int | None


def _sum(values) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def complaint_pivot(authority: Authority, year: int) -> ComplaintPivot:
    """The 'complaints received' table: teams down, stages across, totals both ways."""
    rows = _counts_for_year(
        list(
            ComplaintCount.objects.filter(authority=authority, period__start_year=year)
            .select_related("team", "period")
            .order_by("team__name", "stage")
        )
    )
    by_team: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        by_team[row.team.name][row.stage] += row.count
    pivot_rows = []
    for team in sorted(by_team):
        counts = by_team[team]
        cells = [counts.get(stage) for stage, _ in STAGE_COLUMNS]
        staged = _sum(cells)
        # A year recorded only as "all stages" still gives the team's total.
        total = staged if staged is not None else counts.get(ComplaintStage.NOT_STAGED)
        pivot_rows.append(PivotRow(team, cells, total))
    totals = [_sum(r.cells[i] for r in pivot_rows) for i in range(len(STAGE_COLUMNS))]
    return ComplaintPivot(
        year=financial_year(year),
        headers=[label for _, label in STAGE_COLUMNS],
        rows=pivot_rows,
        totals=totals,
        total=_sum(r.total for r in pivot_rows),
    )


@dataclass
class ComparisonRow:
    """A team's complaints in two years: number and share of that year's total."""

    team: str
    previous: int | None
    previous_percent: int | None
    current: int | None
    current_percent: int | None


@dataclass
class ComplaintComparison:
    """The year-on-year table of complaints by team."""

    previous_year: Period
    year: Period
    rows: list[ComparisonRow] = field(default_factory=list)
    previous_total: int | None = None
    current_total: int | None = None


def _team_totals(authority: Authority, years: list[int]) -> dict[int, dict[str, int]]:
    rows = list(
        ComplaintCount.objects.filter(authority=authority, period__start_year__in=years)
        .select_related("team", "period")
        .order_by("period__start_year", "team__name", "stage")
    )
    by_year: dict[int, list[ComplaintCount]] = defaultdict(list)
    for row in rows:
        by_year[row.period.start_year].append(row)
    totals: dict[int, dict[str, int]] = {}
    for year in years:
        staged: dict[str, int] = defaultdict(int)
        whole: dict[str, int] = defaultdict(int)
        for row in _counts_for_year(by_year[year]):
            label = row.team.short_name or row.team.name
            target = whole if row.stage == ComplaintStage.NOT_STAGED else staged
            target[label] += row.count
        totals[year] = {team: staged.get(team, whole.get(team)) for team in {*staged, *whole}}
    return totals


def complaint_comparison(authority: Authority, year: int) -> ComplaintComparison:
    """This year's complaints by team beside last year's, with each team's share."""
    totals = _team_totals(authority, [year - 1, year])
    previous, current = totals[year - 1], totals[year]
    previous_total = _sum(previous.values())
    current_total = _sum(current.values())
    rows = [
        ComparisonRow(
            team,
            previous.get(team),
            percentage(previous.get(team), previous_total, decimals=0),
            current.get(team),
            percentage(current.get(team), current_total, decimals=0),
        )
        for team in sorted({*previous, *current})
    ]
    return ComplaintComparison(
        financial_year(year - 1), financial_year(year), rows, previous_total, current_total
    )


def complaint_themes(authority: Authority, year: int) -> QuerySet[ComplaintTheme]:
    return ComplaintTheme.objects.filter(authority=authority, period__start_year=year).order_by(
        "period__start", "order"
    )


def compliments(authority: Authority, year: int) -> QuerySet[Compliment]:
    return (
        Compliment.objects.filter(authority=authority, period__start_year=year)
        .select_related("team")
        .order_by("team__name", "order", "pk")
    )


# Contacts --------------------------------------------------------------------------------


@dataclass
class ContactBlock:
    """Contacts in one period (and measure): volumes by channel, total, and purposes."""

    period: Period
    measure: str
    team: str
    volumes: list[tuple[str, int, int | None]]
    total: int
    purposes: list[tuple[str, list[ContactPurpose]]]


def contact_blocks(authority: Authority) -> list[ContactBlock]:
    """Each period's contacts by channel with its total, latest first, and the purposes."""
    volumes = (
        ContactVolume.objects.filter(authority=authority)
        .select_related("period", "team")
        .order_by("-period__start", "team__name", "measure", "channel")
    )
    purposes: dict[Period, dict[str, list[ContactPurpose]]] = defaultdict(lambda: defaultdict(list))
    for p in (
        ContactPurpose.objects.filter(authority=authority)
        .select_related("period")
        .order_by("-period__start", "channel", "order", "pk")
    ):
        purposes[p.period][p.channel].append(p)
    labels = dict(ContactChannel.choices)
    channel_order = list(labels)
    grouped: dict[tuple, list[ContactVolume]] = {}
    for v in volumes:
        grouped.setdefault((v.period, v.measure, v.team.name if v.team else ""), []).append(v)
    blocks = []
    for (period, measure, team), rows in grouped.items():
        rows.sort(key=lambda v: channel_order.index(v.channel))
        shares = purposes.get(period, {})
        total = sum(v.count for v in rows)
        blocks.append(
            ContactBlock(
                period=period,
                measure=ContactVolume.Measure(measure).label,
                team=team,
                volumes=[
                    (labels[v.channel], v.count, percentage(v.count, total, decimals=0))
                    for v in rows
                ],
                total=total,
                purposes=[(labels[c], shares[c]) for c in channel_order if c in shares],
            )
        )
    # Purposes recorded for a period without volumes still deserve a place on the page.
    shown = {b.period for b in blocks}
    for period, shares in purposes.items():
        if period not in shown:
            by_channel = [(labels[c], shares[c]) for c in channel_order if c in shares]
            blocks.append(ContactBlock(period, "", "", [], 0, by_channel))
    return blocks


# Assurance home --------------------------------------------------------------------------


@dataclass
class Headline:
    """A link on the assurance home page with the figure that summarises it."""

    url_name: str
    label: str
    figure: str
    description: str


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def assurance_headlines(reader, authority: Authority) -> list[Headline]:
    """One headline figure per assurance page (recommendations as the reader may see them)."""
    years = complaint_years(authority)
    if years:
        pivot = complaint_pivot(authority, years[0])
        complaints = f"{_plural(pivot.total or 0, 'complaint')} received in {pivot.year.year_label}"
    else:
        complaints = "No complaints recorded"
    audits = Audit.objects.filter(authority=authority).aggregate(
        n=Count("pk", distinct=True),
        actions=Count("actions", filter=~Q(actions__status="done"), distinct=True),
    )
    latest_inspection = (
        Inspection.objects.filter(authority=authority).order_by("-start_date").first()
    )
    if latest_inspection:
        overall = (
            InspectionJudgement.objects.filter(inspection=latest_inspection)
            .order_by("order")
            .first()
        )
        inspection = f"Latest: {latest_inspection.service_inspected}" + (
            f" ({overall.judgement}: {overall.get_grade_display()})" if overall else ""
        )
    else:
        inspection = "No inspections recorded"
    recs = recommendations_with_status(reader, authority).aggregate(
        n=Count("pk"),
        achieved=Count("pk", filter=Q(latest_status=RecommendationUpdate.Status.ACHIEVED)),
    )
    latest_contact = (
        ContactVolume.objects.filter(authority=authority)
        .select_related("period")
        .order_by("-period__start")
        .first()
    )
    if latest_contact:
        total = sum(
            ContactVolume.objects.filter(
                authority=authority,
                period=latest_contact.period,
                measure=latest_contact.measure,
            ).values_list("count", flat=True)
        )
        contacts = f"{total:,} contacts in {latest_contact.period.label}"
    else:
        contacts = "No contacts recorded"
    open_issues = DataQualityIssue.objects.filter(
        authority=authority, status=DataQualityIssue.Status.OPEN
    ).count()
    return [
        Headline(
            "assurance:complaint_summary",
            "Complaints and compliments",
            complaints,
            "Complaints by team and stage, year on year, themes and compliments.",
        ),
        Headline(
            "assurance:audit_list",
            "Audits",
            f"{_plural(audits['n'], 'audit')}, {_plural(audits['actions'], 'action')} not yet done",
            "Case-file and thematic audits, their findings and actions.",
        ),
        Headline(
            "assurance:inspection_list",
            "Inspections",
            inspection,
            "Inspections of the council's services and the grade for each judgement.",
        ),
        Headline(
            "assurance:recommendation_list",
            "Recommendations",
            f"{recs['achieved']} of {recs['n']} achieved",
            "The tracker of recommendations and their latest status.",
        ),
        Headline(
            "assurance:contact_list",
            "Contacts",
            contacts,
            "Contacts received by channel and what they were about.",
        ),
        Headline(
            "assurance:data_quality_list",
            "Data quality",
            f"{_plural(open_issues, 'open issue')}",
            "Problems found in figures as received.",
        ),
    ]
