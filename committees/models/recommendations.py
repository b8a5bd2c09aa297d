"""Recommendations (and strategic-focus lines) a committee or a report makes, and their
status each period, tracked to completion. Read them only through
``scrutiny.selectors.recommendations``."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from committees.models.committees import Committee
from committees.models.reports import Report
from scrutiny.models.authorities import Authority, Team
from scrutiny.models.periods import Period


class Recommendation(models.Model):
    """A recommendation (or strategic-focus line) to be tracked to completion."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="recommendations"
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.SET_NULL, null=True, blank=True, related_name="recommendations"
    )
    report = models.ForeignKey(
        Report,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
        help_text="The report in which it was made.",
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="recommendations"
    )
    area = models.CharField(max_length=120, blank=True, help_text="Service area or heading.")
    source = models.CharField(max_length=200, help_text="e.g. '2013/14 Annual Review'.")
    period = models.ForeignKey(
        Period,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The year it is to be delivered in (e.g. strategic focus 2015/16).",
    )
    reference = models.CharField(max_length=20, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    rationale = models.TextField(blank=True)
    text = models.TextField()
    owner = models.CharField(max_length=120, blank=True)
    due_date = models.DateField(null=True, blank=True)

    class Meta:
        db_table = "scrutiny_recommendation"
        ordering = ["authority", "source", "area", "order"]

    def __str__(self) -> str:
        return self.text[:80]


class RecommendationUpdate(models.Model):
    """The status of a recommendation as reported for one period."""

    class Status(models.TextChoices):
        ACHIEVED = "achieved", "Achieved"
        PARTIALLY = "partially", "Partially achieved"
        NOT_ACHIEVED = "not-achieved", "Not achieved"
        IN_PROGRESS = "in-progress", "In progress"

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="updates"
    )
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=14, choices=Status.choices)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(table_name="scrutiny_historicalrecommendationupdate")

    class Meta:
        db_table = "scrutiny_recommendationupdate"
        ordering = ["recommendation", "period__start"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "period"], name="recommendation_update_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.period})"
