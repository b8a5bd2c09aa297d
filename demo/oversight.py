"""Inspections, recommendations, complaints and compliments, audits, contacts, data quality."""

from __future__ import annotations

from typing import Any

from assurance.models import (
    Audit,
    AuditAction,
    AuditFinding,
    ComplaintCount,
    ComplaintTheme,
    Compliment,
    ContactPurpose,
    ContactVolume,
    DataQualityIssue,
    Inspection,
    InspectionJudgement,
)
from committees.models import Recommendation, RecommendationUpdate

from .base import date, decimal, period, prune, upsert
from .councils import Council


def load_inspections(*, council: Council, data: list[dict[str, Any]]) -> None:
    kept = []
    for item in data:
        inspection = upsert(
            Inspection,
            keys={
                "authority": council.authority,
                "service_inspected": item["service_inspected"],
                "start_date": date(item["start_date"]),
            },
            values={
                "inspectorate": item.get("inspectorate", "Ofsted"),
                "end_date": date(item.get("end_date")),
                "report_url": item.get("report_url", ""),
            },
        )
        judgements = [
            upsert(
                InspectionJudgement,
                keys={"inspection": inspection, "judgement": judgement},
                values={"order": order, "grade": grade},
            )
            for order, (judgement, grade) in enumerate(item["judgements"], start=1)
        ]
        prune(inspection.judgements.all(), keep=judgements)
        kept.append(inspection)
    prune(council.authority.inspections.all(), keep=kept)


def load_recommendations(*, council: Council, data: list[dict[str, Any]]) -> None:
    """Each group is one seed table: its source, report, year, area and team, then its rows."""
    council.authority.recommendations.all().delete()
    for group in data:
        for order, row in enumerate(group["items"], start=1):
            recommendation = Recommendation.objects.create(
                authority=council.authority,
                committee=council.committees.get(group.get("committee") or ""),
                report=council.reports.get(group.get("report") or ""),
                team=council.team(group.get("team")),
                area=group.get("area", ""),
                source=group["source"],
                period=period(group.get("period")),
                reference=row.get("reference", ""),
                order=order,
                rationale=row.get("rationale", ""),
                text=row["text"],
                owner=row.get("owner", ""),
            )
            RecommendationUpdate.objects.bulk_create(
                RecommendationUpdate(
                    recommendation=recommendation,
                    period=period(update["period"]),
                    status=update["status"],
                    note=update.get("note", ""),
                )
                for update in row.get("updates", [])
            )


def load_complaints(*, council: Council, data: dict[str, Any]) -> None:
    """Counts by team and stage; a blank cell in the seed is ``null`` and stays absent."""
    counts = []
    for table in data.get("tables", []):
        table_period = period(table["period"])
        for row in table["rows"]:
            team = council.team(row["team"])
            for stage, count in zip(table["stages"], row["counts"], strict=True):
                if count is None:
                    continue
                counts.append(
                    upsert(
                        ComplaintCount,
                        keys={
                            "authority": council.authority,
                            "period": table_period,
                            "team": team,
                            "stage": stage,
                        },
                        values={"count": count},
                    )
                )
    prune(council.authority.complaints.all(), keep=counts)
    council.authority.complaint_themes.all().delete()
    ComplaintTheme.objects.bulk_create(
        ComplaintTheme(
            authority=council.authority,
            period=period(theme["period"]),
            order=order,
            theme=theme["theme"],
            context=theme.get("context", ""),
            action=theme.get("action", ""),
        )
        for order, theme in enumerate(data.get("themes", []), start=1)
    )
    council.authority.compliments.all().delete()
    Compliment.objects.bulk_create(
        Compliment(
            authority=council.authority,
            period=period(row["period"]),
            team=council.team(row["team"]),
            order=order,
            count=row["count"],
            received_from=row.get("from", ""),
            about=row.get("about", ""),
        )
        for order, row in enumerate(data.get("compliments", []), start=1)
    )


def load_audits(*, council: Council, data: list[dict[str, Any]]) -> None:
    council.authority.audits.all().delete()
    for item in data:
        audit = Audit.objects.create(
            authority=council.authority,
            title=item["title"],
            scope=item.get("scope", ""),
            team=council.team(item.get("team")),
            conducted_by=item.get("conducted_by", ""),
            is_external=item.get("is_external", False),
            period=period(item.get("period")),
            completed_on=date(item.get("completed_on")),
            cases_audited=item.get("cases_audited"),
            summary=item.get("summary", ""),
        )
        AuditFinding.objects.bulk_create(
            AuditFinding(audit=audit, order=order, kind=f["kind"], text=f["text"])
            for order, f in enumerate(item.get("findings", []), start=1)
        )
        AuditAction.objects.bulk_create(
            AuditAction(
                audit=audit,
                order=order,
                text=a["text"],
                owner=a.get("owner", ""),
                due_date=date(a.get("due_date")),
                status=a.get("status", AuditAction.Status.PLANNED),
            )
            for order, a in enumerate(item.get("actions", []), start=1)
        )


def load_contacts(*, council: Council, data: dict[str, Any]) -> None:
    volumes = [
        upsert(
            ContactVolume,
            keys={
                "authority": council.authority,
                "period": period(row["period"]),
                "team": council.team(row.get("team")),
                "channel": row["channel"],
                "measure": row["measure"],
            },
            values={"count": row["count"]},
        )
        for row in data.get("volumes", [])
    ]
    prune(council.authority.contacts.all(), keep=volumes)
    council.authority.contact_purposes.all().delete()
    ContactPurpose.objects.bulk_create(
        ContactPurpose(
            authority=council.authority,
            period=period(row["period"]),
            channel=row["channel"],
            order=order,
            purpose=row["purpose"],
            percent=decimal(row["percent"]),
        )
        for order, row in enumerate(data.get("purposes", []), start=1)
    )


def load_data_quality(*, council: Council, data: list[dict[str, Any]]) -> None:
    """Problems in the seed papers, recorded open so readers see them beside the figures."""
    council.authority.data_quality_issues.all().delete()
    DataQualityIssue.objects.bulk_create(
        DataQualityIssue(
            authority=council.authority,
            area=row["area"],
            subject=row["subject"],
            description=row["description"],
            source=row.get("source", ""),
            status=DataQualityIssue.Status.OPEN,
        )
        for row in data
    )
