"""The shared framework's models: councils and their teams, periods, and people."""

from .authorities import Authority, NeighbourSet, NeighbourSetMember, Region, ServiceArea, Team
from .periods import Period, financial_year_of
from .users import CouncilRole, User, UserRole

__all__ = [
    "Authority",
    "CouncilRole",
    "NeighbourSet",
    "NeighbourSetMember",
    "Period",
    "Region",
    "ServiceArea",
    "Team",
    "User",
    "UserRole",
    "financial_year_of",
]
