"""What a committee holds the service to account on, besides its recommendations: audits,
complaints, compliments, inspections, contact volumes, and recorded data-quality problems."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from scrutiny.models import Authority, Period, Team


class Audit(models.Model):
    """A case-file or thematic audit: its scope, how many cases, what it found."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="audits")
    title = models.CharField(max_length=300)
    scope = models.TextField(blank=True)
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="audits"
    )
    conducted_by = models.CharField(max_length=200, blank=True)
    is_external = models.BooleanField(default=False)
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    completed_on = models.DateField(null=True, blank=True)
    cases_audited = models.PositiveIntegerField(null=True, blank=True)
    summary = models.TextField(blank=True)
    history = HistoricalRecords(table_name="scrutiny_historicalaudit")

    class Meta:
        db_table = "scrutiny_audit"
        ordering = ["authority", "-completed_on", "title"]

    def __str__(self) -> str:
        return self.title


class AuditFinding(models.Model):
    """A finding of an audit: a strength or an area for improvement."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", "Strength"
        IMPROVEMENT = "improvement", "Area for improvement"

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="findings")
    order = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    text = models.TextField()
    history = HistoricalRecords(table_name="scrutiny_historicalauditfinding")

    class Meta:
        db_table = "scrutiny_auditfinding"
        ordering = ["audit", "order"]

    def __str__(self) -> str:
        return self.text[:80]


class AuditAction(models.Model):
    """An action taken or planned in response to an audit."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in-progress", "In progress"
        DONE = "done", "Done"

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="actions")
    order = models.PositiveSmallIntegerField(default=1)
    text = models.TextField()
    owner = models.CharField(max_length=120, blank=True)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)
    history = HistoricalRecords(table_name="scrutiny_historicalauditaction")

    class Meta:
        db_table = "scrutiny_auditaction"
        ordering = ["audit", "order"]

    def __str__(self) -> str:
        return self.text[:80]


class ComplaintStage(models.TextChoices):
    EARLY_RESOLUTION = "early", "Early resolution"
    STAGE_1 = "stage-1", "Stage 1"
    STAGE_2 = "stage-2", "Stage 2"
    STAGE_3 = "stage-3", "Stage 3 panel"
    LGO = "lgo", "LGO"
    OUT_OF_SCOPE = "out-of-scope", "Out of scope"
    NOT_STAGED = "all", "All stages (not broken down)"


class ComplaintCount(models.Model):
    """Complaints received by one team at one stage in one period."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="complaints")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="complaint_counts")
    stage = models.CharField(max_length=12, choices=ComplaintStage.choices)
    count = models.PositiveIntegerField()
    history = HistoricalRecords(table_name="scrutiny_historicalcomplaintcount")

    class Meta:
        db_table = "scrutiny_complaintcount"
        ordering = ["authority", "period__start", "team__name", "stage"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "period", "team", "stage"], name="complaint_count_unique"
            ),
            models.CheckConstraint(
                condition=Q(stage__in=ComplaintStage.values), name="complaint_stage_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team} {self.get_stage_display()}: {self.count}"


class ComplaintTheme(models.Model):
    """A theme arising from a period's complaints, its context and the action taken."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="complaint_themes"
    )
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=1)
    theme = models.CharField(max_length=200)
    context = models.TextField(blank=True)
    action = models.TextField(blank=True)
    history = HistoricalRecords(table_name="scrutiny_historicalcomplainttheme")

    class Meta:
        db_table = "scrutiny_complainttheme"
        ordering = ["authority", "period__start", "order"]

    def __str__(self) -> str:
        return self.theme


class Compliment(models.Model):
    """Compliments received by a team in a period: how many, from whom, about what."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="compliments")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="compliments")
    order = models.PositiveSmallIntegerField(default=1)
    count = models.PositiveIntegerField()
    received_from = models.CharField("From", max_length=200, blank=True)
    about = models.TextField(blank=True)
    history = HistoricalRecords(table_name="scrutiny_historicalcompliment")

    class Meta:
        db_table = "scrutiny_compliment"
        ordering = ["authority", "period__start", "team__name", "order"]

    def __str__(self) -> str:
        return f"{self.team}: {self.count}"


class InspectionGrade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    ADEQUATE = "adequate", "Adequate"
    REQUIRES_IMPROVEMENT = "requires-improvement", "Requires improvement to be good"
    INADEQUATE = "inadequate", "Inadequate"


class Inspection(models.Model):
    """An inspection (usually Ofsted) of a council's service, graded per judgement."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="inspections")
    inspectorate = models.CharField(max_length=60, default="Ofsted")
    service_inspected = models.CharField("Service/area inspected", max_length=300)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    report_url = models.URLField(blank=True)

    class Meta:
        db_table = "scrutiny_inspection"
        ordering = ["authority", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="inspection_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_inspected} ({self.start_date:%B %Y})"


class InspectionJudgement(models.Model):
    """The grade an inspection gave for one judgement (domain)."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    order = models.PositiveSmallIntegerField(default=1)
    judgement = models.CharField(max_length=300)
    grade = models.CharField(max_length=22, choices=InspectionGrade.choices)

    class Meta:
        db_table = "scrutiny_inspectionjudgement"
        ordering = ["inspection", "order"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "judgement"], name="judgement_once"),
            models.CheckConstraint(
                condition=Q(grade__in=InspectionGrade.values), name="judgement_grade_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.judgement}: {self.get_grade_display()}"


class ContactChannel(models.TextChoices):
    PHONE = "phone", "Telephone calls"
    EMAIL = "email", "Emails"
    LETTER = "letter", "Letters"
    IN_PERSON = "in-person", "In person"
    ONLINE = "online", "Online forms"


class ContactVolume(models.Model):
    """Contacts received by the front door through one channel in a period."""

    class Measure(models.TextChoices):
        TOTAL = "total", "Total in the period"
        MONTHLY_AVERAGE = "monthly-average", "Average a month"

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="contacts")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="contact_volumes"
    )
    channel = models.CharField(max_length=10, choices=ContactChannel.choices)
    measure = models.CharField(max_length=16, choices=Measure.choices, default=Measure.TOTAL)
    count = models.PositiveIntegerField()
    history = HistoricalRecords(table_name="scrutiny_historicalcontactvolume")

    class Meta:
        db_table = "scrutiny_contactvolume"
        ordering = ["authority", "period__start", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "period", "team", "channel", "measure"],
                name="contact_volume_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.count}"


class ContactPurpose(models.Model):
    """The share of one channel's contacts that were for a given purpose."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="contact_purposes"
    )
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=10, choices=ContactChannel.choices)
    order = models.PositiveSmallIntegerField(default=1)
    purpose = models.CharField(max_length=200)
    percent = models.DecimalField(max_digits=5, decimal_places=1)

    class Meta:
        db_table = "scrutiny_contactpurpose"
        ordering = ["authority", "period__start", "channel", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent__gte=0, percent__lte=100), name="contact_purpose_percent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.percent}% {self.purpose}"


class DataQualityIssue(models.Model):
    """A problem found in figures as received (a seed table that disagrees with itself)."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved"

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="data_quality_issues"
    )
    area = models.CharField(max_length=60, help_text="e.g. 'Workforce', 'Complaints'.")
    subject = models.CharField(max_length=200)
    description = models.TextField()
    source = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    resolution = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "scrutiny_dataqualityissue"
        ordering = ["authority", "status", "area", "subject"]

    def __str__(self) -> str:
        return self.subject
