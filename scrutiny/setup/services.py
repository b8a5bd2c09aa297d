"""What the set-up pages change, each in one transaction: a half-done step saves nothing."""

from __future__ import annotations

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify

from scrutiny.models import Authority, CouncilRole, NeighbourSet, User, UserRole


@transaction.atomic
def choose_exactly(model, *, authority: Authority, field: str, ids: set[int]) -> None:
    """The council's choices in ``model`` (rows of ``authority`` and ``field``, like the
    indicators or staff groups it reports) become exactly ``ids``; nothing else is touched."""
    chosen = model.objects.filter(authority=authority)
    chosen.exclude(**{f"{field}_id__in": ids}).delete()
    model.objects.bulk_create(
        [model(authority=authority, **{f"{field}_id": pk}) for pk in ids],
        ignore_conflicts=True,
    )


def set_password_link(user: User, *, base_url: str) -> str:
    """A one-time link to set a password (Django's password-reset token: it stops working
    once the password is set)."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return base_url.rstrip("/") + path


def invite(
    *,
    authority: Authority,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    invited_by: User,
    base_url: str,
    job_title: str = "",
    service_areas=(),
) -> User:
    """Give the person a role in the council, creating their account if they have none, and
    email them: a new person gets a link to set their password, someone already known a note
    of their new role."""
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        is_new = user is None
        if is_new:
            user = User(
                username=_free_username(email),
                email=email,
                first_name=first_name,
                last_name=last_name,
                job_title=job_title,
            )
            user.set_unusable_password()
            user.save()
        CouncilRole.objects.create(user=user, authority=authority, role=role)
        if service_areas:
            user.service_areas.add(*service_areas)
        context = {
            "user": user,
            "authority": authority,
            "role": UserRole(role).label.lower(),
            "invited_by": invited_by,
            "link": set_password_link(user, base_url=base_url) if is_new else base_url,
            "is_new": is_new,
        }
        message = render_to_string("setup/invitation_email.txt", context)
        # Sent once the role is saved (and the council, when this runs inside start_council):
        # a link never points at something a failed commit took back.
        transaction.on_commit(
            lambda: send_mail(
                subject=f"You have been invited to {authority.short_name}'s scrutiny service",
                message=message,
                from_email=None,
                recipient_list=[user.email],
            )
        )
    return user


def _free_username(email: str) -> str:
    base = email.lower()[:140]
    name, n = base, 1
    while User.objects.filter(username=name).exists():
        n += 1
        name = f"{base}-{n}"
    return name


class CannotRemove(Exception):
    pass


def remove_role(*, council_role: CouncilRole) -> None:
    """Take a role away; the council keeps at least one administrator."""
    if council_role.role == UserRole.COUNCIL_ADMIN:
        others = CouncilRole.objects.filter(
            authority=council_role.authority, role=UserRole.COUNCIL_ADMIN
        ).exclude(pk=council_role.pk)
        if not others.exists():
            raise CannotRemove(
                f"{council_role.user} is the council's only administrator: invite another first"
            )
    council_role.delete()


@transaction.atomic
def save_neighbours(
    *, authority: Authority, start_year: int, source: str, neighbours: list[Authority]
) -> NeighbourSet:
    """The council's statistical neighbours from a year, closest first (a later list leaves
    earlier years' lists as they were, so earlier figures keep their comparators)."""
    neighbour_set, _ = NeighbourSet.objects.update_or_create(
        authority=authority, start_year=start_year, defaults={"source": source}
    )
    neighbour_set.members.all().delete()
    neighbour_set.members.bulk_create(
        [
            neighbour_set.members.model(neighbour_set=neighbour_set, neighbour=n, rank=rank)
            for rank, n in enumerate(neighbours, start=1)
        ]
    )
    return neighbour_set


def start_council(*, cleaned: dict, started_by: User, base_url: str) -> Authority:
    """A council starts using the product: a comparator already known by its LA code is
    taken up, otherwise the council is added; its administrator is invited."""
    with transaction.atomic():
        code = cleaned.get("la_code", "")
        authority = Authority.objects.filter(la_code=code).first() if code else None
        if authority is None:
            authority = Authority(slug=_free_slug(cleaned["short_name"]))
        authority.name = cleaned["name"]
        authority.short_name = cleaned["short_name"]
        authority.la_code = code
        authority.region = cleaned["region"]
        authority.is_active = True
        authority.save()
        invite(
            authority=authority,
            first_name=cleaned["admin_first_name"],
            last_name=cleaned["admin_last_name"],
            email=cleaned["admin_email"],
            role=UserRole.COUNCIL_ADMIN,
            invited_by=started_by,
            base_url=base_url,
        )
    return authority


RESERVED_SLUGS = {"admin", "accounts", "media", "static", "healthz", "councils", "dashboard"}


def _free_slug(short_name: str) -> str:
    base = slugify(short_name)[:50] or "council"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or Authority.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
