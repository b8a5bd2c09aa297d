"""The demo sign-ins: one account per role, password ``demo``, holding that role in every
demo council; the administrator administers the whole product (the superuser)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.hashers import check_password, make_password

from committees.models import Committee, CommitteeMembership, Councillor
from committees.models.councillors import councillor_slug
from scrutiny.models import Authority, User, UserRole

DEMO_PASSWORD = "demo"
ACCOUNTS = (
    ("officer", UserRole.OFFICER, "Demo", "Officer"),
    ("approver", UserRole.APPROVER, "Demo", "Approver"),
    ("clerk", UserRole.CLERK, "Demo", "Clerk"),
    ("member", UserRole.MEMBER, "Demo", "Member"),
    ("admin", None, "Demo", "Administrator"),
)


def load_accounts(*, authorities: Iterable[Authority]) -> list[User]:
    password = _demo_password_hash()
    users = []
    for username, role, first_name, last_name in ACCOUNTS:
        is_admin = role is None
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@demo.example.org",  # the reminder prints to the console
                "password": password,
                "is_active": True,
                "is_staff": is_admin,
                "is_superuser": is_admin,
            },
        )
        user.authorities.set(authorities, through_defaults={"role": role or UserRole.COUNCIL_ADMIN})
        users.append(user)
    return users


# The seed papers print no committee's membership, so every seat here is illustrative and
# says so; the demo member's sign-in belongs to one of each committee's councillors.
ILLUSTRATIVE_SEATS = (
    ("Cllr Alex Example", CommitteeMembership.Role.CHAIR, None),
    ("Cllr Bea Example", CommitteeMembership.Role.VICE_CHAIR, None),
    ("Cllr Dana Example", CommitteeMembership.Role.MEMBER, "member"),
    ("Cllr Eli Example", CommitteeMembership.Role.MEMBER, None),
    ("Cllr Fran Example", CommitteeMembership.Role.SUBSTITUTE, None),
)


def load_memberships(*, member: User, committees: Iterable[Committee]) -> None:
    """Illustrative councillors sit on every committee; the demo member's sign-in is one of them."""
    for committee in committees:
        committee.memberships.filter(name__in=[n for n, *_ in ILLUSTRATIVE_SEATS]).delete()
        committee.memberships.filter(user=member).delete()
        for name, role, account in ILLUSTRATIVE_SEATS:
            councillor, _ = Councillor.objects.update_or_create(
                authority=committee.authority,
                slug=councillor_slug(name),
                defaults={
                    "name": name,
                    "party": "Illustrative party",
                    "ward": "Illustrative ward",
                    "interests": "Illustrative: none registered in the seed papers.",
                    "user": member if account == "member" else None,
                },
            )
            CommitteeMembership.objects.create(
                committee=committee,
                councillor=councillor,
                user=member if account == "member" else None,
                name=name,
                role=role,
            )


def _demo_password_hash() -> str:
    """Reuse the five accounts' shared hash when it still matches, so a reload changes nothing.

    Hashing is slow on purpose: one hash for all five keeps the load fast.
    """
    usernames = [username for username, *_ in ACCOUNTS]
    hashes = set(User.objects.filter(username__in=usernames).values_list("password", flat=True))
    if len(hashes) == 1:
        (existing,) = hashes
        if check_password(DEMO_PASSWORD, existing):
            return existing
    return make_password(DEMO_PASSWORD)
