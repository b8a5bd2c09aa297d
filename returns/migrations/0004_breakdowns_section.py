"""The "Indicators by group" section (breakdowns): a key of its own, and a section row on
every return already started, so each return has every section. A draft return's is not
started yet; a return past draft was submitted without it, so its is marked "Cannot start
yet" (what a return shows for a section it could not have had)."""

from django.conf import settings
from django.db import migrations, models


def add_section(apps, schema_editor):
    QuarterlyReturn = apps.get_model("returns", "QuarterlyReturn")
    ReturnSection = apps.get_model("returns", "ReturnSection")
    have = set(
        ReturnSection.objects.filter(key="breakdowns").values_list("quarterly_return", flat=True)
    )
    ReturnSection.objects.bulk_create(
        ReturnSection(
            quarterly_return_id=pk,
            key="breakdowns",
            status="not-started" if status == "draft" else "cannot-start",
        )
        for pk, status in QuarterlyReturn.objects.values_list("pk", "status")
        if pk not in have
    )


def remove_section(apps, schema_editor):
    apps.get_model("returns", "ReturnSection").objects.filter(key="breakdowns").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("returns", "0003_section_copied_rows"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="returnsection",
            name="section_key_valid",
        ),
        migrations.AlterField(
            model_name="historicalreturnsection",
            name="key",
            field=models.CharField(
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
                    ("breakdowns", "Indicators by group"),
                ],
                max_length=16,
            ),
        ),
        migrations.AlterField(
            model_name="returnevent",
            name="section",
            field=models.CharField(
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
                    ("breakdowns", "Indicators by group"),
                ],
                max_length=16,
            ),
        ),
        migrations.AlterField(
            model_name="returnsection",
            name="key",
            field=models.CharField(
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
                    ("breakdowns", "Indicators by group"),
                ],
                max_length=16,
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
                            "breakdowns",
                        ],
                    )
                ),
                name="section_key_valid",
            ),
        ),
        migrations.RunPython(add_section, remove_section),
    ]
