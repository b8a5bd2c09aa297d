"""The framework's own set-up steps: what a council is, how it is organised, whom it is
compared with, and who works in it."""

from __future__ import annotations

from scrutiny.models import Authority, CouncilRole, NeighbourSet, UserRole

from . import SetupStep


def details_done(authority: Authority) -> bool:
    """The pack's cover letter needs an address and a contact."""
    return bool(authority.address.strip() and (authority.email or authority.telephone))


def teams_done(authority: Authority) -> bool:
    return authority.service_areas.exists() and authority.teams.exists()


def comparators_done(authority: Authority) -> bool:
    return NeighbourSet.objects.filter(authority=authority, members__isnull=False).exists()


PEOPLE_NEEDED = (UserRole.OFFICER, UserRole.APPROVER, UserRole.CLERK)


def people_done(authority: Authority) -> bool:
    """Someone enters the figures, someone else approves them, and a clerk publishes."""
    held = set(CouncilRole.objects.filter(authority=authority).values_list("role", flat=True))
    return set(PEOPLE_NEEDED) <= held


STEPS = (
    SetupStep(
        "details",
        "Council details",
        "Name, code, region, and the address and contact the pack's cover letter prints",
        "setup:details",
        details_done,
        order=10,
    ),
    SetupStep(
        "teams",
        "Service areas and teams",
        "The divisions of children's services, and the teams figures are counted by",
        "setup:teams",
        teams_done,
        order=20,
    ),
    SetupStep(
        "comparators",
        "Statistical neighbours",
        "The councils your figures are compared with",
        "setup:comparators",
        comparators_done,
        order=30,
    ),
    SetupStep(
        "people",
        "People and their roles",
        "Invite the officers, approvers, clerks and members who use the service",
        "setup:people",
        people_done,
        order=90,
    ),
)
