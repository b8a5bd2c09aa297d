"""Committee business moves from ``scrutiny`` to this app with its tables kept.

The tables (``scrutiny_committee``, ``scrutiny_meeting``, ``scrutiny_report`` ... and the
recommendation updates' history) stay as they are: the models are created here in Django's
state only, and ``scrutiny.0012`` then forgets them there. Their content types follow them,
so admin log entries and permissions keep pointing at them.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED = [
    "committee",
    "committeemembership",
    "meeting",
    "agendaitem",
    "report",
    "reportsection",
    "financialimplication",
    "backgroundpaper",
    "recommendation",
    "recommendationupdate",
    "historicalrecommendationupdate",
]


def _relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(
        ContentType.objects.filter(app_label=new, model__in=MOVED).values_list("model", flat=True)
    )
    ContentType.objects.filter(app_label=old, model__in=set(MOVED) - taken).update(app_label=new)


def move_content_types(apps, schema_editor):
    _relabel(apps, "scrutiny", "committees")


def move_content_types_back(apps, schema_editor):
    _relabel(apps, "committees", "scrutiny")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("scrutiny", "0011_quality_assurance_move_to_assurance"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Committee",
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
                        ("name", models.CharField(max_length=200)),
                        ("slug", models.SlugField(max_length=80)),
                        ("remit", models.TextField(blank=True)),
                        ("is_active", models.BooleanField(default=True)),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="committees",
                                to="scrutiny.authority",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_committee",
                        "ordering": ["authority", "name"],
                    },
                ),
                migrations.CreateModel(
                    name="CommitteeMembership",
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
                            "name",
                            models.CharField(
                                help_text="As printed, e.g. 'Cllr Prue Bray'.", max_length=120
                            ),
                        ),
                        (
                            "role",
                            models.CharField(
                                choices=[
                                    ("chair", "Chairman"),
                                    ("vice-chair", "Vice-Chairman"),
                                    ("member", "Member"),
                                    ("co-opted", "Co-opted member"),
                                    ("substitute", "Substitute"),
                                ],
                                default="member",
                                max_length=12,
                            ),
                        ),
                        ("start_date", models.DateField(blank=True, null=True)),
                        ("end_date", models.DateField(blank=True, null=True)),
                        (
                            "committee",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to="committees.committee",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="committee_memberships",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_committeemembership",
                        "ordering": ["committee", "role", "name"],
                    },
                ),
                migrations.CreateModel(
                    name="Meeting",
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
                        ("date", models.DateField()),
                        ("start_time", models.TimeField(blank=True, null=True)),
                        ("venue", models.CharField(blank=True, max_length=200)),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("scheduled", "Scheduled"),
                                    ("held", "Held"),
                                    ("cancelled", "Cancelled"),
                                ],
                                default="scheduled",
                                max_length=10,
                            ),
                        ),
                        (
                            "agenda_published_at",
                            models.DateTimeField(
                                blank=True,
                                help_text="When the agenda was opened to public inspection.",
                                null=True,
                            ),
                        ),
                        (
                            "notes",
                            models.TextField(
                                blank=True, help_text="e.g. that a date is not from the papers."
                            ),
                        ),
                        (
                            "committee",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="meetings",
                                to="committees.committee",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_meeting",
                        "ordering": ["-date", "committee"],
                    },
                ),
                migrations.CreateModel(
                    name="Recommendation",
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
                                blank=True, help_text="Service area or heading.", max_length=120
                            ),
                        ),
                        (
                            "source",
                            models.CharField(
                                help_text="e.g. '2013/14 Annual Review'.", max_length=200
                            ),
                        ),
                        ("reference", models.CharField(blank=True, max_length=20)),
                        ("order", models.PositiveSmallIntegerField(default=0)),
                        ("rationale", models.TextField(blank=True)),
                        ("text", models.TextField()),
                        ("owner", models.CharField(blank=True, max_length=120)),
                        ("due_date", models.DateField(blank=True, null=True)),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="recommendations",
                                to="scrutiny.authority",
                            ),
                        ),
                        (
                            "committee",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="recommendations",
                                to="committees.committee",
                            ),
                        ),
                        (
                            "period",
                            models.ForeignKey(
                                blank=True,
                                help_text="The year it is to be delivered in (e.g. strategic focus 2015/16).",
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
                                related_name="recommendations",
                                to="scrutiny.team",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_recommendation",
                        "ordering": ["authority", "source", "area", "order"],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalRecommendationUpdate",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("achieved", "Achieved"),
                                    ("partially", "Partially achieved"),
                                    ("not-achieved", "Not achieved"),
                                    ("in-progress", "In progress"),
                                ],
                                max_length=14,
                            ),
                        ),
                        ("note", models.TextField(blank=True)),
                        ("recorded_at", models.DateTimeField(blank=True, editable=False)),
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
                            "recorded_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "recommendation",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="committees.recommendation",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical recommendation update",
                        "verbose_name_plural": "historical recommendation updates",
                        "db_table": "scrutiny_historicalrecommendationupdate",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="RecommendationUpdate",
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
                                    ("achieved", "Achieved"),
                                    ("partially", "Partially achieved"),
                                    ("not-achieved", "Not achieved"),
                                    ("in-progress", "In progress"),
                                ],
                                max_length=14,
                            ),
                        ),
                        ("note", models.TextField(blank=True)),
                        ("recorded_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "period",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="scrutiny.period",
                            ),
                        ),
                        (
                            "recommendation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="updates",
                                to="committees.recommendation",
                            ),
                        ),
                        (
                            "recorded_by",
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
                        "db_table": "scrutiny_recommendationupdate",
                        "ordering": ["recommendation", "period__start"],
                    },
                ),
                migrations.CreateModel(
                    name="Report",
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
                                    ("committee", "Committee report"),
                                    ("annual-review", "Annual review"),
                                    ("progress", "Progress report"),
                                    ("bulletin", "Director's bulletin"),
                                ],
                                default="committee",
                                max_length=14,
                            ),
                        ),
                        ("title", models.CharField(max_length=300)),
                        (
                            "ward",
                            models.CharField(blank=True, default="None specific", max_length=200),
                        ),
                        ("director", models.CharField(blank=True, max_length=200)),
                        (
                            "outcome_benefits",
                            models.TextField(
                                blank=True, verbose_name="Outcome / benefits to the community"
                            ),
                        ),
                        ("recommendation", models.TextField(blank=True)),
                        ("summary", models.TextField(blank=True, verbose_name="Summary of report")),
                        (
                            "financial_context",
                            models.TextField(
                                blank=True,
                                help_text="The council's standard statement above the financial table.",
                            ),
                        ),
                        ("other_financial_information", models.TextField(blank=True)),
                        ("cross_council_implications", models.TextField(blank=True)),
                        (
                            "part2_reasons",
                            models.TextField(
                                blank=True,
                                verbose_name="Reasons for considering the report in Part 2",
                            ),
                        ),
                        ("contact_name", models.CharField(blank=True, max_length=120)),
                        ("contact_service", models.CharField(blank=True, max_length=120)),
                        ("contact_telephone", models.CharField(blank=True, max_length=40)),
                        ("contact_email", models.EmailField(blank=True, max_length=254)),
                        ("report_date", models.DateField(blank=True, null=True)),
                        ("version", models.PositiveSmallIntegerField(default=1)),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("submitted", "Awaiting approval"),
                                    ("approved", "Approved"),
                                    ("published", "Published"),
                                    ("withdrawn", "Withdrawn"),
                                ],
                                default="draft",
                                max_length=10,
                            ),
                        ),
                        ("is_exempt", models.BooleanField(default=False)),
                        (
                            "exempt_paragraph",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                choices=[
                                    (1, "1. Information relating to any individual"),
                                    (
                                        2,
                                        "2. Information likely to reveal the identity of an individual",
                                    ),
                                    (
                                        3,
                                        "3. Financial or business affairs of any particular person",
                                    ),
                                    (4, "4. Consultations or negotiations on labour relations"),
                                    (5, "5. Legal professional privilege"),
                                    (6, "6. Notices, orders or directions under an enactment"),
                                    (7, "7. Prevention, investigation or prosecution of crime"),
                                ],
                                null=True,
                            ),
                        ),
                        ("submitted_at", models.DateTimeField(blank=True, null=True)),
                        ("approved_at", models.DateTimeField(blank=True, null=True)),
                        ("published_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "change_note",
                            models.TextField(
                                blank=True, help_text="What changed from the earlier version."
                            ),
                        ),
                        (
                            "approved_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="reports",
                                to="scrutiny.authority",
                            ),
                        ),
                        (
                            "committee",
                            models.ForeignKey(
                                blank=True,
                                help_text="For consideration by.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="reports",
                                to="committees.committee",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "published_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "submitted_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "supersedes",
                            models.ForeignKey(
                                blank=True,
                                help_text="The earlier published version this one corrects.",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="superseded_by",
                                to="committees.report",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_report",
                        "ordering": ["-report_date", "title"],
                    },
                ),
                migrations.AddField(
                    model_name="recommendation",
                    name="report",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="The report in which it was made.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="recommendations",
                        to="committees.report",
                    ),
                ),
                migrations.CreateModel(
                    name="FinancialImplication",
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
                            "year",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (1, "Current Financial Year (Year 1)"),
                                    (2, "Next Financial Year (Year 2)"),
                                    (3, "Following Financial Year (Year 3)"),
                                ]
                            ),
                        ),
                        (
                            "cost",
                            models.DecimalField(
                                blank=True,
                                decimal_places=0,
                                help_text="A saving is negative.",
                                max_digits=12,
                                null=True,
                                verbose_name="Cost / (saving) £",
                            ),
                        ),
                        ("funding_sufficient", models.BooleanField(blank=True, null=True)),
                        ("shortfall", models.CharField(blank=True, max_length=200)),
                        (
                            "revenue_or_capital",
                            models.CharField(
                                blank=True,
                                choices=[("revenue", "Revenue"), ("capital", "Capital")],
                                max_length=8,
                            ),
                        ),
                        (
                            "report",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="financial_rows",
                                to="committees.report",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_financialimplication",
                        "ordering": ["report", "year"],
                    },
                ),
                migrations.CreateModel(
                    name="BackgroundPaper",
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
                        ("title", models.CharField(max_length=300)),
                        (
                            "location",
                            models.CharField(
                                blank=True, help_text="Where it can be viewed.", max_length=500
                            ),
                        ),
                        (
                            "report",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="background_papers",
                                to="committees.report",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_backgroundpaper",
                        "ordering": ["report", "order"],
                    },
                ),
                migrations.CreateModel(
                    name="AgendaItem",
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
                        ("number", models.PositiveSmallIntegerField()),
                        ("title", models.CharField(max_length=300)),
                        (
                            "public_title",
                            models.CharField(
                                blank=True,
                                help_text="Shown to the public when the item is exempt; defaults to the title.",
                                max_length=300,
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("apologies", "Apologies for absence"),
                                    ("minutes", "Minutes of the previous meeting"),
                                    ("declarations", "Declarations of interest"),
                                    ("questions", "Public and member questions"),
                                    ("report", "Report"),
                                    ("other", "Other business"),
                                ],
                                default="report",
                                max_length=14,
                            ),
                        ),
                        (
                            "wards",
                            models.CharField(blank=True, default="None specific", max_length=200),
                        ),
                        ("description", models.TextField(blank=True)),
                        (
                            "is_urgent",
                            models.BooleanField(
                                default=False,
                                help_text="Taken as urgent business with the chair's agreement.",
                            ),
                        ),
                        ("urgent_reason", models.TextField(blank=True)),
                        (
                            "is_supplementary",
                            models.BooleanField(
                                default=False, help_text="Added after the agenda was published."
                            ),
                        ),
                        ("supplementary_reason", models.TextField(blank=True)),
                        (
                            "is_exempt",
                            models.BooleanField(
                                default=False,
                                help_text="Part 2: exempt information under Schedule 12A, LGA 1972.",
                            ),
                        ),
                        (
                            "exempt_paragraph",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                choices=[
                                    (1, "1. Information relating to any individual"),
                                    (
                                        2,
                                        "2. Information likely to reveal the identity of an individual",
                                    ),
                                    (
                                        3,
                                        "3. Financial or business affairs of any particular person",
                                    ),
                                    (4, "4. Consultations or negotiations on labour relations"),
                                    (5, "5. Legal professional privilege"),
                                    (6, "6. Notices, orders or directions under an enactment"),
                                    (7, "7. Prevention, investigation or prosecution of crime"),
                                ],
                                null=True,
                            ),
                        ),
                        (
                            "exempt_reason",
                            models.TextField(
                                blank=True,
                                help_text="Why the public interest in keeping it exempt outweighs disclosure.",
                            ),
                        ),
                        (
                            "meeting",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="items",
                                to="committees.meeting",
                            ),
                        ),
                        (
                            "report",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="agenda_items",
                                to="committees.report",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_agendaitem",
                        "ordering": ["meeting", "number"],
                    },
                ),
                migrations.CreateModel(
                    name="ReportSection",
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
                        ("order", models.PositiveSmallIntegerField()),
                        ("heading", models.CharField(blank=True, max_length=300)),
                        (
                            "kind",
                            models.CharField(
                                choices=[("narrative", "Narrative"), ("data", "Data block")],
                                default="narrative",
                                max_length=10,
                            ),
                        ),
                        (
                            "text",
                            models.TextField(
                                blank=True,
                                help_text="What the author typed (paragraphs, '## ' headings, '- ' lists, links); the body is made from it.",
                            ),
                        ),
                        (
                            "body",
                            models.TextField(
                                blank=True, help_text="Sanitised HTML for narrative sections."
                            ),
                        ),
                        ("block_type", models.CharField(blank=True, max_length=40)),
                        ("block_params", models.JSONField(blank=True, default=dict)),
                        (
                            "frozen_data",
                            models.JSONField(
                                blank=True,
                                help_text="The block's figures as at publication.",
                                null=True,
                            ),
                        ),
                        ("frozen_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "is_exempt",
                            models.BooleanField(
                                default=False,
                                help_text="Part 2: this section alone is exempt; the rest of the report is open.",
                                verbose_name="Exempt appendix",
                            ),
                        ),
                        (
                            "exempt_paragraph",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                choices=[
                                    (1, "1. Information relating to any individual"),
                                    (
                                        2,
                                        "2. Information likely to reveal the identity of an individual",
                                    ),
                                    (
                                        3,
                                        "3. Financial or business affairs of any particular person",
                                    ),
                                    (4, "4. Consultations or negotiations on labour relations"),
                                    (5, "5. Legal professional privilege"),
                                    (6, "6. Notices, orders or directions under an enactment"),
                                    (7, "7. Prevention, investigation or prosecution of crime"),
                                ],
                                null=True,
                            ),
                        ),
                        (
                            "report",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="sections",
                                to="committees.report",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scrutiny_reportsection",
                        "ordering": ["report", "order"],
                    },
                ),
                migrations.AddConstraint(
                    model_name="committee",
                    constraint=models.UniqueConstraint(
                        fields=("authority", "slug"), name="committee_unique_slug"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="committeemembership",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("end_date__isnull", True),
                            ("start_date__isnull", True),
                            ("end_date__gte", models.F("start_date")),
                            _connector="OR",
                        ),
                        name="membership_end_after_start",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="meeting",
                    constraint=models.UniqueConstraint(
                        fields=("committee", "date", "start_time"), name="meeting_unique_slot"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="recommendationupdate",
                    constraint=models.UniqueConstraint(
                        fields=("recommendation", "period"), name="recommendation_update_once"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="report",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("is_exempt", False),
                            models.Q(
                                ("exempt_paragraph__gte", 1),
                                ("exempt_paragraph__isnull", False),
                                ("exempt_paragraph__lte", 7),
                            ),
                            _connector="OR",
                        ),
                        name="report_exempt_has_paragraph",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="report",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("status", "published"), _negated=True),
                            ("published_at__isnull", False),
                            _connector="OR",
                        ),
                        name="report_published_has_time",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="report",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("version__gte", 1)), name="report_version_positive"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="financialimplication",
                    constraint=models.UniqueConstraint(
                        fields=("report", "year"), name="financial_row_unique_year"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="financialimplication",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("year__gte", 1), ("year__lte", 3)),
                        name="financial_year_1_3",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="agendaitem",
                    constraint=models.UniqueConstraint(
                        fields=("meeting", "number"), name="agenda_item_unique_number"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="agendaitem",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("is_exempt", False),
                            models.Q(
                                ("exempt_paragraph__gte", 1),
                                ("exempt_paragraph__isnull", False),
                                ("exempt_paragraph__lte", 7),
                            ),
                            _connector="OR",
                        ),
                        name="agenda_item_exempt_has_paragraph",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="agendaitem",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("is_urgent", False),
                            models.Q(("urgent_reason", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="agenda_item_urgent_has_reason",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="agendaitem",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("number__gte", 1)), name="agenda_item_number_positive"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="reportsection",
                    constraint=models.UniqueConstraint(
                        fields=("report", "order"), name="section_unique_order"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="reportsection",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("kind", "narrative"),
                            models.Q(("block_type", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="data_section_has_block",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="reportsection",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("is_exempt", False),
                            models.Q(
                                ("exempt_paragraph__gte", 1),
                                ("exempt_paragraph__isnull", False),
                                ("exempt_paragraph__lte", 7),
                            ),
                            _connector="OR",
                        ),
                        name="section_exempt_has_paragraph",
                    ),
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
