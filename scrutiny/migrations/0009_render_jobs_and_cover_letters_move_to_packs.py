"""Render jobs and cover letters now belong to the ``packs`` app, which took them over
with their tables (``packs.0001``): they are forgotten here in Django's state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("scrutiny", "0008_render_jobs_and_cover_letters"),
        ("packs", "0001_render_jobs_and_cover_letters_from_scrutiny"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name="renderjob",
                    name="authority",
                ),
                migrations.RemoveField(
                    model_name="renderjob",
                    name="meeting",
                ),
                migrations.RemoveField(
                    model_name="renderjob",
                    name="report",
                ),
                migrations.RemoveField(
                    model_name="renderjob",
                    name="requested_by",
                ),
                migrations.DeleteModel(
                    name="CoverLetter",
                ),
                migrations.DeleteModel(
                    name="RenderJob",
                ),
            ],
        ),
    ]
