"""Quarterly returns now belong to the ``returns`` app, which took them over with their
tables (``returns.0001``): they are forgotten here in Django's state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("scrutiny", "0009_render_jobs_and_cover_letters_move_to_packs"),
        ("returns", "0001_quarterly_returns_from_scrutiny"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name="quarterlyreturn",
                    name="approved_by",
                ),
                migrations.RemoveField(
                    model_name="quarterlyreturn",
                    name="authority",
                ),
                migrations.RemoveField(
                    model_name="quarterlyreturn",
                    name="period",
                ),
                migrations.RemoveField(
                    model_name="quarterlyreturn",
                    name="submitted_by",
                ),
                migrations.RemoveField(
                    model_name="returnevent",
                    name="quarterly_return",
                ),
                migrations.RemoveField(
                    model_name="returnsection",
                    name="quarterly_return",
                ),
                migrations.RemoveField(
                    model_name="returnevent",
                    name="actor",
                ),
                migrations.RemoveField(
                    model_name="returnsection",
                    name="updated_by",
                ),
                migrations.DeleteModel(
                    name="HistoricalReturnSection",
                ),
                migrations.DeleteModel(
                    name="QuarterlyReturn",
                ),
                migrations.DeleteModel(
                    name="ReturnEvent",
                ),
                migrations.DeleteModel(
                    name="ReturnSection",
                ),
            ],
        ),
    ]
