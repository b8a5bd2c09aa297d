"""A signed-in person's own work, across the councils they work for: "Your work" on their
dashboard and the daily reminder email read the same list.

The framework knows nothing of returns or committees: each app registers a provider with
``register_provider``; a provider is given the person, their councils (by id, read once) and
today's date, and gives back ``WorkItem``s in a fixed number of queries, however many
councils, returns or reports there are. The list is then grouped by council and by the role
the work falls to (roles are per council: ``scrutiny.permissions``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils import timezone

from scrutiny.models import Authority, UserRole
from scrutiny.permissions import council_roles, is_admin


@dataclass(frozen=True)
class WorkItem:
    authority_id: int
    role: str  # the UserRole this falls to in that council
    text: str  # what is to be done, as a link's text
    url: str
    due: dt.date | None = None
    overdue: bool = False
    note: str = ""  # a short line under the link (status, who submitted...)


def submitted_note(person, at: dt.datetime | None) -> str:
    """ "Submitted by <name> on <date>", the note under anything awaiting approval."""
    who = (person.get_full_name() or person.username) if person else "someone"
    return f"Submitted by {who}" + (f" on {timezone.localtime(at):%-d %B %Y}" if at else "")


Provider = Callable[[object, dict[int, Authority], dt.date], Iterable[WorkItem]]

_PROVIDERS: dict[str, tuple[int, Provider]] = {}


def register_provider(key: str, provider: Provider, *, rank: int = 100) -> None:
    """Add an app's source of work; ``rank`` orders the kinds of work within a role."""
    known = _PROVIDERS.get(key)
    if known is not None and known[1] is not provider:
        raise ValueError(f"Two work-list providers are called {key!r}")
    _PROVIDERS[key] = (rank, provider)


@dataclass
class RoleWork:
    role: str
    label: str
    items: list[WorkItem] = field(default_factory=list)


@dataclass
class CouncilWork:
    authority: Authority
    roles: list[RoleWork] = field(default_factory=list)

    @property
    def items(self) -> list[WorkItem]:
        return [item for role in self.roles for item in role.items]


def work_councils(user) -> dict[int, Authority]:
    """The councils whose work the person is given: those they hold a role in (a product
    administrator, who holds every role everywhere, is given no council's to-do list)."""
    if is_admin(user):
        return {}
    ids = list(council_roles(user))
    if not ids:
        return {}
    return {a.pk: a for a in Authority.objects.filter(pk__in=ids, is_active=True)}


def work_for(user, today: dt.date | None = None) -> list[CouncilWork]:
    """The person's work by council (by name), then by role (in ``UserRole``'s order)."""
    today = today or timezone.localdate()
    councils = work_councils(user)
    if not councils:
        return []
    items: list[WorkItem] = []
    for _rank, provider in sorted(_PROVIDERS.values(), key=lambda p: p[0]):
        items.extend(provider(user, councils, today))
    labels = dict(UserRole.choices)
    grouped: list[CouncilWork] = []
    for authority in sorted(councils.values(), key=lambda a: a.name):
        theirs = [i for i in items if i.authority_id == authority.pk]
        roles = sorted({i.role for i in theirs}, key=list(UserRole.values).index)
        work = CouncilWork(authority)
        for role in roles:
            work.roles.append(
                RoleWork(role, labels.get(role, role), [i for i in theirs if i.role == role])
            )
        if work.roles:
            grouped.append(work)
    return grouped
