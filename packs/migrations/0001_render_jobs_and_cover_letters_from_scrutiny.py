"""Render jobs and cover letters move from ``scrutiny`` to this app with their tables kept.

The tables (``scrutiny_renderjob``, ``scrutiny_coverletter``) stay as they are: the models
are created here in Django's state only, and ``scrutiny.0009`` then forgets them there. Their
content types follow them, so admin log entries and permissions keep pointing at them.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ["renderjob", "coverletter"]


def _relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(
        ContentType.objects.filter(app_label=new, model__in=MOVED).values_list("model", flat=True)
    )
    ContentType.objects.filter(app_label=old, model__in=set(MOVED) - taken).update(app_label=new)


def move_content_types(apps, schema_editor):
    _relabel(apps, "scrutiny", "packs")


def move_content_types_back(apps, schema_editor):
    _relabel(apps, "packs", "scrutiny")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("scrutiny", "0008_render_jobs_and_cover_letters"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="CoverLetter",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "addressee",
                            models.CharField(default="All Committee Members", max_length=120),
                        ),
                        (
                            "pack_text",
                            models.TextField(
                                default="You are invited to attend the meeting of the {committee} on {date} at {time} in {venue}. The agenda and reports for the meeting are enclosed.",
                                verbose_name="Letter for the agenda pack",
                            ),
                        ),
                        (
                            "supplementary_text",
                            models.TextField(
                                default="I am now able to enclose, for consideration at the {date} meeting of the {committee}, the following reports that were not available when the agenda was published.",
                                verbose_name="Letter for a supplementary pack",
                            ),
                        ),
                        ("sign_off", models.CharField(default="Yours sincerely", max_length=60)),
                        (
                            "signatory",
                            models.CharField(
                                blank=True,
                                help_text="Leave empty to use the council's chief executive.",
                                max_length=120,
                            ),
                        ),
                        (
                            "signatory_title",
                            models.CharField(default="Chief Executive", max_length=120),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "authority",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="cover_letter",
                                to="scrutiny.authority",
                            ),
                        ),
                        (
                            "updated_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_coverletter",
                    },
                ),
                migrations.CreateModel(
                    name="RenderJob",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("public", "Public agenda pack"),
                                    ("confidential", "Confidential agenda pack"),
                                    ("supplementary", "Supplementary agenda pack"),
                                    ("report", "Report PDF"),
                                ],
                                max_length=14,
                            ),
                        ),
                        (
                            "state",
                            models.CharField(
                                choices=[
                                    ("queued", "Queued"),
                                    ("running", "Building"),
                                    ("done", "Ready"),
                                    ("failed", "Failed"),
                                ],
                                default="queued",
                                max_length=8,
                            ),
                        ),
                        (
                            "input_hash",
                            models.CharField(
                                help_text="SHA-256 of the document source and renderer version.",
                                max_length=64,
                            ),
                        ),
                        (
                            "pages_done",
                            models.PositiveIntegerField(
                                default=0, help_text="Pages laid out so far."
                            ),
                        ),
                        (
                            "pages_total",
                            models.PositiveIntegerField(
                                default=0,
                                help_text="Pages expected (from the last build), or the final count when done.",
                            ),
                        ),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("error", models.TextField(blank=True)),
                        (
                            "output",
                            models.CharField(
                                blank=True,
                                help_text="The PDF's path below MEDIA_ROOT.",
                                max_length=200,
                            ),
                        ),
                        ("size", models.PositiveIntegerField(default=0, help_text="Bytes.")),
                        (
                            "filename",
                            models.CharField(
                                help_text="The name the download is saved as.", max_length=200
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("started_at", models.DateTimeField(blank=True, null=True)),
                        ("finished_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "heartbeat_at",
                            models.DateTimeField(
                                blank=True,
                                help_text="Last sign of life from the worker building it.",
                                null=True,
                            ),
                        ),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="render_jobs",
                                to="scrutiny.authority",
                            ),
                        ),
                        (
                            "meeting",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="render_jobs",
                                to="scrutiny.meeting",
                            ),
                        ),
                        (
                            "report",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="render_jobs",
                                to="scrutiny.report",
                            ),
                        ),
                        (
                            "requested_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_renderjob",
                        "ordering": ["-created_at", "-pk"],
                        "indexes": [
                            models.Index(
                                fields=["kind", "meeting", "report", "-created_at"],
                                name="render_job_target",
                            )
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(
                                        ("kind", "report"),
                                        ("report__isnull", False),
                                        ("meeting__isnull", True),
                                    ),
                                    models.Q(
                                        models.Q(("kind", "report"), _negated=True),
                                        ("meeting__isnull", False),
                                        ("report__isnull", True),
                                    ),
                                    _connector="OR",
                                ),
                                name="render_job_has_its_target",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("state", "done"), _negated=True),
                                    models.Q(("output", ""), _negated=True),
                                    _connector="OR",
                                ),
                                name="render_job_done_has_file",
                            ),
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
