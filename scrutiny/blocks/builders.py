"""The builders of every data block, each from the selectors the app's own pages use."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.utils.html import escape, format_html, format_html_join

from programmes.models import Programme
from programmes.selectors import points, programme_logs
from programmes.tables import MilestoneTable, ProgressMetricTable
from scorecards import selectors as scorecard_selectors
from scorecards.charts import scorecard_average_chart
from scorecards.models import Indicator, IndicatorValue, PracticeScorecard
from scorecards.tables import IndicatorSeriesTable, ScorecardTable
from scrutiny.models import (
    Audit,
    Authority,
    ComplaintCount,
    ComplaintTheme,
    Compliment,
    ContactVolume,
    Inspection,
    Period,
    Recommendation,
    RecommendationUpdate,
)
from scrutiny.permissions import exempt_reports
from scrutiny.selectors.assurance import (
    complaint_comparison,
    complaint_pivot,
    complaint_themes,
    complaint_years,
    compliments,
    contact_blocks,
)
from scrutiny.tables.assurance import (
    AuditActionTable,
    AuditFindingTable,
    ComplaintThemeTable,
    ComplimentTable,
    InspectionJudgementTable,
)
from workforce.models import (
    Caseload,
    StaffingFigure,
    StaffMovement,
    TrainingCompletion,
    TrainingCoverage,
)
from workforce.selectors import caseload_targets, staffing_dates, staffing_snapshots
from workforce.tables import (
    CaseloadTable,
    StaffingSnapshotTable,
    StaffMovementTable,
    TrainingCompletionTable,
    TrainingCoverageTable,
)

from .content import BlockContent, ChartData, simple_table, table_data
from .registry import BlockType, Rows, register


def _day(value: dt.date) -> str:
    return f"{value:%-d %B %Y}"


@functools.cache
def _of_council(model: type[Model], **filters) -> Rows:
    """The model's rows for a council: where a kind's choices are read from. One function per
    model and filters, so kinds that read the same rows share a source."""

    def rows(authority: Authority) -> QuerySet:
        return model.objects.filter(authority=authority, **filters)

    return rows


def _threshold(public: bool) -> int | None:
    return scorecard_selectors.reader_threshold(not public)


# Workforce -------------------------------------------------------------------------------


def _staffing_choices(authority: Authority) -> list[tuple[str, str]]:
    return [(d.isoformat(), _day(d)) for d in staffing_dates(authority)]


def _staffing(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    as_at = dt.date.fromisoformat(choice)
    snapshots = staffing_snapshots(authority, as_at, staffing_dates(authority))
    # The checks column is for officers correcting figures, not for the paper.
    tables = [
        table_data(StaffingSnapshotTable.for_snapshot(s, exclude=["checks"])) for s in snapshots
    ]
    return BlockContent(subject=f"Staff in post at {_day(as_at)}", tables=tables)


def _movement_choices(authority: Authority) -> list[tuple[str, str]]:
    rows = StaffMovement.objects.filter(authority=authority).order_by("-date_to")
    spans = {(m.date_from, m.date_to) for m in rows}
    return [
        (f"{start.isoformat()}/{end.isoformat()}", f"{_day(start)} to {_day(end)}")
        for start, end in sorted(spans, reverse=True)
    ]


def _movements(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    start, end = (dt.date.fromisoformat(part) for part in choice.split("/"))
    rows = (
        StaffMovement.objects.filter(authority=authority, date_from=start, date_to=end)
        .prefetch_related("leaver_reasons")
        .order_by("staff_group")
    )
    table = StaffMovementTable(rows, orderable=False)
    return BlockContent(
        subject=f"Starters and leavers, {_day(start)} to {_day(end)}",
        tables=[table_data(table, "Starters and leavers")],
    )


def _periods_of(rows) -> list[tuple[str, str]]:
    periods = Period.objects.filter(pk__in=rows.values("period")).order_by("-end", "-start")
    return [(str(p.pk), p.label) for p in periods]


def _caseload_choices(authority: Authority) -> list[tuple[str, str]]:
    return _periods_of(Caseload.objects.filter(authority=authority))


def _caseloads(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    period = Period.objects.get(pk=int(choice))
    rows = (
        Caseload.objects.filter(authority=authority, period=period)
        .select_related("team", "period")
        .order_by("team__name", "service")
    )
    table = CaseloadTable(
        rows, targets=caseload_targets(authority), orderable=False, exclude=["period"]
    )
    return BlockContent(
        subject=period.label, tables=[table_data(table, f"Caseloads, {period.label}")]
    )


def _training_choices(authority: Authority) -> list[tuple[str, str]]:
    years = set(
        TrainingCompletion.objects.filter(authority=authority, period__isnull=False).values_list(
            "period__start_year", flat=True
        )
    )
    years |= {d.year - (d.month < 4) for d in _coverage_dates(authority)}
    return _years(years)


def _coverage_dates(authority: Authority) -> list[dt.date]:
    return list(
        TrainingCoverage.objects.filter(authority=authority).values_list("as_at", flat=True)
    )


def _training(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    year = int(choice)
    start, end = dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
    completions = (
        TrainingCompletion.objects.filter(authority=authority, period__start_year=year)
        .select_related("course", "period")
        .order_by("course__name", "staff_group")
    )
    coverage = (
        TrainingCoverage.objects.filter(authority=authority, as_at__range=(start, end))
        .select_related("course")
        .order_by("course__name", "as_at")
    )
    tables = []
    if completions:
        tables.append(
            table_data(TrainingCompletionTable(completions, orderable=False), "Courses completed")
        )
    if coverage:
        tables.append(
            table_data(
                TrainingCoverageTable(coverage, orderable=False, exclude=["source"]),
                "Share of staff trained",
            )
        )
    return BlockContent(subject=f"Training, {year}/{(year + 1) % 100:02d}", tables=tables)


# Scorecards ------------------------------------------------------------------------------


def _period_choices(authority: Authority) -> list[tuple[str, str]]:
    return [(p.slug, p.label) for p in scorecard_selectors.scorecard_periods(authority)]


def _indicator_table(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    scorecard = scorecard_selectors.council_scorecard(
        authority, choice, threshold=_threshold(public)
    )
    tables = []
    for group in scorecard.groups:
        first = group.rows[0]
        table = ScorecardTable(
            group.rows,
            authority=authority,
            period=scorecard.period,
            previous_label=first.previous_label,
            last_year_label=first.last_year_label,
            orderable=False,
        )
        tables.append(table_data(table, group.label))
    notes = []
    if scorecard.suppressed:
        notes.append("Counts of 1 to 5 children, and figures worked out from them, show as c.")
    return BlockContent(subject=scorecard.period.label, tables=tables, notes=notes)


def _indicator_choices(authority: Authority) -> list[tuple[str, str]]:
    has_value = IndicatorValue.objects.filter(authority=authority).values("indicator")
    rows = Indicator.objects.filter(pk__in=has_value).order_by("order", "name")
    return [(i.code, i.name) for i in rows]


def _indicator_chart(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    indicator = Indicator.objects.get(code=choice)
    trend = scorecard_selectors.indicator_trend(indicator, authority, threshold=_threshold(public))
    content = BlockContent(subject=indicator.name)
    if trend.chart is not None:
        content.charts.append(
            ChartData(trend.chart.as_dict(), f"{trend.chart.title}: {authority.short_name}")
        )
    content.tables.append(
        table_data(
            IndicatorSeriesTable(trend.series, orderable=False, exclude=["figure_is"]),
            f"{indicator.name}: figures by period",
        )
    )
    if indicator.definition:
        content.notes.append(f"Definition: {indicator.definition}")
    return content


def _scorecard_choices(authority: Authority) -> list[tuple[str, str]]:
    rows = PracticeScorecard.objects.filter(authority=authority).order_by("name")
    return [(str(s.pk), s.name) for s in rows]


def _practice_scorecard(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    scorecard = PracticeScorecard.objects.get(authority=authority, pk=int(choice))
    grid = scorecard_selectors.scorecard_grid(scorecard)
    content = BlockContent(subject=scorecard.name)
    if grid.rounds:
        average = scorecard_average_chart(scorecard, grid)
        content.charts.append(ChartData(average.as_dict(), average.title))
    headers = [("Aspect", False)] + [
        (f"{r.assessed_on:%-d %b %Y} ({r.period.label})", True) for r in grid.rounds
    ]
    rows = [[aspect.name, *(text for text, _ in cells)] for aspect, cells in grid.table]
    rows.append(
        [
            f"Average score across all {len(grid.rows)} aspects",
            *("" if r.average is None else f"{r.average:f}" for r in grid.rounds),
        ]
    )
    content.tables.append(
        simple_table(f"{scorecard.name}: scores by aspect and round", headers, rows)
    )
    if grid.has_illustrative:
        content.notes.append("Some scores are illustrative: the paper did not print them.")
    return content


# Complaints ------------------------------------------------------------------------------


def _years(years) -> list[tuple[str, str]]:
    return [(str(y), f"{y}/{(y + 1) % 100:02d}") for y in sorted(set(years), reverse=True)]


def _year_choices(authority: Authority) -> list[tuple[str, str]]:
    return _years(complaint_years(authority))


def _years_of(model) -> Callable[[Authority], list[tuple[str, str]]]:
    def choices(authority: Authority) -> list[tuple[str, str]]:
        rows = model.objects.filter(authority=authority)
        return _years(rows.values_list("period__start_year", flat=True))

    return choices


def _complaints(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    year = int(choice)
    pivot = complaint_pivot(authority, year)
    headers = [("Team", False), *((h, True) for h in pivot.headers), ("Total", True)]
    rows = [[r.team, *r.cells, r.total] for r in pivot.rows]
    rows.append(["Total", *pivot.totals, pivot.total])
    tables = [simple_table(f"Complaints received in {pivot.year.label}", headers, rows)]
    comparison = complaint_comparison(authority, year)
    if comparison.rows:
        before, now = comparison.previous_year.label, comparison.year.label
        rows = [
            [
                r.team,
                r.previous,
                "" if r.previous_percent is None else f"{r.previous_percent}%",
                r.current,
                "" if r.current_percent is None else f"{r.current_percent}%",
            ]
            for r in comparison.rows
        ]
        rows.append(["Total", comparison.previous_total, "", comparison.current_total, ""])
        headers = [
            ("Team", False),
            (before, True),
            (f"% of {before}", True),
            (now, True),
            (f"% of {now}", True),
        ]
        tables.append(simple_table(f"Complaints by team, {before} and {now}", headers, rows))
    return BlockContent(subject=pivot.year.label, tables=tables)


def _complaint_themes(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    year = int(choice)
    table = ComplaintThemeTable(complaint_themes(authority, year), orderable=False)
    label = f"{year}/{(year + 1) % 100:02d}"
    return BlockContent(subject=label, tables=[table_data(table, f"Complaint themes, {label}")])


def _compliments(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    year = int(choice)
    table = ComplimentTable(compliments(authority, year), orderable=False)
    label = f"{year}/{(year + 1) % 100:02d}"
    return BlockContent(subject=label, tables=[table_data(table, f"Compliments, {label}")])


def _contact_choices(authority: Authority) -> list[tuple[str, str]]:
    return _periods_of(ContactVolume.objects.filter(authority=authority))


def _contacts(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    tables = []
    for block in contact_blocks(authority):
        if str(block.period.pk) != choice:
            continue
        rows = [[label, count, "" if p is None else f"{p}%"] for label, count, p in block.volumes]
        rows.append(["Total", block.total, ""])
        caption = f"Contacts by channel, {block.period.label}"
        if block.team:
            caption += f" ({block.team})"
        headers = [("Channel", False), (block.measure or "Number", True), ("Share", True)]
        tables.append(simple_table(caption, headers, rows))
    return BlockContent(subject=Period.objects.get(pk=int(choice)).label, tables=tables)


# Oversight -------------------------------------------------------------------------------


def _inspection_choices(authority: Authority) -> list[tuple[str, str]]:
    rows = Inspection.objects.filter(authority=authority).order_by("-start_date")
    return [(str(i.pk), f"{i.service_inspected} ({_day(i.start_date)})") for i in rows]


def _inspection(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    inspection = Inspection.objects.get(authority=authority, pk=int(choice))
    table = InspectionJudgementTable(inspection.judgements.order_by("order"), orderable=False)
    caption = f"{inspection.inspectorate}: {inspection.service_inspected}"
    return BlockContent(subject=caption, tables=[table_data(table, caption)])


def _audit_choices(authority: Authority) -> list[tuple[str, str]]:
    rows = Audit.objects.filter(authority=authority).order_by("-completed_on", "title")
    return [(str(a.pk), a.title) for a in rows]


def _audit(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    audit = Audit.objects.get(authority=authority, pk=int(choice))
    content = BlockContent(subject=audit.title)
    if audit.cases_audited is not None:
        content.notes.append(f"{audit.cases_audited} cases audited.")
    findings = AuditFindingTable(audit.findings.order_by("order"), orderable=False)
    actions = AuditActionTable(audit.actions.order_by("order"), orderable=False)
    content.tables += [
        table_data(findings, "What the audit found", row_headers=False),
        table_data(actions, "Actions", row_headers=False),
    ]
    return content


def _source_choices(authority: Authority) -> list[tuple[str, str]]:
    sources = (
        Recommendation.objects.filter(authority=authority)
        .order_by("source")
        .values_list("source", flat=True)
        .distinct()
    )
    return [(s, s) for s in sources]


def _recommendations(authority: Authority, source: str):
    latest = RecommendationUpdate.objects.filter(recommendation=OuterRef("pk")).order_by(
        "-period__start", "-pk"
    )
    # A Part 2 report's recommendations never go into a block: the block may be published.
    return (
        Recommendation.objects.filter(authority=authority, source=source)
        .exclude(report__in=exempt_reports())
        .select_related("team")
        .annotate(
            latest_status=Subquery(latest.values("status")[:1]),
            latest_note=Subquery(latest.values("note")[:1]),
        )
        .order_by("order", "pk")
    )


def _tracker(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    """Seed 001's section 5: each recommendation, and whether it was achieved, and how."""
    labels = dict(RecommendationUpdate.Status.choices)
    rows = [
        [
            r.reference or str(n),
            r.text,
            labels.get(r.latest_status, "No update yet"),
            r.latest_note or "",
        ]
        for n, r in enumerate(_recommendations(authority, choice), start=1)
    ]
    headers = [("No.", False), ("Recommendation", False), ("Status", False), ("Update", False)]
    table = simple_table(f"Recommendations from the {choice}", headers, rows)
    return BlockContent(subject=choice, tables=[table])


