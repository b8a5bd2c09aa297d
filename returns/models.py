"""A council's quarterly return: the workflow around the figures officers enter each quarter.

The figures themselves live in each area's own models (staffing, complaints, indicator
values ...), keyed by council and period; the return records who entered, submitted and
signed them off, and refuses changes once they are locked.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from scrutiny.models import Authority, Period


class ReturnSectionKey(models.TextChoices):
    WORKFORCE = "workforce", "Workforce by role"
    STARTERS_LEAVERS = "starters-leavers", "Starters and leavers"
    CASELOADS = "caseloads", "Caseloads by team"
    TRAINING = "training", "Training completions"
    PRACTICE = "practice", "Practice score card"
    INDICATORS = "indicators", "Indicators"
    COMPLAINTS = "complaints", "Complaints by team and stage"
    COMPLAINT_THEMES = "complaint-themes", "Complaint themes"
    COMPLIMENTS = "compliments", "Compliments by team"
    AUDITS = "audits", "Audits"
    PROGRAMMES = "programmes", "Programme progress"
    METRICS = "metrics", "Programme progress metrics"
    MILESTONES = "milestones", "Milestones"
    RECOMMENDATIONS = "recommendations", "Recommendation status updates"
    CONTACTS = "contacts", "Contact volumes"
    BREAKDOWNS = "breakdowns", "Indicators by group"


class QuarterlyReturn(models.Model):
    """One council's return for one quarter: draft, submitted, approved, then locked."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        APPROVED = "approved", "Approved"
        LOCKED = "locked", "Locked"

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="returns")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    locked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "scrutiny_quarterlyreturn"
        ordering = ["authority", "-period__start"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "period"], name="return_once_a_period"),
            # Four eyes: whoever submitted a return cannot be the one who approves it.
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | Q(submitted_by__isnull=True)
                | ~Q(approved_by=models.F("submitted_by")),
                name="return_approver_is_not_submitter",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | Q(submitted_by__isnull=False, submitted_at__isnull=False),
                name="return_past_draft_was_submitted",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted"])
                | Q(approved_by__isnull=False, approved_at__isnull=False),
                name="return_approved_has_approver",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.authority.short_name} return, {self.period}"

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class ReturnSection(models.Model):
    """One section of a return (GOV.UK task list item) with its progress and edit version."""

    class Status(models.TextChoices):
        NOT_STARTED = "not-started", "Not started"
        IN_PROGRESS = "in-progress", "In progress"
        COMPLETED = "completed", "Completed"
        CANNOT_START = "cannot-start", "Cannot start yet"

    quarterly_return = models.ForeignKey(
        QuarterlyReturn, on_delete=models.CASCADE, related_name="sections"
    )
    key = models.CharField(max_length=16, choices=ReturnSectionKey.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    version = models.PositiveIntegerField(
        default=0, help_text="Bumped by every save; a save against an older version is refused."
    )
    commentary = models.TextField(blank=True)
    nothing_to_report = models.BooleanField(
        default=False,
        help_text="The officer said there is nothing to enter this quarter (no themes, no "
        "audits): what lets a section with no rows be completed.",
    )
    copied_rows = models.JSONField(
        default=list,
        blank=True,
        help_text="Keys of the rows copied from last quarter that the officer has not "
        "confirmed yet: the section cannot be completed while there are any.",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(
        excluded_fields=["version", "updated_by", "updated_at"],
        table_name="scrutiny_historicalreturnsection",
    )

    class Meta:
        db_table = "scrutiny_returnsection"
        ordering = ["quarterly_return", "key"]
        constraints = [
            models.UniqueConstraint(fields=["quarterly_return", "key"], name="section_once"),
            models.CheckConstraint(
                condition=Q(key__in=ReturnSectionKey.values), name="section_key_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.get_key_display()


class ReturnEvent(models.Model):
    """Something that happened to a return: who did it, when, and why (kept for ever)."""

    class Action(models.TextChoices):
        CREATED = "created", "Started"
        SECTION_SAVED = "section-saved", "Section saved"
        SUBMITTED = "submitted", "Submitted"
        APPROVED = "approved", "Approved"
        LOCKED = "locked", "Locked"
        REOPENED = "reopened", "Reopened for correction"

    quarterly_return = models.ForeignKey(
        QuarterlyReturn, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(max_length=14, choices=Action.choices)
    section = models.CharField(max_length=16, choices=ReturnSectionKey.choices, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        db_table = "scrutiny_returnevent"
        ordering = ["quarterly_return", "at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(action="reopened") | ~Q(reason=""),
                name="reopening_has_a_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.actor} at {self.at:%d/%m/%Y %H:%M}"


from .due_dates import QuarterDueDate, ReturnSchedule  # noqa: E402, F401  (their own module)
