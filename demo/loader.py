"""Loads the catalogues, then each council, then the demo accounts, in one transaction."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from django.db.models import Model
from django.test.utils import override_settings

from assurance import models as assurance
from committees import models as committees
from programmes import models as programmes
from scorecards import models as scorecards
from scrutiny import models as scrutiny
from workforce import models as workforce

from .accounts import load_accounts, load_memberships
from .base import COUNCIL_FILES, period, read_fixture
from .committees import load_committees, load_report_sections
from .councils import Council, load_authority
from .minutes import load_illustrative_minutes
from .oversight import (
    load_audits,
    load_complaints,
    load_contacts,
    load_data_quality,
    load_inspections,
    load_recommendations,
)
from .programmes import load_programmes
from .scorecards import load_comparators, load_council_scorecards, load_indicators
from .workforce import load_courses, load_roles, load_workforce

# The models the demo fills, in the order the summary prints them.
DEMO_MODELS: tuple[type[Model], ...] = (
    scrutiny.Authority,
    scrutiny.ServiceArea,
    scrutiny.Team,
    committees.Committee,
    committees.CommitteeMembership,
    committees.Councillor,
    committees.Meeting,
    committees.AgendaItem,
    committees.Report,
    committees.ReportSection,
    committees.FinancialImplication,
    committees.BackgroundPaper,
    assurance.Inspection,
    assurance.InspectionJudgement,
    committees.Recommendation,
    committees.RecommendationUpdate,
    assurance.ComplaintCount,
    assurance.ComplaintTheme,
    assurance.Compliment,
    assurance.Audit,
    assurance.AuditFinding,
    assurance.AuditAction,
    assurance.ContactVolume,
    assurance.ContactPurpose,
    assurance.DataQualityIssue,
    workforce.Role,
    workforce.StaffingFigure,
    workforce.StaffMovement,
    workforce.LeaverReason,
    workforce.Caseload,
    workforce.TrainingCourse,
    workforce.TrainingCompletion,
    workforce.TrainingCoverage,
    scorecards.Indicator,
    scorecards.IndicatorValue,
    scorecards.Target,
    scorecards.ComparatorValue,
    scorecards.PracticeScorecard,
    scorecards.PracticeAspect,
    scorecards.PracticeScore,
    programmes.Programme,
    programmes.Workstream,
    programmes.Project,
    programmes.Milestone,
    programmes.ProgressUpdate,
    programmes.ProgressMetric,
    scrutiny.User,
)


def load_demo(*, fixtures_dir: Path | None = None) -> dict[str, int]:
    """Load every fixture; return the number of rows of each demo model afterwards."""
    period.cache_clear()
    # The seed papers are the starting point, not edits: recording them in the audit
    # history would also make every reload add rows.
    with override_settings(SIMPLE_HISTORY_ENABLED=False), transaction.atomic():
        _load_catalogues(fixtures_dir=fixtures_dir)
        fixtures = [read_fixture(name=name, directory=fixtures_dir) for name in COUNCIL_FILES]
        councils = [_load_council(data=data) for data in fixtures]
        # Last, when every council's figures are in: a block may show national figures
        # another council's fixture brings (England's turnover rate), and must not depend
        # on the order the councils load in.
        for council, data in zip(councils, fixtures, strict=True):
            load_report_sections(council=council, data=data)
        users = load_accounts(authorities=[council.authority for council in councils])
        member = next(user for user in users if user.username == "member")
        load_memberships(
            member=member,
            committees=[c for council in councils for c in council.committees.values()],
        )
        load_illustrative_minutes()
    return {model._meta.verbose_name_plural: model.objects.count() for model in DEMO_MODELS}


def _load_catalogues(*, fixtures_dir: Path | None) -> None:
    data = read_fixture(name="catalogues", directory=fixtures_dir)
    load_roles(data=data["workforce_roles"])
    load_courses(data=data["training_courses"])
    load_indicators(data=data["indicators"])
    load_comparators(data=data.get("comparators", []))


def _load_council(*, data: dict) -> Council:
    council = load_authority(data=data)
    load_committees(council=council, data=data)
    load_inspections(council=council, data=data.get("inspections", []))
    load_recommendations(council=council, data=data.get("recommendations", []))
    load_complaints(council=council, data=data.get("complaints", {}))
    load_audits(council=council, data=data.get("audits", []))
    load_contacts(council=council, data=data.get("contacts", {}))
    load_workforce(council=council, data=data.get("workforce", {}))
    load_council_scorecards(council=council, data=data.get("scorecards", {}))
    load_programmes(council=council, data=data.get("programmes", []))
    load_data_quality(council=council, data=data.get("data_quality", []))
    return council
