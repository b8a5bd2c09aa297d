"""Workforce: staffing by role, starters and leavers, caseloads, training."""

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from scrutiny.formatting import figure, round_half_up
from scrutiny.models import Authority, Period, Team

NON_NEGATIVE = "non_negative"


class Basis(models.TextChoices):
    FTE = "fte", "Full-time equivalent (FTE)"
    HEADCOUNT = "headcount", "Headcount"


class Role(models.Model):
    """A kind of post counted in workforce returns (social worker, first line manager, ...).

    The national staff groups have no ``owner``; a job title a council added for its own
    return names that council, and only it is offered it."""

    name = models.CharField(max_length=120, unique=True)
    is_qualified_social_work = models.BooleanField(default=True)
    is_case_holding = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=0)
    owner = models.ForeignKey(
        Authority,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="own_roles",
        help_text="For a job title a council added, that council.",
    )

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ReportedRole(models.Model):
    """A staff group a council counts on its workforce return. A council that has chosen
    none counts the national staff groups."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="reported_roles"
    )
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="reporters")

    class Meta:
        ordering = ["authority", "role__order", "role__name"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "role"], name="reported_role_unique")
        ]

    def __str__(self) -> str:
        return f"{self.authority.short_name}: {self.role}"


def _pct(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return round_half_up(Decimal(part) * 100 / Decimal(whole), 1)


class StaffingFigure(models.Model):
    """Posts in one role at a snapshot date: permanent, agency and vacant, on a stated basis."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="staffing")
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="figures")
    as_at = models.DateField(help_text="Snapshot date.")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    basis = models.CharField(max_length=10, choices=Basis.choices, default=Basis.HEADCOUNT)
    total_reported = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The total as the return gave it; checked against permanent + agency.",
    )
    permanent = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    agency = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    vacancies = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    reported_percent_permanent = models.DecimalField(
        "% permanent as printed",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Only to check the source's own arithmetic; the page shows the computed one.",
    )
    note = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["authority", "-as_at", "role__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "role", "as_at", "basis"], name="staffing_unique"
            ),
            models.CheckConstraint(
                condition=(Q(total_reported__gte=0) | Q(total_reported__isnull=True))
                & (Q(permanent__gte=0) | Q(permanent__isnull=True))
                & (Q(agency__gte=0) | Q(agency__isnull=True))
                & (Q(vacancies__gte=0) | Q(vacancies__isnull=True)),
                name="staffing_non_negative",
            ),
            models.CheckConstraint(
                condition=Q(reported_percent_permanent__isnull=True)
                | Q(reported_percent_permanent__gte=0, reported_percent_permanent__lte=100),
                name="staffing_printed_percent_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} at {self.as_at:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse(
            "workforce:staffing_detail", kwargs={"authority": self.authority.slug, "pk": self.pk}
        )

    @property
    def in_post(self) -> Decimal | None:
        if self.permanent is None or self.agency is None:
            return None
        return self.permanent + self.agency

    @property
    def percent_permanent(self) -> Decimal | None:
        return _pct(self.permanent, self.in_post)

    @property
    def agency_rate(self) -> Decimal | None:
        return _pct(self.agency, self.in_post)

    @property
    def vacancy_rate(self) -> Decimal | None:
        if self.vacancies is None or self.in_post is None:
            return None
        return _pct(self.vacancies, self.vacancies + self.in_post)

    @property
    def problems(self) -> list[str]:
        """Inconsistencies a reader should see, worded for them."""
        found = []
        if (
            self.total_reported is not None
            and self.in_post is not None
            and self.in_post != self.total_reported
        ):
            found.append(
                f"Permanent ({figure(self.permanent)}) + agency ({figure(self.agency)}) = "
                f"{figure(self.in_post)}, but the total given is {figure(self.total_reported)}."
            )
        printed, computed = self.reported_percent_permanent, self.percent_permanent
        # Papers print whole percentages: only a difference after rounding is a problem.
        if printed is not None and computed is not None:
            places = max(0, -printed.normalize().as_tuple().exponent)
            if round_half_up(computed, places) != printed:
                found.append(
                    f"The paper prints {figure(printed)}% permanent, but {figure(self.permanent)}"
                    f" of {figure(self.in_post)} is {computed}%."
                )
        return found


