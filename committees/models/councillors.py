"""Councillors: the people who sit on committees, distinct from anyone's sign-in."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from scrutiny.models.authorities import Authority


def councillor_slug(name: str) -> str:
    """The address part for a councillor: their printed name without the title."""
    for title in ("cllr ", "councillor "):
        if name.lower().startswith(title):
            name = name[len(title) :]
    return slugify(name)[:80] or "councillor"


class Councillor(models.Model):
    """An elected councillor (or co-opted member) of a council, with or without an account.

    Seats on committees are :class:`CommitteeMembership` rows pointing here, so a person's
    chair and vice-chair terms on every committee are read from one place.
    """

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="councillors")
    name = models.CharField(max_length=120, help_text="As printed, e.g. 'Cllr Prue Bray'.")
    slug = models.SlugField(max_length=80)
    party = models.CharField(max_length=120, blank=True)
    ward = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    interests = models.TextField(
        blank=True, help_text="The register of interests, as the monitoring officer holds it."
    )
    # A key, not one-to-one: a sign-in may serve a person who sits for more than one council
    # (the demo member does), each council keeping its own record of them.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="councillors",
        help_text="Their sign-in, if they have one.",
    )

    class Meta:
        ordering = ["authority", "name"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "slug"], name="councillor_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "committees:councillor_detail",
            kwargs={"authority": self.authority.slug, "slug": self.slug},
        )