def _strategic_focus(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    """Why, then what: the rationale that leads to each recommendation."""
    rows = [[r.rationale, r.text] for r in _recommendations(authority, choice)]
    headers = [("Rationale", False), ("Recommendation", False)]
    return BlockContent(
        subject=choice,
        tables=[simple_table(f"Strategic focus: {choice}", headers, rows, row_headers=False)],
    )


# Programmes ------------------------------------------------------------------------------


def _programme_choices(authority: Authority) -> list[tuple[str, str]]:
    return [(p.slug, p.name) for p in Programme.objects.filter(authority=authority)]


def _bullets(text: str) -> str:
    items = points(text)
    if not items:
        return ""
    return str(format_html_join("", "<li>{}</li>", ((p,) for p in items)).join(["<ul>", "</ul>"]))


def _programme(authority: Authority, choice: str, *, public: bool) -> BlockContent:
    programme = Programme.objects.get(authority=authority, slug=choice)
    logs = programme_logs(programme)
    content = BlockContent(subject=programme.name)
    if logs.updates:
        period, blocks = logs.updates[0]
        headers = [
            ("Project", False),
            ("RAG", False),
            ("What have we done?", False),
            ("What is the impact?", False),
            ("Going forward", False),
        ]
        table = simple_table(f"Progress, {period.label}", headers, [])
        for block in blocks:
            u = block.update
            rag = u.get_rag_display() if u.rag else "Not rated"
            table.rows.append(
                [
                    escape(block.heading),
                    str(
                        format_html(
                            '<strong class="govuk-tag govuk-tag--{}">{}</strong>',
                            block.rag_colour,
                            rag,
                        )
                    ),
                    _bullets(u.done),
                    _bullets(u.impact),
                    _bullets(u.going_forward),
                ]
            )
        content.tables.append(table)
        content.subject = f"{programme.name}, {period.label}"
    for label, milestones in logs.milestones:
        content.tables.append(table_data(MilestoneTable(milestones, orderable=False), label))
    if logs.metrics:
        metrics = ProgressMetricTable(logs.metrics, orderable=False)
        content.tables.append(table_data(metrics, "Progress measures"))
    return content


# The catalogue, in the order an author meets it ------------------------------------------

for _block in (
    BlockType(
        "workforce",
        "Workforce by role",
        "Permanent and agency staff and vacancies by role, last year's figures in brackets.",
        "Snapshot date",
        _staffing_choices,
        _staffing,
        sources=(_of_council(StaffingFigure),),
    ),
    BlockType(
        "starters-leavers",
        "Starters and leavers",
        "Staff who started and left, with leavers' reasons.",
        "Span",
        _movement_choices,
        _movements,
        sources=(_of_council(StaffMovement),),
    ),
    BlockType(
        "caseloads",
        "Caseloads",
        "Cases per case-holding worker by team, against the council's target.",
        "Period",
        _caseload_choices,
        _caseloads,
        sources=(_of_council(Caseload),),
    ),
    BlockType(
        "training",
        "Training",
        "Courses completed and the share of staff trained.",
        "Financial year",
        _training_choices,
        _training,
        sources=(
            _of_council(TrainingCompletion, period__isnull=False),
            _of_council(TrainingCoverage),
        ),
    ),
    BlockType(
        "indicator-table",
        "Indicator table",
        "Every indicator for a period: value, target, RAG, trend and comparators.",
        "Period",
        _period_choices,
        _indicator_table,
        sources=(_of_council(IndicatorValue),),
    ),
    BlockType(
        "indicator-chart",
        "Indicator chart",
        "One indicator over time against its target and comparators, with its figures.",
        "Indicator",
        _indicator_choices,
        _indicator_chart,
        sources=(_of_council(IndicatorValue),),
    ),
    BlockType(
        "practice-scorecard",
        "Practice score card",
        "Scores by aspect and round, and the average across all aspects as a chart.",
        "Score card",
        _scorecard_choices,
        _practice_scorecard,
        sources=(_of_council(PracticeScorecard),),
    ),
    BlockType(
        "complaints",
        "Complaints by team and stage",
        "Complaints received by team and stage, and by team year on year.",
        "Financial year",
        _year_choices,
        _complaints,
        sources=(_of_council(ComplaintCount),),
    ),
    BlockType(
        "complaint-themes",
        "Complaint themes",
        "Themes arising from complaints and the action taken.",
        "Financial year",
        _years_of(ComplaintTheme),
        _complaint_themes,
        sources=(_of_council(ComplaintTheme),),
    ),
    BlockType(
        "compliments",
        "Compliments",
        "Compliments received by each team.",
        "Financial year",
        _years_of(Compliment),
        _compliments,
        sources=(_of_council(Compliment),),
    ),
    BlockType(
        "contacts",
        "Contact volumes",
        "Contacts by channel with their share of the total.",
        "Period",
        _contact_choices,
        _contacts,
        sources=(_of_council(ContactVolume),),
    ),
    BlockType(
        "inspection",
        "Inspection grades",
        "The grade given for each judgement of an inspection.",
        "Inspection",
        _inspection_choices,
        _inspection,
        sources=(_of_council(Inspection),),
    ),
    BlockType(
        "audit",
        "Audit findings",
        "What an audit found and the actions agreed.",
        "Audit",
        _audit_choices,
        _audit,
        sources=(_of_council(Audit),),
    ),
    BlockType(
        "recommendation-tracker",
        "Recommendation tracker",
        "Each recommendation with its latest status and update (Achieved, Partially...).",
        "Recommendations from",
        _source_choices,
        _tracker,
        sources=(_of_council(Recommendation),),
    ),
    BlockType(
        "strategic-focus",
        "Strategic focus",
        "The rationale that leads to each recommendation.",
        "Recommendations from",
        _source_choices,
        _strategic_focus,
        sources=(_of_council(Recommendation),),
    ),
    BlockType(
        "programme-progress",
        "Programme progress",
        "Per project: RAG, what we have done, the impact, going forward; milestones; measures.",
        "Programme",
        _programme_choices,
        _programme,
        sources=(_of_council(Programme),),
    ),
):
    register(_block)
