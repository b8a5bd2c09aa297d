"""Breakdowns and their groups, shipped as data (``scorecards.breakdowns.catalogue``) so
every install has them, and a council's choice and figures by group."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def load_breakdowns(apps, schema_editor):
    from scorecards.breakdowns.catalogue import load_breakdowns as load

    load(
        apps.get_model("scorecards", "Breakdown"), apps.get_model("scorecards", "BreakdownCategory")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("scorecards", "0004_national_indicator_catalogue"),
        ("scrutiny", "0013_council_roles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Breakdown",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.SlugField(max_length=40, unique=True)),
                ("name", models.CharField(max_length=100)),
                (
                    "characteristic_type",
                    models.CharField(
                        blank=True,
                        help_text="What the Department for Education's files call it in characteristic_type.",
                        max_length=100,
                    ),
                ),
                (
                    "column",
                    models.CharField(
                        blank=True,
                        help_text="The column that holds it in the tidy open-data layout (e.g. age_band).",
                        max_length=60,
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
            ],
            options={
                "ordering": ["order", "name"],
            },
        ),
        migrations.CreateModel(
            name="BreakdownCategory",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.SlugField(max_length=60)),
                ("name", models.CharField(max_length=200)),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "breakdown",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="categories",
                        to="scorecards.breakdown",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "breakdown categories",
                "ordering": ["breakdown", "order"],
            },
        ),
        migrations.CreateModel(
            name="BreakdownValue",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "numerator",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
                ),
                (
                    "denominator",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
                ),
                (
                    "reported_value",
                    models.DecimalField(
                        blank=True,
                        decimal_places=4,
                        help_text="The figure as the source printed it, where it gives no counts.",
                        max_digits=12,
                        null=True,
                    ),
                ),
                ("source", models.CharField(blank=True, max_length=300)),
                (
                    "is_illustrative",
                    models.BooleanField(
                        default=False,
                        help_text="Not from a real return: a stand-in for a figure not printed.",
                    ),
                ),
                (
                    "authority",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="breakdown_values",
                        to="scrutiny.authority",
                    ),
                ),
                (
                    "category",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="scorecards.breakdowncategory",
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="breakdown_values",
                        to="scorecards.indicator",
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
                "ordering": ["indicator", "authority", "period__start", "category"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalBreakdownValue",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "numerator",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
                ),
                (
                    "denominator",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
                ),
                (
                    "reported_value",
                    models.DecimalField(
                        blank=True,
                        decimal_places=4,
                        help_text="The figure as the source printed it, where it gives no counts.",
                        max_digits=12,
                        null=True,
                    ),
                ),
                ("source", models.CharField(blank=True, max_length=300)),
                (
                    "is_illustrative",
                    models.BooleanField(
                        default=False,
                        help_text="Not from a real return: a stand-in for a figure not printed.",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
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
                    "category",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="scorecards.breakdowncategory",
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
                    "indicator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="scorecards.indicator",
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
                "verbose_name": "historical breakdown value",
                "verbose_name_plural": "historical breakdown values",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="ReportedBreakdown",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "authority",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reported_breakdowns",
                        to="scrutiny.authority",
                    ),
                ),
                (
                    "breakdown",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="scorecards.breakdown",
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reported_breakdowns",
                        to="scorecards.indicator",
                    ),
                ),
            ],
            options={
                "ordering": ["authority", "indicator", "breakdown"],
            },
        ),
        migrations.AddConstraint(
            model_name="breakdowncategory",
            constraint=models.UniqueConstraint(
                fields=("breakdown", "code"), name="category_code_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="breakdowncategory",
            constraint=models.UniqueConstraint(
                fields=("breakdown", "name"), name="category_name_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="breakdownvalue",
            constraint=models.UniqueConstraint(
                fields=("indicator", "authority", "period", "category"),
                name="breakdown_value_unique",
            ),
        ),
        migrations.AddConstraint(
            model_name="breakdownvalue",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("numerator__isnull", True), ("numerator__gte", 0), _connector="OR"
                ),
                name="breakdown_numerator_non_negative",
            ),
        ),
        migrations.AddConstraint(
            model_name="breakdownvalue",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("denominator__isnull", True), ("denominator__gt", 0), _connector="OR"
                ),
                name="breakdown_denominator_positive",
            ),
        ),
        migrations.AddConstraint(
            model_name="breakdownvalue",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("reported_value__isnull", False),
                    models.Q(("denominator__isnull", False), ("numerator__isnull", False)),
                    _connector="OR",
                ),
                name="breakdown_value_has_figure",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportedbreakdown",
            constraint=models.UniqueConstraint(
                fields=("authority", "indicator", "breakdown"), name="reported_breakdown_unique"
            ),
        ),
        migrations.RunPython(load_breakdowns, migrations.RunPython.noop),
    ]