class StaffMovement(models.Model):
    """Starters and leavers in a staff group over a stated span of time."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="movements")
    staff_group = models.CharField(max_length=200)
    date_from = models.DateField()
    date_to = models.DateField()
    starters = models.PositiveIntegerField(null=True, blank=True)
    leavers = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["authority", "-date_to"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_to__gte=models.F("date_from")), name="movement_dates_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"{self.staff_group}, {self.date_from:%B %Y} to {self.date_to:%B %Y}"

    @property
    def net_change(self) -> int | None:
        if self.starters is None or self.leavers is None:
            return None
        return self.starters - self.leavers

    @property
    def leavers_without_reason(self) -> int | None:
        if self.leavers is None:
            return None
        return self.leavers - sum(r.count for r in self.leaver_reasons.all())


class LeaverReason(models.Model):
    """How many of a movement's leavers left for one reason."""

    movement = models.ForeignKey(
        StaffMovement, on_delete=models.CASCADE, related_name="leaver_reasons"
    )
    order = models.PositiveSmallIntegerField(default=1)
    reason = models.CharField(max_length=200)
    count = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["movement", "order"]
        constraints = [
            models.UniqueConstraint(fields=["movement", "reason"], name="leaver_reason_once")
        ]

    def __str__(self) -> str:
        return f"{self.reason}: {self.count}"


class Caseload(models.Model):
    """Cases held by a team's case-holding workers at a snapshot, or the average as reported."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="caseloads")
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="caseloads"
    )
    service = models.CharField(
        max_length=200, blank=True, help_text="The service, where figures are not by team."
    )
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    as_at = models.DateField(null=True, blank=True)
    cases_held = models.PositiveIntegerField(null=True, blank=True)
    case_holding_fte = models.DecimalField(
        "FTE holding cases", max_digits=6, decimal_places=2, null=True, blank=True
    )
    reported_average = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Only where the source gives the average without the counts.",
    )
    source = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["authority", "-period__start", "service"]
        constraints = [
            models.CheckConstraint(
                condition=Q(team__isnull=False) | ~Q(service=""),
                name="caseload_has_team_or_service",
            ),
            models.CheckConstraint(
                condition=Q(case_holding_fte__gte=0) | Q(case_holding_fte__isnull=True),
                name="caseload_fte_non_negative",
            ),
            models.CheckConstraint(
                condition=Q(reported_average__gte=0) | Q(reported_average__isnull=True),
                name="caseload_average_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team or self.service} ({self.period})"

    @property
    def label(self) -> str:
        return str(self.team) if self.team_id else self.service

    @property
    def average(self) -> Decimal | None:
        if self.cases_held is not None and self.case_holding_fte:
            return round_half_up(Decimal(self.cases_held) / self.case_holding_fte, 2)
        return self.reported_average


class TrainingCourse(models.Model):
    """A training course staff complete (e.g. Signs of Safety 2-day basic)."""

    name = models.CharField(max_length=200, unique=True)
    framework = models.CharField(max_length=120, blank=True)
    duration_days = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["framework", "name"]

    def __str__(self) -> str:
        return self.name


class TrainingCompletion(models.Model):
    """How many staff completed a course over a span (and how many more are planned)."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="training_completions"
    )
    course = models.ForeignKey(TrainingCourse, on_delete=models.PROTECT, related_name="completions")
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    date_from = models.DateField(null=True, blank=True)
    date_to = models.DateField(null=True, blank=True)
    staff_group = models.CharField(max_length=200, blank=True)
    completed = models.PositiveIntegerField()
    planned = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["authority", "course", "date_to"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_from__isnull=True)
                | Q(date_to__isnull=True)
                | Q(date_to__gte=models.F("date_from")),
                name="training_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.course}: {self.completed}"


class TrainingCoverage(models.Model):
    """The share of staff who have completed a course, at a date."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="training_coverage"
    )
    course = models.ForeignKey(TrainingCourse, on_delete=models.PROTECT, related_name="coverage")
    as_at = models.DateField()
    staff_group = models.CharField(max_length=200, blank=True)
    staff_trained = models.PositiveIntegerField(null=True, blank=True)
    staff_in_scope = models.PositiveIntegerField(null=True, blank=True)
    reported_percent = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Only where the source gives the share without the counts.",
    )
    note = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["authority", "course", "-as_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reported_percent__isnull=True)
                | Q(reported_percent__gte=0, reported_percent__lte=100),
                name="coverage_percent_0_100",
            ),
            models.CheckConstraint(
                condition=Q(staff_trained__isnull=True)
                | Q(staff_in_scope__isnull=True)
                | Q(staff_trained__lte=models.F("staff_in_scope")),
                name="coverage_trained_within_scope",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} at {self.as_at}"

    @property
    def percent(self) -> Decimal | None:
        if self.staff_trained is not None and self.staff_in_scope:
            return _pct(Decimal(self.staff_trained), Decimal(self.staff_in_scope))
        return self.reported_percent
