"""Quarterly returns move from ``scrutiny`` to this app with their tables kept.

The tables (``scrutiny_quarterlyreturn``, ``scrutiny_returnsection`` and its history,
``scrutiny_returnevent``) stay as they are: the models are created here in Django's state
only, and ``scrutiny.0010`` then forgets them there. Their content types follow them, so
admin log entries and permissions keep pointing at them.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED = ["quarterlyreturn", "returnsection", "historicalreturnsection", "returnevent"]


def _relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(
        ContentType.objects.filter(app_label=new, model__in=MOVED).values_list("model", flat=True)
    )
    ContentType.objects.filter(app_label=old, model__in=set(MOVED) - taken).update(app_label=new)


def move_content_types(apps, schema_editor):
    _relabel(apps, "scrutiny", "returns")


def move_content_types_back(apps, schema_editor):
    _relabel(apps, "returns", "scrutiny")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("scrutiny", "0009_render_jobs_and_cover_letters_move_to_packs"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="QuarterlyReturn",
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
                            "status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("submitted", "Submitted"),
                                    ("approved", "Approved"),
                                    ("locked", "Locked"),
                                ],
                                default="draft",
                                max_length=10,
                            ),
                        ),
                        ("submitted_at", models.DateTimeField(blank=True, null=True)),
                        ("approved_at", models.DateTimeField(blank=True, null=True)),
                        ("locked_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "approved_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="returns",
                                to="scrutiny.authority",
                            ),
                        ),
                        (
                            "period",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="scrutiny.period",
                            ),
                        ),
                        (
                            "submitted_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_quarterlyreturn",
                        "ordering": ["authority", "-period__start"],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalReturnSection",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "key",
                            models.CharField(
                                choices=[
                                    ("workforce", "Workforce by role"),
                                    ("starters-leavers", "Starters and leavers"),
                                    ("caseloads", "Caseloads by team"),
                                    ("training", "Training completions"),
                                    ("practice", "Practice score card"),
                                    ("indicators", "Indicators"),
                                    ("complaints", "Complaints by team and stage"),
                                    ("complaint-themes", "Complaint themes"),
                                    ("compliments", "Compliments by team"),
                                    ("audits", "Audits"),
                                    ("programmes", "Programme progress"),
                                    ("metrics", "Programme progress metrics"),
                                    ("milestones", "Milestones"),
                                    ("recommendations", "Recommendation status updates"),
                                    ("contacts", "Contact volumes"),
                                ],
                                max_length=16,
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("not-started", "Not started"),
                                    ("in-progress", "In progress"),
                                    ("completed", "Completed"),
                                    ("cannot-start", "Cannot start yet"),
                                ],
                                default="not-started",
                                max_length=12,
                            ),
                        ),
                        ("commentary", models.TextField(blank=True)),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "quarterly_return",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="returns.quarterlyreturn",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical return section",
                        "verbose_name_plural": "historical return sections",
                        "db_table": "scrutiny_historicalreturnsection",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="ReturnEvent",
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
                            "action",
                            models.CharField(
                                choices=[
                                    ("created", "Started"),
                                    ("section-saved", "Section saved"),
                                    ("submitted", "Submitted"),
                                    ("approved", "Approved"),
                                    ("locked", "Locked"),
                                    ("reopened", "Reopened for correction"),
                                ],
                                max_length=14,
                            ),
                        ),
                        (
                            "section",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("workforce", "Workforce by role"),
                                    ("starters-leavers", "Starters and leavers"),
                                    ("caseloads", "Caseloads by team"),
                                    ("training", "Training completions"),
                                    ("practice", "Practice score card"),
                                    ("indicators", "Indicators"),
                                    ("complaints", "Complaints by team and stage"),
                                    ("complaint-themes", "Complaint themes"),
                                    ("compliments", "Compliments by team"),
                                    ("audits", "Audits"),
                                    ("programmes", "Programme progress"),
                                    ("metrics", "Programme progress metrics"),
                                    ("milestones", "Milestones"),
                                    ("recommendations", "Recommendation status updates"),
                                    ("contacts", "Contact volumes"),
                                ],
                                max_length=16,
                            ),
                        ),
                        ("at", models.DateTimeField(auto_now_add=True)),
                        ("reason", models.TextField(blank=True)),
                        (
                            "actor",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "quarterly_return",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="events",
                                to="returns.quarterlyreturn",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_returnevent",
                        "ordering": ["quarterly_return", "at", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="ReturnSection",
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
                            "key",
                            models.CharField(
                                choices=[
                                    ("workforce", "Workforce by role"),
                                    ("starters-leavers", "Starters and leavers"),
                                    ("caseloads", "Caseloads by team"),
                                    ("training", "Training completions"),
                                    ("practice", "Practice score card"),
                                    ("indicators", "Indicators"),
                                    ("complaints", "Complaints by team and stage"),
                                    ("complaint-themes", "Complaint themes"),
                                    ("compliments", "Compliments by team"),
                                    ("audits", "Audits"),
                                    ("programmes", "Programme progress"),
                                    ("metrics", "Programme progress metrics"),
                                    ("milestones", "Milestones"),
                                    ("recommendations", "Recommendation status updates"),
                                    ("contacts", "Contact volumes"),
                                ],
                                max_length=16,
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("not-started", "Not started"),
                                    ("in-progress", "In progress"),
                                    ("completed", "Completed"),
                                    ("cannot-start", "Cannot start yet"),
                                ],
                                default="not-started",
                                max_length=12,
                            ),
                        ),
                        (
                            "version",
                            models.PositiveIntegerField(
                                default=0,
                                help_text="Bumped by every save; a save against an older version is refused.",
                            ),
                        ),
                        ("commentary", models.TextField(blank=True)),
                        ("updated_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "quarterly_return",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="sections",
                                to="returns.quarterlyreturn",
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
                        "db_table": "scrutiny_returnsection",
                        "ordering": ["quarterly_return", "key"],
                    },
                ),
                migrations.AddConstraint(
                    model_name="quarterlyreturn",
                    constraint=models.UniqueConstraint(
                        fields=("authority", "period"), name="return_once_a_period"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="quarterlyreturn",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("approved_by__isnull", True),
                            ("submitted_by__isnull", True),
                            models.Q(("approved_by", models.F("submitted_by")), _negated=True),
                            _connector="OR",
                        ),
                        name="return_approver_is_not_submitter",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="quarterlyreturn",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("status", "draft"),
                            models.Q(
                                ("submitted_at__isnull", False), ("submitted_by__isnull", False)
                            ),
                            _connector="OR",
                        ),
                        name="return_past_draft_was_submitted",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="quarterlyreturn",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("status__in", ["draft", "submitted"]),
                            models.Q(
                                ("approved_at__isnull", False), ("approved_by__isnull", False)
                            ),
                            _connector="OR",
                        ),
                        name="return_approved_has_approver",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="returnevent",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("action", "reopened"), _negated=True),
                            models.Q(("reason", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="reopening_has_a_reason",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="returnsection",
                    constraint=models.UniqueConstraint(
                        fields=("quarterly_return", "key"), name="section_once"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="returnsection",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            (
                                "key__in",
                                [
                                    "workforce",
                                    "starters-leavers",
                                    "caseloads",
                                    "training",
                                    "practice",
                                    "indicators",
                                    "complaints",
                                    "complaint-themes",
                                    "compliments",
                                    "audits",
                                    "programmes",
                                    "metrics",
                                    "milestones",
                                    "recommendations",
                                    "contacts",
                                ],
                            )
                        ),
                        name="section_key_valid",
                    ),
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
