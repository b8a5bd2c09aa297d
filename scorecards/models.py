"""Indicators, their values per council and period, targets, comparators, practice scorecards."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from scrutiny.models import Authority, Period, Region

from .constraints import figure_constraints

# Paths below /<council>/scorecards/ that are pages, not indicator codes.
RESERVED_CODES = frozenset({"practice", "catalogue", "targets", "local"})


def validate_indicator_code(code: str) -> None:
    if code in RESERVED_CODES:
        raise ValidationError(f"“{code}” is the address of another page; choose another code.")


class IndicatorManager(models.Manager):
    def get_by_natural_key(self, code: str) -> Indicator:
        return self.get(code=code)


class Indicator(models.Model):
    """A measure councils report, with its definition, unit, polarity and basis."""

    class Area(models.TextChoices):
        WORKFORCE = "workforce", "Workforce"
        FRONT_DOOR = "front-door", "Contacts, referrals and assessments"
        CHILD_PROTECTION = "child-protection", "Child protection"
        LOOKED_AFTER = "looked-after", "Looked-after children and care leavers"
        EARLY_HELP = "early-help", "Early help"
        PRACTICE = "practice", "Practice quality"
        YOUTH_JUSTICE = "youth-justice", "Youth justice"

    class Unit(models.TextChoices):
        PERCENT = "percent", "Per cent"
        COUNT = "count", "Count"
        RATE = "rate", "Rate per 10,000 children"
        AVERAGE = "average", "Average"
        DAYS = "days", "Days"
        SCORE = "score", "Score"

    # What a value counted as numerator over denominator is multiplied by, by unit: a
    # percentage by 100, a rate per 10,000 children by 10,000; any other unit (an average
    # of days, a score) is the plain ratio.
    SCALE = {Unit.PERCENT: 100, Unit.RATE: 10_000}

    class Polarity(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"
        NEITHER = "neither", "Neither higher nor lower is better"
        CLOSE = "close", "Close to target is best"

    class Coverage(models.TextChoices):
        """The time a figure covers: what used to be typed as free text in ``basis``."""

        SNAPSHOT = "snapshot", "Snapshot at a date"
        QUARTER = "quarter", "The quarter"
        YEAR_TO_DATE = "year-to-date", "Year to date"
        ROLLING_12 = "rolling-12", "Rolling 12 months"
        FINANCIAL_YEAR = "financial-year", "Financial year"

    code = models.SlugField(max_length=60, unique=True, validators=[validate_indicator_code])
    name = models.CharField(max_length=200)
    definition = models.TextField()
    area = models.CharField(max_length=20, choices=Area.choices)
    unit = models.CharField(max_length=8, choices=Unit.choices)
    polarity = models.CharField(max_length=8, choices=Polarity.choices)
    decimals = models.PositiveSmallIntegerField(default=1)
    basis = models.CharField(
        max_length=200,
        blank=True,
        help_text="A note on the basis beyond its coverage (kept as typed where it named none).",
    )
    coverage = models.CharField(max_length=16, choices=Coverage.choices, blank=True)
    source = models.CharField(max_length=300, blank=True)
    is_local = models.BooleanField(
        default=False, help_text="A council's own measure rather than a national one."
    )
    owner = models.ForeignKey(
        Authority,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="local_indicators",
        help_text="For a local measure, the council that set it.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    # Known by its code: a backup names indicators so, and a restore into a fresh install
    # (which the migrations gave the national catalogue) updates those rows, not adds them.
    objects = IndicatorManager()

    class Meta:
        ordering = ["area", "order", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(decimals__lte=4), name="indicator_decimals_0_4"),
            models.CheckConstraint(
                condition=Q(is_local=True) | Q(owner__isnull=True),
                name="indicator_owner_only_if_local",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.code,)

    @property
    def multiplier(self) -> int:
        """What the unit multiplies numerator / denominator by: 100, 10,000 or 1."""
        return self.SCALE.get(self.unit, 1)

    def value_from_counts(self, numerator, denominator) -> Decimal | None:
        """The value counted as ``numerator`` of ``denominator`` (None without both, or with
        a denominator of 0), scaled by the unit: the one formula every surface uses."""
        if numerator is None or not denominator:
            return None
        return Decimal(numerator) * self.multiplier / Decimal(denominator)


class IndicatorValue(models.Model):
    """An indicator's figure for one council and period: raw counts where known, or as reported."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="indicator_values"
    )
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    numerator = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    reported_value = models.DecimalField(
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="The figure as the source printed it, where it gives no counts.",
    )
    as_at = models.DateField(null=True, blank=True)
    basis = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=300, blank=True)
    commentary = models.TextField(blank=True)
    is_illustrative = models.BooleanField(
        default=False, help_text="Not from a real return: a stand-in for a figure not printed."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "authority", "period__start"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "authority", "period"], name="indicator_value_unique"
            ),
            *figure_constraints("indicator"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} – {self.authority.short_name} {self.period}"

    @property
    def computed_value(self) -> Decimal | None:
        return self.indicator.value_from_counts(self.numerator, self.denominator)

    @property
    def value(self) -> Decimal | None:
        computed = self.computed_value
        return computed if computed is not None else self.reported_value


