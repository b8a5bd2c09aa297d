"""Finding the councillor a seat belongs to."""

from __future__ import annotations

from committees.models import CommitteeMembership, Councillor
from committees.models.councillors import councillor_slug


def councillor_for_seat(membership: CommitteeMembership) -> Councillor:
    """The seat's councillor: the council's councillor of that printed name, made if new.

    A sign-in on the seat is linked to the councillor when it has none yet."""
    authority_id = membership.committee.authority_id
    councillor, _ = Councillor.objects.get_or_create(
        authority_id=authority_id,
        slug=councillor_slug(membership.name),
        defaults={"name": membership.name},
    )
    if membership.user_id and not councillor.user_id:
        councillor.user_id = membership.user_id
        councillor.save(update_fields=["user"])
    return councillor
