"""Quality assurance's records move from ``scrutiny`` to this app with their tables kept.

The tables (``scrutiny_audit``, ``scrutiny_complaintcount`` ... and their history tables)
stay as they are: the models are created here in Django's state only, and ``scrutiny.0011``
then forgets them there. Their content types follow them, so admin log entries and
permissions keep pointing at them.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED = [
    "audit",
    "auditaction",
    "auditfinding",
    "complaintcount",
    "complainttheme",
    "compliment",
    "contactpurpose",
    "contactvolume",
    "dataqualityissue",
    "inspection",
    "inspectionjudgement",
    "historicalaudit",
    "historicalauditaction",
    "historicalauditfinding",
    "historicalcomplaintcount",
    "historicalcomplainttheme",
    "historicalcompliment",
    "historicalcontactvolume",
]


def _relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(
        ContentType.objects.filter(app_label=new, model__in=MOVED).values_list("model", flat=True)
    )
    ContentType.objects.filter(app_label=old, model__in=set(MOVED) - taken).update(app_label=new)


def move_content_types(apps, schema_editor):
    _relabel(apps, "scrutiny", "assurance")


def move_content_types_back(apps, schema_editor):
    _relabel(apps, "assurance", "scrutiny")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("scrutiny", "0010_quarterly_returns_move_to_returns"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Audit",
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
                        ("title", models.CharField(max_length=300)),
                        ("scope", models.TextField(blank=True)),
                        ("conducted_by", models.CharField(blank=True, max_length=200)),
                        ("is_external", models.BooleanField(default=False)),
                        ("completed_on", models.DateField(blank=True, null=True)),
                        ("cases_audited", models.PositiveIntegerField(blank=True, null=True)),
                        ("summary", models.TextField(blank=True)),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="audits",
                                to="scrutiny.authority",
                            ),
                        ),
                        (
                            "period",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="scrutiny.period",
                            ),
                        ),
                        (
                            "team",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="audits",
                                to="scrutiny.team",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_audit",
                        "ordering": ["authority", "-completed_on", "title"],
                    },
                ),
                migrations.CreateModel(
                    name="AuditAction",
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
                        ("order", models.PositiveSmallIntegerField(default=1)),
                        ("text", models.TextField()),
                        ("owner", models.CharField(blank=True, max_length=120)),
                        ("due_date", models.DateField(blank=True, null=True)),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("in-progress", "In progress"),
                                    ("done", "Done"),
                                ],
                                default="planned",
                                max_length=12,
                            ),
                        ),
                        (
                            "audit",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="actions",
                                to="assurance.audit",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_auditaction",
                        "ordering": ["audit", "order"],
                    },
                ),
                migrations.CreateModel(
                    name="AuditFinding",
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
                        ("order", models.PositiveSmallIntegerField(default=1)),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("strength", "Strength"),
                                    ("improvement", "Area for improvement"),
                                ],
                                max_length=12,
                            ),
                        ),
                        ("text", models.TextField()),
                        (
                            "audit",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="findings",
                                to="assurance.audit",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_auditfinding",
                        "ordering": ["audit", "order"],
                    },
                ),
                migrations.CreateModel(
                    name="ComplaintTheme",
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
                        ("order", models.PositiveSmallIntegerField(default=1)),
                        ("theme", models.CharField(max_length=200)),
                        ("context", models.TextField(blank=True)),
                        ("action", models.TextField(blank=True)),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="complaint_themes",
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
                    ],
                    options={
                        "db_table": "scrutiny_complainttheme",
                        "ordering": ["authority", "period__start", "order"],
                    },
                ),
                migrations.CreateModel(
                    name="Compliment",
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
                        ("order", models.PositiveSmallIntegerField(default=1)),
                        ("count", models.PositiveIntegerField()),
                        (
                            "received_from",
                            models.CharField(blank=True, max_length=200, verbose_name="From"),
                        ),
                        ("about", models.TextField(blank=True)),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="compliments",
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
                            "team",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="compliments",
                                to="scrutiny.team",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_compliment",
                        "ordering": ["authority", "period__start", "team__name", "order"],
                    },
                ),
                migrations.CreateModel(
                    name="DataQualityIssue",
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
                            "area",
                            models.CharField(
                                help_text="e.g. 'Workforce', 'Complaints'.", max_length=60
                            ),
                        ),
                        ("subject", models.CharField(max_length=200)),
                        ("description", models.TextField()),
                        ("source", models.CharField(blank=True, max_length=300)),
                        (
                            "status",
                            models.CharField(
                                choices=[("open", "Open"), ("resolved", "Resolved")],
                                default="open",
                                max_length=10,
                            ),
                        ),
                        ("resolution", models.TextField(blank=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="data_quality_issues",
                                to="scrutiny.authority",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_dataqualityissue",
                        "ordering": ["authority", "status", "area", "subject"],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalAudit",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("title", models.CharField(max_length=300)),
                        ("scope", models.TextField(blank=True)),
                        ("conducted_by", models.CharField(blank=True, max_length=200)),
                        ("is_external", models.BooleanField(default=False)),
                        ("completed_on", models.DateField(blank=True, null=True)),
                        ("cases_audited", models.PositiveIntegerField(blank=True, null=True)),
                        ("summary", models.TextField(blank=True)),
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
                            "authority",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.authority",
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
                            "period",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.period",
                            ),
                        ),
                        (
                            "team",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.team",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical audit",
                        "verbose_name_plural": "historical audits",
                        "db_table": "scrutiny_historicalaudit",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalAuditAction",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=1)),
                        ("text", models.TextField()),
                        ("owner", models.CharField(blank=True, max_length=120)),
                        ("due_date", models.DateField(blank=True, null=True)),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("in-progress", "In progress"),
                                    ("done", "Done"),
                                ],
                                default="planned",
                                max_length=12,
                            ),
                        ),
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
                            "audit",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="assurance.audit",
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
                    ],
                    options={
                        "verbose_name": "historical audit action",
                        "verbose_name_plural": "historical audit actions",
                        "db_table": "scrutiny_historicalauditaction",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalAuditFinding",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=1)),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("strength", "Strength"),
                                    ("improvement", "Area for improvement"),
                                ],
                                max_length=12,
                            ),
                        ),
                        ("text", models.TextField()),
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
                            "audit",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="assurance.audit",
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
                    ],
                    options={
                        "verbose_name": "historical audit finding",
                        "verbose_name_plural": "historical audit findings",
                        "db_table": "scrutiny_historicalauditfinding",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalComplaintCount",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "stage",
                            models.CharField(
                                choices=[
                                    ("early", "Early resolution"),
                                    ("stage-1", "Stage 1"),
                                    ("stage-2", "Stage 2"),
                                    ("stage-3", "Stage 3 panel"),
                                    ("lgo", "LGO"),
                                    ("out-of-scope", "Out of scope"),
                                    ("all", "All stages (not broken down)"),
                                ],
                                max_length=12,
                            ),
                        ),
                        ("count", models.PositiveIntegerField()),
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
                            "authority",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.authority",
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
                            "period",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.period",
                            ),
                        ),
                        (
                            "team",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.team",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical complaint count",
                        "verbose_name_plural": "historical complaint counts",
                        "db_table": "scrutiny_historicalcomplaintcount",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalComplaintTheme",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=1)),
                        ("theme", models.CharField(max_length=200)),
                        ("context", models.TextField(blank=True)),
                        ("action", models.TextField(blank=True)),
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
                            "authority",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.authority",
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
                            "period",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.period",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical complaint theme",
                        "verbose_name_plural": "historical complaint themes",
                        "db_table": "scrutiny_historicalcomplainttheme",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalCompliment",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=1)),
                        ("count", models.PositiveIntegerField()),
                        (
                            "received_from",
                            models.CharField(blank=True, max_length=200, verbose_name="From"),
                        ),
                        ("about", models.TextField(blank=True)),
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
                            "authority",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.authority",
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
                            "period",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.period",
                            ),
                        ),
                        (
                            "team",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.team",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical compliment",
                        "verbose_name_plural": "historical compliments",
                        "db_table": "scrutiny_historicalcompliment",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalContactVolume",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("phone", "Telephone calls"),
                                    ("email", "Emails"),
                                    ("letter", "Letters"),
                                    ("in-person", "In person"),
                                    ("online", "Online forms"),
                                ],
                                max_length=10,
                            ),
                        ),
                        (
                            "measure",
                            models.CharField(
                                choices=[
                                    ("total", "Total in the period"),
                                    ("monthly-average", "Average a month"),
                                ],
                                default="total",
                                max_length=16,
                            ),
                        ),
                        ("count", models.PositiveIntegerField()),
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
                            "authority",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.authority",
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
                            "period",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.period",
                            ),
                        ),
                        (
                            "team",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="scrutiny.team",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical contact volume",
                        "verbose_name_plural": "historical contact volumes",
                        "db_table": "scrutiny_historicalcontactvolume",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Inspection",
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
                        ("inspectorate", models.CharField(default="Ofsted", max_length=60)),
                        (
                            "service_inspected",
                            models.CharField(max_length=300, verbose_name="Service/area inspected"),
                        ),
                        ("start_date", models.DateField()),
                        ("end_date", models.DateField(blank=True, null=True)),
                        ("report_url", models.URLField(blank=True)),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="inspections",
                                to="scrutiny.authority",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_inspection",
                        "ordering": ["authority", "-start_date"],
                    },
                ),
                migrations.CreateModel(
                    name="InspectionJudgement",
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
                        ("order", models.PositiveSmallIntegerField(default=1)),
                        ("judgement", models.CharField(max_length=300)),
                        (
                            "grade",
                            models.CharField(
                                choices=[
                                    ("outstanding", "Outstanding"),
                                    ("good", "Good"),
                                    ("adequate", "Adequate"),
                                    ("requires-improvement", "Requires improvement to be good"),
                                    ("inadequate", "Inadequate"),
                                ],
                                max_length=22,
                            ),
                        ),
                        (
                            "inspection",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="judgements",
                                to="assurance.inspection",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_inspectionjudgement",
                        "ordering": ["inspection", "order"],
                    },
                ),
                migrations.CreateModel(
                    name="ComplaintCount",
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
                            "stage",
                            models.CharField(
                                choices=[
                                    ("early", "Early resolution"),
                                    ("stage-1", "Stage 1"),
                                    ("stage-2", "Stage 2"),
                                    ("stage-3", "Stage 3 panel"),
                                    ("lgo", "LGO"),
                                    ("out-of-scope", "Out of scope"),
                                    ("all", "All stages (not broken down)"),
                                ],
                                max_length=12,
                            ),
                        ),
                        ("count", models.PositiveIntegerField()),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="complaints",
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
                            "team",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="complaint_counts",
                                to="scrutiny.team",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_complaintcount",
                        "ordering": ["authority", "period__start", "team__name", "stage"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("authority", "period", "team", "stage"),
                                name="complaint_count_unique",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    (
                                        "stage__in",
                                        [
                                            "early",
                                            "stage-1",
                                            "stage-2",
                                            "stage-3",
                                            "lgo",
                                            "out-of-scope",
                                            "all",
                                        ],
                                    )
                                ),
                                name="complaint_stage_valid",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ContactPurpose",
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
                            "channel",
                            models.CharField(
                                choices=[
                                    ("phone", "Telephone calls"),
                                    ("email", "Emails"),
                                    ("letter", "Letters"),
                                    ("in-person", "In person"),
                                    ("online", "Online forms"),
                                ],
                                max_length=10,
                            ),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=1)),
                        ("purpose", models.CharField(max_length=200)),
                        ("percent", models.DecimalField(decimal_places=1, max_digits=5)),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="contact_purposes",
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
                    ],
                    options={
                        "db_table": "scrutiny_contactpurpose",
                        "ordering": ["authority", "period__start", "channel", "order"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("percent__gte", 0), ("percent__lte", 100)),
                                name="contact_purpose_percent",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ContactVolume",
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
                            "channel",
                            models.CharField(
                                choices=[
                                    ("phone", "Telephone calls"),
                                    ("email", "Emails"),
                                    ("letter", "Letters"),
                                    ("in-person", "In person"),
                                    ("online", "Online forms"),
                                ],
                                max_length=10,
                            ),
                        ),
                        (
                            "measure",
                            models.CharField(
                                choices=[
                                    ("total", "Total in the period"),
                                    ("monthly-average", "Average a month"),
                                ],
                                default="total",
                                max_length=16,
                            ),
                        ),
                        ("count", models.PositiveIntegerField()),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="contacts",
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
                            "team",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="contact_volumes",
                                to="scrutiny.team",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_contactvolume",
                        "ordering": ["authority", "period__start", "channel"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("authority", "period", "team", "channel", "measure"),
                                name="contact_volume_unique",
                            )
                        ],
                    },
                ),
                migrations.AddConstraint(
                    model_name="inspection",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("end_date__isnull", True),
                            ("end_date__gte", models.F("start_date")),
                            _connector="OR",
                        ),
                        name="inspection_end_after_start",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="inspectionjudgement",
                    constraint=models.UniqueConstraint(
                        fields=("inspection", "judgement"), name="judgement_once"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="inspectionjudgement",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            (
                                "grade__in",
                                [
                                    "outstanding",
                                    "good",
                                    "adequate",
                                    "requires-improvement",
                                    "inadequate",
                                ],
                            )
                        ),
                        name="judgement_grade_valid",
                    ),
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
