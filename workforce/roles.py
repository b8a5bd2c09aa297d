"""Which staff groups a council's workforce return counts: one rule for every section."""

from __future__ import annotations

from django.db.models import Q

from scrutiny.models import Authority

from .models import ReportedRole, Role


def offered_roles(authority: Authority) -> list[Role]:
    """The staff groups a council may choose from: the national ones, its own job titles,
    and any it already counts."""
    return list(
        Role.objects.filter(
            Q(owner__isnull=True) | Q(owner=authority) | Q(reporters__authority=authority)
        ).distinct()
    )


def return_roles(authority: Authority) -> list[Role]:
    """The staff groups on the council's return, in order: those it chose, or, until it has
    chosen, the national staff groups."""
    chosen = [
        r.role for r in ReportedRole.objects.filter(authority=authority).select_related("role")
    ]
    if chosen:
        return sorted(chosen, key=lambda role: (role.order, role.name))
    return list(Role.objects.filter(owner__isnull=True))
