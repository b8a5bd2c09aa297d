"""The sections of a quarterly return that can be entered on the web, and who may enter them.

Sections of ``ReturnSectionKey`` not in ``SECTIONS`` are not offered yet: a return started
here marks them "Cannot start yet", which is what lets an officer submit without them.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from ..models import Authority, Period, QuarterlyReturn, ReturnSection, Role, User
from ..permissions import can_view_data
from ..services.returns import return_start
from .forms import SectionEntry


def _registry() -> dict[str, type[SectionEntry]]:
    # Imported here: workforce.forms imports this package, and apps load in order.
    from workforce.forms import StaffingEntry

    from ..forms import ComplaintEntry, ContactEntry
    from . import entries
    from .forms import Row

    class ComplaintsByTeam(ComplaintEntry):
        """Complaints by team and stage, each team's row limited to its service area."""

        team_rows = True

        def get_rows(self) -> list[Row]:
            return [Row(str(t.pk), t.name, t.service_area_id) for t in self.teams]

    ordered = [
        StaffingEntry,
        entries.StartersLeaversEntry,
        entries.CaseloadEntry,
        entries.TrainingEntry,
        entries.PracticeEntry,
        entries.IndicatorEntry,
        ComplaintsByTeam,
        entries.ComplaintThemeEntry,
        entries.ComplimentEntry,
        entries.AuditEntry,
        entries.ProgressEntry,
        entries.MetricEntry,
        entries.MilestoneEntry,
        entries.RecommendationEntry,
        ContactEntry,
    ]
    return {entry.slug: entry for entry in ordered}


def sections() -> dict[str, type[SectionEntry]]:
    """Offered sections by URL slug, in task-list order."""
    return _registry()


def offered_keys() -> set[str]:
    return {str(entry.key) for entry in _registry().values()}


def may_edit(user: User, authority: Authority) -> bool:
    """Show the inputs and buttons? The services decide again on every POST."""
    if not can_view_data(user, authority):
        return False
    return user.is_admin or user.role in {Role.OFFICER, Role.APPROVER}


def return_open(*, authority: Authority, period: Period, started_by: User) -> QuarterlyReturn:
    """Start a quarter's return and mark the sections not offered yet as cannot start."""
    with transaction.atomic():
        quarterly_return = return_start(authority=authority, period=period, started_by=started_by)
        quarterly_return.sections.filter(status=ReturnSection.Status.NOT_STARTED).exclude(
            key__in=offered_keys()
        ).update(status=ReturnSection.Status.CANNOT_START, version=F("version") + 1)
    return quarterly_return