class Target(models.Model):
    """A council's target for an indicator in a financial year, with its tolerance band."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="targets")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(max_digits=12, decimal_places=4)
    tolerance = models.DecimalField(
        max_digits=12,
        decimal_places=4,
        default=0,
        help_text="How far on the wrong side of target is still Amber rather than Red.",
    )
    band = models.DecimalField(
        max_digits=12,
        decimal_places=4,
        default=0,
        help_text="For a close-to-target indicator: how far either side of target is Green.",
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["indicator", "authority", "period__start"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "authority", "period"], name="target_unique"
            ),
            models.CheckConstraint(condition=Q(tolerance__gte=0), name="target_tolerance_positive"),
            models.CheckConstraint(condition=Q(band__gte=0), name="target_band_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.period})"


class ReportedIndicator(models.Model):
    """A catalogue indicator a council has chosen to report: it is on the council's return."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="reported_indicators"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="reporters")

    class Meta:
        ordering = ["authority", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "indicator"], name="reported_indicator_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.authority.short_name}: {self.indicator}"


class ComparatorValue(models.Model):
    """A benchmark for an indicator: England, a region, or a council's statistical neighbours."""

    class Kind(models.TextChoices):
        ENGLAND = "england", "England"
        REGION = "region", "Region"
        NEIGHBOURS = "neighbours", "Statistical neighbours"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="comparators")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    region = models.CharField(max_length=20, choices=Region.choices, blank=True)
    authority = models.ForeignKey(
        Authority,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="For a neighbour average, whose neighbours.",
    )
    value = models.DecimalField(max_digits=12, decimal_places=4)
    basis = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["indicator", "period__start", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "kind", "region", "authority"],
                name="comparator_unique",
            ),
            models.CheckConstraint(
                condition=Q(kind="england", region="", authority__isnull=True)
                | (Q(kind="region", authority__isnull=True) & ~Q(region=""))
                | Q(kind="neighbours", authority__isnull=False),
                name="comparator_fields_fit_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.indicator} {self.period}: {self.value}"


class PracticeScorecard(models.Model):
    """A practice-quality audit scorecard (e.g. the Signs of Safety score card over 7 aspects)."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="practice_scorecards"
    )
    name = models.CharField(max_length=200)
    framework = models.CharField(max_length=120, blank=True)
    scale_min = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    scale_max = models.DecimalField(max_digits=5, decimal_places=2, default=10)

    class Meta:
        ordering = ["authority", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_max__gt=models.F("scale_min")), name="scorecard_scale_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.name


class PracticeAspect(models.Model):
    """One aspect of practice a scorecard measures."""

    scorecard = models.ForeignKey(
        PracticeScorecard, on_delete=models.CASCADE, related_name="aspects"
    )
    order = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)
    is_illustrative = models.BooleanField(
        default=False, help_text="The name is a stand-in: the source does not give it."
    )

    class Meta:
        ordering = ["scorecard", "order"]
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "order"], name="aspect_unique_order")
        ]

    def __str__(self) -> str:
        return self.name


class PracticeScore(models.Model):
    """An aspect's average audit score at one scoring round."""

    aspect = models.ForeignKey(PracticeAspect, on_delete=models.CASCADE, related_name="scores")
    assessed_on = models.DateField()
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    score = models.DecimalField(max_digits=5, decimal_places=2)
    cases_audited = models.PositiveIntegerField(null=True, blank=True)
    is_illustrative = models.BooleanField(
        default=False, help_text="Not from a real return: a stand-in for a figure not printed."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["aspect", "assessed_on"]
        constraints = [
            models.UniqueConstraint(fields=["aspect", "assessed_on"], name="score_once_per_round"),
            models.CheckConstraint(condition=Q(score__gte=0), name="score_non_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.aspect}: {self.score} ({self.assessed_on})"


# Breakdowns live in their own module; imported here so Django finds their models.
from .breakdowns.models import (  # noqa: E402, F401
    Breakdown,
    BreakdownCategory,
    BreakdownValue,
    ReportedBreakdown,
)
