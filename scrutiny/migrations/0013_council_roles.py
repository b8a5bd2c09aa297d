"""Roles per council: a person's role was one for every council they were attached to; it is
now a ``CouncilRole`` per council. Every attachment becomes a role there, the global role
copied; the old global "admin" role becomes the superuser flag it always implied."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

ROLES = [
    ("officer", "Officer"),
    ("approver", "Approver"),
    ("clerk", "Clerk"),
    ("member", "Committee member"),
    ("council_admin", "Council administrator"),
]


def roles_per_council(apps, schema_editor):
    User = apps.get_model("scrutiny", "User")
    CouncilRole = apps.get_model("scrutiny", "CouncilRole")
    rows = []
    for user in User.objects.prefetch_related("old_authorities"):
        role = "council_admin" if user.role == "admin" else user.role
        if user.role == "admin" and not user.is_superuser:
            user.is_superuser = True
            user.save(update_fields=["is_superuser"])
        rows += [CouncilRole(user=user, authority=a, role=role) for a in user.old_authorities.all()]
    CouncilRole.objects.bulk_create(rows)


def one_role_everywhere(apps, schema_editor):
    """Back: a person's role becomes the first they hold (approver before officer...)."""
    User = apps.get_model("scrutiny", "User")
    CouncilRole = apps.get_model("scrutiny", "CouncilRole")
    order = [value for value, _ in ROLES]
    for user in User.objects.all():
        held = list(CouncilRole.objects.filter(user=user).select_related("authority"))
        if not held:
            continue
        roles = sorted({r.role for r in held}, key=order.index)
        user.role = "admin" if user.is_superuser else roles[0].replace("council_admin", "admin")
        user.save(update_fields=["role"])
        user.old_authorities.set({r.authority for r in held})


class Migration(migrations.Migration):
    dependencies = [
        ("scrutiny", "0012_committee_business_move_to_committees"),
    ]

    operations = [
        migrations.CreateModel(
            name="CouncilRole",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("role", models.CharField(choices=ROLES, max_length=16)),
                (
                    "authority",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="council_roles",
                        to="scrutiny.authority",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="council_roles",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"ordering": ["authority__name", "role"]},
        ),
        migrations.AddConstraint(
            model_name="councilrole",
            constraint=models.UniqueConstraint(
                fields=("user", "authority", "role"), name="one_of_each_role_per_council"
            ),
        ),
        migrations.AddConstraint(
            model_name="councilrole",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("role__in", ["officer", "approver", "clerk", "member", "council_admin"])
                ),
                name="council_role_is_known",
            ),
        ),
        # The old attachment is renamed while both exist, so the copy can read it and the
        # reverse can write it; the rename does not touch the table's rows.
        migrations.RenameField("user", "authorities", "old_authorities"),
        migrations.RunPython(roles_per_council, one_role_everywhere),
        migrations.RemoveField(model_name="user", name="old_authorities"),
        migrations.RemoveField(model_name="user", name="role"),
        migrations.AddField(
            model_name="user",
            name="authorities",
            field=models.ManyToManyField(
                blank=True,
                help_text="Councils in which this person holds a role.",
                related_name="users",
                through="scrutiny.CouncilRole",
                to="scrutiny.authority",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="service_areas",
            field=models.ManyToManyField(
                blank=True,
                help_text=(
                    "Officers only: limit editing of a council's returns to these of its "
                    "service areas. None of a council's areas means all of that council's."
                ),
                related_name="officers",
                to="scrutiny.servicearea",
            ),
        ),
    ]
