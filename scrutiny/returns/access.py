"""Which rows of a return an officer may change: the service-area limit.

An officer with service areas set changes only the rows of teams in those areas; rows that
are not by team (roles, channels, indicators, programmes) are council-wide, so they are
read-only to such an officer. Everyone else who may edit the council's returns (see
``sections.may_edit``) changes every row. The section views and the spreadsheet import
call this on every GET and POST; it never trusts what the page showed.
"""

from __future__ import annotations

from ..models import Authority, Role, User

_CACHE = "_return_service_area_ids"


def limited_areas(user: User | None) -> set[int] | None:
    """The service areas an officer is limited to, or None when not limited (one query)."""
    if user is None or not getattr(user, "is_authenticated", False) or user.is_admin:
        return None
    if user.role != Role.OFFICER:
        return None
    if not hasattr(user, _CACHE):
        setattr(user, _CACHE, set(user.service_areas.values_list("pk", flat=True)))
    return getattr(user, _CACHE) or None


def row_is_editable(user: User | None, authority: Authority, row, *, by_team: bool) -> bool:
    """May this user change this row? (Whether they may edit the council at all is checked
    separately, by ``may_edit`` and the services.)"""
    areas = limited_areas(user)
    if areas is None:
        return True
    if not by_team or row.new:
        return False
    return row.service_area_id in areas
