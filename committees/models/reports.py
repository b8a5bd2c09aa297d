"""Committee reports: the standard cover sheet, financial implications and ordered sections."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse

from committees.models.committees import EXEMPT_PARAGRAPHS, Committee
from scrutiny.models.authorities import Authority
from scrutiny.sanitize import narrative_too_big


class ReportQuerySet(models.QuerySet):
    """Reports, with the one rule of whether a version has been replaced."""

    def with_replacement(self):
        """Each report with ``replaced_by_version``: the number of the published version that
        corrects it, or None. A version is replaced once its correction is published (a
        correction still in draft replaces nothing); every surface listing reports asks this."""
        newer = Report.objects.filter(supersedes=OuterRef("pk"), status=Report.Status.PUBLISHED)
        return self.annotate(replaced_by_version=Subquery(newer.values("version")[:1]))

    def current(self):
        """Only the versions nothing has replaced (what a search engine is offered)."""
        return self.with_replacement().filter(replaced_by_version__isnull=True)


class Report(models.Model):
    """A report to a committee, with the council's standard cover sheet."""

    class Kind(models.TextChoices):
        COMMITTEE = "committee", "Committee report"
        ANNUAL_REVIEW = "annual-review", "Annual review"
        PROGRESS = "progress", "Progress report"
        BULLETIN = "bulletin", "Director's bulletin"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Awaiting approval"
        APPROVED = "approved", "Approved"
        PUBLISHED = "published", "Published"
        WITHDRAWN = "withdrawn", "Withdrawn"

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="reports")
    committee = models.ForeignKey(
        Committee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        help_text="For consideration by.",
    )
    kind = models.CharField(max_length=14, choices=Kind.choices, default=Kind.COMMITTEE)
    title = models.CharField(max_length=300)
    ward = models.CharField(max_length=200, blank=True, default="None specific")
    director = models.CharField(max_length=200, blank=True)
    outcome_benefits = models.TextField("Outcome / benefits to the community", blank=True)
    recommendation = models.TextField(blank=True)
    summary = models.TextField("Summary of report", blank=True)
    financial_context = models.TextField(
        blank=True, help_text="The council's standard statement above the financial table."
    )
    other_financial_information = models.TextField(blank=True)
    cross_council_implications = models.TextField(blank=True)
    part2_reasons = models.TextField("Reasons for considering the report in Part 2", blank=True)
    contact_name = models.CharField(max_length=120, blank=True)
    contact_service = models.CharField(max_length=120, blank=True)
    contact_telephone = models.CharField(max_length=40, blank=True)
    contact_email = models.EmailField(blank=True)
    report_date = models.DateField(null=True, blank=True)
    version = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    is_exempt = models.BooleanField(default=False)
    exempt_paragraph = models.PositiveSmallIntegerField(
        choices=EXEMPT_PARAGRAPHS, null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(null=True, blank=True)
    supersedes = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        help_text="The earlier published version this one corrects.",
    )
    change_note = models.TextField(blank=True, help_text="What changed from the earlier version.")

    objects = ReportQuerySet.as_manager()

    class Meta:
        db_table = "scrutiny_report"
        ordering = ["-report_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_exempt=False)
                | Q(
                    exempt_paragraph__isnull=False, exempt_paragraph__gte=1, exempt_paragraph__lte=7
                ),
                name="report_exempt_has_paragraph",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="report_published_has_time",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="report_version_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "committees:report_detail", kwargs={"authority": self.authority.slug, "pk": self.pk}
        )

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def replaced_label(self) -> str:
        """'replaced by version 2' for a version read ``with_replacement`` and replaced."""
        version = getattr(self, "replaced_by_version", None)
        return f"replaced by version {version}" if version else ""


class FinancialImplication(models.Model):
    """One year's row of a report's financial implications table (years 1-3)."""

    class Funding(models.TextChoices):
        REVENUE = "revenue", "Revenue"
        CAPITAL = "capital", "Capital"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="financial_rows")
    year = models.PositiveSmallIntegerField(
        choices=[
            (1, "Current Financial Year (Year 1)"),
            (2, "Next Financial Year (Year 2)"),
            (3, "Following Financial Year (Year 3)"),
        ]
    )
    cost = models.DecimalField(
        "Cost / (saving) £",
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        help_text="A saving is negative.",
    )
    funding_sufficient = models.BooleanField(null=True, blank=True)
    shortfall = models.CharField(max_length=200, blank=True)
    revenue_or_capital = models.CharField(max_length=8, choices=Funding.choices, blank=True)

    class Meta:
        db_table = "scrutiny_financialimplication"
        ordering = ["report", "year"]
        constraints = [
            models.UniqueConstraint(fields=["report", "year"], name="financial_row_unique_year"),
            models.CheckConstraint(
                condition=Q(year__gte=1, year__lte=3), name="financial_year_1_3"
            ),
        ]

    def __str__(self) -> str:
        return self.get_year_display()


class ReportSection(models.Model):
    """An ordered part of a report: narrative text, or a data block drawn from stored figures."""

    class Kind(models.TextChoices):
        NARRATIVE = "narrative", "Narrative"
        DATA = "data", "Data block"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField()
    heading = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NARRATIVE)
    text = models.TextField(
        blank=True,
        help_text="What the author typed (paragraphs, '## ' headings, '- ' lists, links); "
        "the body is made from it.",
    )
    body = models.TextField(blank=True, help_text="Sanitised HTML for narrative sections.")
    block_type = models.CharField(max_length=40, blank=True)
    block_params = models.JSONField(default=dict, blank=True)
    frozen_data = models.JSONField(
        null=True, blank=True, help_text="The block's figures as at publication."
    )
    frozen_at = models.DateTimeField(null=True, blank=True)
    is_exempt = models.BooleanField(
        "Exempt appendix",
        default=False,
        help_text="Part 2: this section alone is exempt; the rest of the report is open.",
    )
    exempt_paragraph = models.PositiveSmallIntegerField(
        choices=EXEMPT_PARAGRAPHS, null=True, blank=True
    )

    class Meta:
        db_table = "scrutiny_reportsection"
        ordering = ["report", "order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "order"], name="section_unique_order"),
            models.CheckConstraint(
                condition=Q(kind="narrative") | ~Q(block_type=""), name="data_section_has_block"
            ),
            models.CheckConstraint(
                condition=Q(is_exempt=False)
                | Q(
                    exempt_paragraph__isnull=False, exempt_paragraph__gte=1, exempt_paragraph__lte=7
                ),
                name="section_exempt_has_paragraph",
            ),
        ]

    def __str__(self) -> str:
        return self.heading or f"Section {self.order}"

    def clean(self):
        """Refuse (in the admin, which edits the HTML itself) a body too big to show."""
        if self.kind == self.Kind.NARRATIVE and (message := narrative_too_big(self.body)):
            raise ValidationError({"body": message})


class BackgroundPaper(models.Model):
    """A background paper listed at the end of a report, and where it can be viewed."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="background_papers")
    order = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=300)
    location = models.CharField(max_length=500, blank=True, help_text="Where it can be viewed.")

    class Meta:
        db_table = "scrutiny_backgroundpaper"
        ordering = ["report", "order"]

    def __str__(self) -> str:
        return self.title
