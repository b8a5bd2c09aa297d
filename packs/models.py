"""Agenda packs and report PDFs: the render jobs that build them and each council's letter."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from committees.models import Meeting, Report
from scrutiny.models import Authority


class RenderJob(models.Model):
    """One request to build a PDF (an agenda pack or a report), its progress and its file.

    The file lives under MEDIA_ROOT/packs/ named by the hash of what went into it, and is
    only ever served through the permission-checking download view.
    """

    class Kind(models.TextChoices):
        PUBLIC_PACK = "public", "Public agenda pack"
        CONFIDENTIAL_PACK = "confidential", "Confidential agenda pack"
        SUPPLEMENTARY_PACK = "supplementary", "Supplementary agenda pack"
        REPORT_PDF = "report", "Report PDF"

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Building"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="render_jobs")
    kind = models.CharField(max_length=14, choices=Kind.choices)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="render_jobs"
    )
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, null=True, blank=True, related_name="render_jobs"
    )
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    input_hash = models.CharField(
        max_length=64, help_text="SHA-256 of the document source and renderer version."
    )
    pages_done = models.PositiveIntegerField(default=0, help_text="Pages laid out so far.")
    pages_total = models.PositiveIntegerField(
        default=0, help_text="Pages expected (from the last build), or the final count when done."
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    output = models.CharField(
        max_length=200, blank=True, help_text="The PDF's path below MEDIA_ROOT."
    )
    size = models.PositiveIntegerField(default=0, help_text="Bytes.")
    filename = models.CharField(max_length=200, help_text="The name the download is saved as.")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="Last sign of life from the worker building it."
    )

    class Meta:
        db_table = "scrutiny_renderjob"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["kind", "meeting", "report", "-created_at"], name="render_job_target"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="report") & Q(report__isnull=False) & Q(meeting__isnull=True))
                | (~Q(kind="report") & Q(meeting__isnull=False) & Q(report__isnull=True)),
                name="render_job_has_its_target",
            ),
            models.CheckConstraint(
                condition=~Q(state="done") | ~Q(output=""), name="render_job_done_has_file"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} ({self.get_state_display()})"

    @property
    def target(self) -> Meeting | Report:
        return self.report if self.kind == self.Kind.REPORT_PDF else self.meeting

    @property
    def is_active(self) -> bool:
        return self.state in {self.State.QUEUED, self.State.RUNNING}

    @property
    def is_stalled(self) -> bool:
        """Running, but its worker has not been heard from for longer than it ever pauses
        (it reports at least every second or so while it lays out, joins and writes)."""
        from django.utils import timezone

        if self.state != self.State.RUNNING or self.heartbeat_at is None:
            return False
        silent = (timezone.now() - self.heartbeat_at).total_seconds()
        return silent > settings.PACK_STALE_AFTER

    @property
    def was_restarted(self) -> bool:
        """Waiting or building again after the worker that had it stopped."""
        queued_again = self.state == self.State.QUEUED and self.attempts > 0
        return self.is_active and (self.attempts > 1 or queued_again)

    @property
    def percent(self) -> int:
        """How far along, 0-100; never 100 until the file is written."""
        if self.state == self.State.DONE:
            return 100
        if not self.pages_total:
            return 0
        return min(99, round(100 * self.pages_done / self.pages_total))

    @property
    def seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None


class CoverLetter(models.Model):
    """A council's cover letter for agenda packs, as its clerks word it.

    Plain text only; ``{committee}``, ``{date}``, ``{time}`` and ``{venue}`` are filled in
    for each meeting. The agenda (or the list of enclosed items) follows the letter.
    """

    authority = models.OneToOneField(
        Authority, on_delete=models.CASCADE, related_name="cover_letter"
    )
    addressee = models.CharField(max_length=120, default="All Committee Members")
    pack_text = models.TextField(
        "Letter for the agenda pack",
        default=(
            "You are invited to attend the meeting of the {committee} on {date} at {time} "
            "in {venue}. The agenda and reports for the meeting are enclosed."
        ),
    )
    supplementary_text = models.TextField(
        "Letter for a supplementary pack",
        default=(
            "I am now able to enclose, for consideration at the {date} meeting of the "
            "{committee}, the following reports that were not available when the agenda "
            "was published."
        ),
    )
    sign_off = models.CharField(max_length=60, default="Yours sincerely")
    signatory = models.CharField(
        max_length=120, blank=True, help_text="Leave empty to use the council's chief executive."
    )
    signatory_title = models.CharField(max_length=120, default="Chief Executive")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        db_table = "scrutiny_coverletter"

    def __str__(self) -> str:
        return f"Cover letter of {self.authority}"
