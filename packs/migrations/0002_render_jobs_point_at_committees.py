"""A render job's meeting and report are now the ``committees`` app's: the same tables, so
the foreign keys change in Django's state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0001_committee_business_from_scrutiny"),
        ("packs", "0001_render_jobs_and_cover_letters_from_scrutiny"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="renderjob",
                    name="meeting",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="render_jobs",
                        to="committees.meeting",
                    ),
                ),
                migrations.AlterField(
                    model_name="renderjob",
                    name="report",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="render_jobs",
                        to="committees.report",
                    ),
                ),
            ],
        ),
    ]
