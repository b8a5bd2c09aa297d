"""A breakdown, its controlled list of groups, a council's choice of them, and their figures."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from simple_history.models import HistoricalRecords

from scrutiny.models import Authority, Period

from ..constraints import figure_constraints


class BreakdownManager(models.Manager):
    def get_by_natural_key(self, code: str) -> Breakdown:
        return self.get(code=code)


class Breakdown(models.Model):
    """A way of splitting a figure into groups: age band, gender, placement type ..."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    characteristic_type = models.CharField(
        max_length=100,
        blank=True,
        help_text="What the Department for Education's files call it in characteristic_type.",
    )
    column = models.CharField(
        max_length=60,
        blank=True,
        help_text="The column that holds it in the tidy open-data layout (e.g. age_band).",
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = BreakdownManager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.code,)


class BreakdownCategoryManager(models.Manager):
    def get_by_natural_key(self, breakdown_code: str, code: str) -> BreakdownCategory:
        return self.get(breakdown__code=breakdown_code, code=code)


class BreakdownCategory(models.Model):
    """One group of a breakdown, named as the Department for Education publishes it.

    Known by its breakdown's code and its own, as the breakdown is by its code: a backup
    names them so, and a restore into a fresh install (which the migrations gave the lists)
    updates those rows rather than adding them again."""

    breakdown = models.ForeignKey(Breakdown, on_delete=models.CASCADE, related_name="categories")
    code = models.SlugField(max_length=60)
    name = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    objects = BreakdownCategoryManager()

    class Meta:
        ordering = ["breakdown", "order"]
        verbose_name_plural = "breakdown categories"
        constraints = [
            models.UniqueConstraint(fields=["breakdown", "code"], name="category_code_unique"),
            models.UniqueConstraint(fields=["breakdown", "name"], name="category_name_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.breakdown}: {self.name}"

    def natural_key(self) -> tuple[str, str]:
        return (*self.breakdown.natural_key(), self.code)

    natural_key.dependencies = ["scorecards.breakdown"]


class ReportedBreakdown(models.Model):
    """A council reports this indicator by this breakdown: its groups are on the return."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="reported_breakdowns"
    )
    indicator = models.ForeignKey(
        "scorecards.Indicator", on_delete=models.CASCADE, related_name="reported_breakdowns"
    )
    breakdown = models.ForeignKey(Breakdown, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["authority", "indicator", "breakdown"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "indicator", "breakdown"], name="reported_breakdown_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.authority.short_name}: {self.indicator} by {self.breakdown}"


class BreakdownValue(models.Model):
    """An indicator's figure for one group of a breakdown, for one council and period."""

    indicator = models.ForeignKey(
        "scorecards.Indicator", on_delete=models.PROTECT, related_name="breakdown_values"
    )
    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="breakdown_values"
    )
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    category = models.ForeignKey(BreakdownCategory, on_delete=models.PROTECT, related_name="+")
    numerator = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    reported_value = models.DecimalField(
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="The figure as the source printed it, where it gives no counts.",
    )
    source = models.CharField(max_length=300, blank=True)
    is_illustrative = models.BooleanField(
        default=False, help_text="Not from a real return: a stand-in for a figure not printed."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "authority", "period__start", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "authority", "period", "category"],
                name="breakdown_value_unique",
            ),
            *figure_constraints("breakdown"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} – {self.category} – {self.authority.short_name} {self.period}"

    @property
    def value(self) -> Decimal | None:
        """Worked out from the counts by the indicator's own formula, else as reported."""
        computed = self.indicator.value_from_counts(self.numerator, self.denominator)
        return computed if computed is not None else self.reported_value
