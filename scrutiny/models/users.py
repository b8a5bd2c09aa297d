"""People who sign in, and the role each plays in each council."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class UserRole(models.TextChoices):
    """What a person does in one council. A person may hold different roles in different
    councils, or more than one in the same council."""

    OFFICER = "officer", "Officer"
    APPROVER = "approver", "Approver"
    CLERK = "clerk", "Clerk"
    MEMBER = "member", "Committee member"
    COUNCIL_ADMIN = "council_admin", "Council administrator"


class User(AbstractUser):
    """A person who signs in. What they may do in a council is their ``CouncilRole`` there;
    a superuser administers the whole product."""

    authorities = models.ManyToManyField(
        "scrutiny.Authority",
        through="scrutiny.CouncilRole",
        blank=True,
        related_name="users",
        help_text="Councils in which this person holds a role.",
    )
    service_areas = models.ManyToManyField(
        "scrutiny.ServiceArea",
        blank=True,
        related_name="officers",
        help_text=(
            "Officers only: limit editing of a council's returns to these of its service "
            "areas. None of a council's areas means all of that council's."
        ),
    )
    job_title = models.CharField(max_length=120, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_admin(self) -> bool:
        """Administers the whole product (every council), as the Django superuser."""
        return self.is_superuser


class CouncilRole(models.Model):
    """A person's role in one council: officer, approver, clerk, member or council
    administrator. ``scrutiny.permissions`` reads these and nothing else to decide."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="council_roles")
    authority = models.ForeignKey(
        "scrutiny.Authority", on_delete=models.CASCADE, related_name="council_roles"
    )
    role = models.CharField(max_length=16, choices=UserRole.choices)

    class Meta:
        ordering = ["authority__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "authority", "role"], name="one_of_each_role_per_council"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=UserRole.values), name="council_role_is_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}, {self.authority}"
