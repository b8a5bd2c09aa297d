"""Improvement programmes: Signs of Safety (EIP/EIP2), Partners in Practice, improvement plans."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from scrutiny.models import Authority, Period


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class Programme(models.Model):
    """A funded programme of change, with its funder, partners and governance."""

    class Kind(models.TextChoices):
        INNOVATION = "innovation", "Innovations Programme"
        PARTNERS_IN_PRACTICE = "pip", "Partners in Practice"
        IMPROVEMENT_PLAN = "improvement-plan", "Improvement plan"
        OTHER = "other", "Other programme"

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="programmes")
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40, blank=True)
    slug = models.SlugField(max_length=60)
    kind = models.CharField(max_length=18, choices=Kind.choices)
    practice_framework = models.CharField(max_length=120, blank=True)
    funder = models.CharField(max_length=200, blank=True)
    funding_amount = models.DecimalField(max_digits=12, decimal_places=0, null=True, blank=True)
    funding_mechanism = models.CharField(max_length=200, blank=True)
    delivery_partner = models.CharField(max_length=200, blank=True)
    evaluation_partner = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    governance = models.TextField(blank=True)

    class Meta:
        ordering = ["authority", "-start_date", "name"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "slug"], name="programme_unique_slug"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="programme_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(funding_amount__isnull=True) | Q(funding_amount__gte=0),
                name="programme_funding_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "programmes:programme_detail", kwargs={"authority": self.authority.slug, "pk": self.pk}
        )


class Workstream(models.Model):
    """A strand of a programme that groups its projects."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="workstreams")
    order = models.PositiveSmallIntegerField(default=1)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["programme", "order"]

    def __str__(self) -> str:
        return self.name


class Project(models.Model):
    """A numbered project in a programme, with a project manager and a senior manager lead."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="projects")
    workstream = models.ForeignKey(
        Workstream, on_delete=models.SET_NULL, null=True, blank=True, related_name="projects"
    )
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    name = models.CharField(max_length=200)
    aim = models.TextField(blank=True)
    project_manager = models.CharField(max_length=200, blank=True)
    senior_lead = models.CharField("Senior manager lead", max_length=200, blank=True)

    class Meta:
        ordering = ["programme", "number", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "number"],
                condition=Q(number__isnull=False),
                name="project_unique_number",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}" if self.number else self.name


class Milestone(models.Model):
    """A deliverable, milestone or next step with a due date and status."""

    class Kind(models.TextChoices):
        DELIVERABLE = "deliverable", "Key deliverable"
        FOCUS_AREA = "focus-area", "Focus area"
        MILESTONE = "milestone", "Milestone"
        NEXT_STEP = "next-step", "Next step"

    class Status(models.TextChoices):
        NOT_STARTED = "not-started", "Not started"
        IN_PROGRESS = "in-progress", "In progress"
        DONE = "done", "Done"
        DELAYED = "delayed", "Delayed"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="milestones")
    project = models.ForeignKey(
        Project, on_delete=models.SET_NULL, null=True, blank=True, related_name="milestones"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.MILESTONE)
    order = models.PositiveSmallIntegerField(default=1)
    title = models.TextField()
    due_date = models.DateField(null=True, blank=True)
    due_label = models.CharField(
        max_length=60, blank=True, help_text="As the paper words it, e.g. 'End November 2018'."
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    completed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "kind", "order"]

    def __str__(self) -> str:
        return self.title[:80]


class ProgressUpdate(models.Model):
    """A period's progress on a programme or project: done, impact, going forward, RAG."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="updates")
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, null=True, blank=True, related_name="updates"
    )
    theme = models.CharField(
        max_length=200, blank=True, help_text="Heading where the plan is organised by theme."
    )
    order = models.PositiveSmallIntegerField(default=1)
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    rag = models.CharField("RAG", max_length=5, choices=Rag.choices, blank=True)
    done = models.TextField("What have we done?", blank=True)
    impact = models.TextField("What is the impact?", blank=True)
    going_forward = models.TextField("Going forward", blank=True)
    author = models.CharField(max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "period__start", "order"]

    def __str__(self) -> str:
        return f"{self.project or self.theme or self.programme} – {self.period}"


class ProgressMetric(models.Model):
    """A measured result of a programme (1120 staff trained; 22% fewer first-time entrants)."""

    class Unit(models.TextChoices):
        COUNT = "count", "Count"
        PERCENT = "percent", "Per cent"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="metrics")
    project = models.ForeignKey(
        Project, on_delete=models.SET_NULL, null=True, blank=True, related_name="metrics"
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=1)
    description = models.CharField(max_length=300)
    value = models.DecimalField(max_digits=12, decimal_places=2)
    unit = models.CharField(max_length=8, choices=Unit.choices, default=Unit.COUNT)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    planned = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, help_text="Further planned."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "project__number", "order"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(unit="percent") | Q(value__gte=-100, value__lte=100),
                name="metric_percent_in_range",
            )
        ]

    def __str__(self) -> str:
        return self.description


class Risk(models.Model):
    """An entry in a programme's or project's risk log."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="risks")
    project = models.ForeignKey(
        Project, on_delete=models.SET_NULL, null=True, blank=True, related_name="risks"
    )
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    likelihood = models.PositiveSmallIntegerField(help_text="1 (rare) to 5 (almost certain).")
    impact = models.PositiveSmallIntegerField(help_text="1 (minimal) to 5 (severe).")
    mitigation = models.TextField(blank=True)
    owner = models.CharField(max_length=120, blank=True)
    status = models.CharField(max_length=6, choices=Status.choices, default=Status.OPEN)
    raised_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["programme", "status", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(likelihood__gte=1, likelihood__lte=5, impact__gte=1, impact__lte=5),
                name="risk_scores_1_5",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def score(self) -> int:
        return self.likelihood * self.impact
