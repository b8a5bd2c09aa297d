"""People who sign in, and the role each plays."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class UserRole(models.TextChoices):
    OFFICER = "officer", "Officer"
    APPROVER = "approver", "Approver"
    CLERK = "clerk", "Clerk"
    MEMBER = "member", "Committee member"
    ADMIN = "admin", "Administrator"


class User(AbstractUser):
    """A person who signs in: an officer, approver, clerk, councillor or administrator."""

    role = models.CharField(max_length=10, choices=UserRole.choices, default=UserRole.OFFICER)
    authorities = models.ManyToManyField(
        "scrutiny.Authority",
        blank=True,
        related_name="users",
        help_text="Councils whose unpublished material this person may see.",
    )
    service_areas = models.ManyToManyField(
        "scrutiny.ServiceArea",
        blank=True,
        related_name="officers",
        help_text="Officers only: limit editing to these service areas. Empty means all.",
    )
    job_title = models.CharField(max_length=120, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_admin(self) -> bool:
        return self.is_superuser or self.role == UserRole.ADMIN
