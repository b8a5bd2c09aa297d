"""Councils, their service areas and teams."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from committees.models import Committee, Report
from scrutiny.models import Authority, ServiceArea, Team

from .base import upsert


@dataclass
class Council:
    """What later loaders of one council look up by the names its fixture uses."""

    authority: Authority
    teams: dict[str, Team] = field(default_factory=dict)
    committees: dict[str, Committee] = field(default_factory=dict)
    reports: dict[str, Report] = field(default_factory=dict)

    def team(self, name: str | None) -> Team | None:
        if not name:
            return None
        try:
            return self.teams[name]
        except KeyError:
            raise KeyError(f"{self.authority.slug}: no team called {name!r}") from None


AUTHORITY_FIELDS = Authority.DETAIL_FIELDS


def load_authority(*, data: dict[str, Any]) -> Council:
    """The council, its service areas and teams (looked up by full or short name)."""
    values = {name: data["authority"].get(name, "") for name in AUTHORITY_FIELDS}
    authority = upsert(
        Authority, keys={"slug": data["authority"]["slug"]}, values={**values, "is_active": True}
    )
    council = Council(authority=authority)
    for area_data in data.get("service_areas", []):
        area = upsert(
            ServiceArea, keys={"authority": authority, "name": area_data["name"]}, values={}
        )
        for team_data in area_data.get("teams", []):
            _load_team(council=council, data=team_data, area=area)
    for team_data in data.get("teams", []):
        _load_team(council=council, data=team_data, area=None)
    return council


def _load_team(*, council: Council, data: dict[str, Any], area: ServiceArea | None) -> None:
    team = upsert(
        Team,
        keys={"authority": council.authority, "name": data["name"]},
        values={"short_name": data.get("short_name", ""), "service_area": area, "is_active": True},
    )
    council.teams[team.name] = team
    for alias in [data.get("short_name"), *data.get("aliases", [])]:
        if alias:
            council.teams.setdefault(alias, team)
