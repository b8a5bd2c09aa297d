"""What happened at a meeting: who attended (with apologies and substitutes), the interests
declared, and the minutes of each item, from draft to confirmed as a correct record."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from committees.models.committees import AgendaItem, Meeting
from committees.models.councillors import Councillor
from committees.models.recommendations import Recommendation


class Attendance(models.Model):
    """One member's attendance at a meeting, and who (if anyone) substituted for them."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    councillor = models.ForeignKey(Councillor, on_delete=models.PROTECT, related_name="attendances")
    status = models.CharField(max_length=10, choices=Status.choices)
    substitute = models.ForeignKey(
        Councillor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="substitutions",
        help_text="The councillor who attended in the member's place.",
    )

    class Meta:
        ordering = ["meeting", "councillor__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "councillor"], name="attendance_once_per_meeting"
            ),
            models.CheckConstraint(
                condition=Q(substitute__isnull=True) | ~Q(status="present"),
                name="attendance_substitute_only_when_away",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.councillor} – {self.get_status_display()}"


class Declaration(models.Model):
    """An interest a councillor declared in an agenda item at the meeting."""

    class Kind(models.TextChoices):
        DISCLOSABLE_PECUNIARY = "dpi", "Disclosable pecuniary interest"
        OTHER_REGISTRABLE = "other-registrable", "Other registrable interest"
        NON_REGISTRABLE = "non-registrable", "Non-registrable interest"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    councillor = models.ForeignKey(
        Councillor, on_delete=models.PROTECT, related_name="declarations"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="declarations"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField()

    class Meta:
        ordering = ["meeting", "agenda_item__number", "councillor__name"]

    def __str__(self) -> str:
        return f"{self.councillor}: {self.get_kind_display()}"


class Minutes(models.Model):
    """A meeting's minutes: drafted by the clerk, published as draft minutes, and confirmed as
    a correct record at the committee's next meeting."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft, not published"
        PUBLISHED = "published", "Draft minutes, published"
        CONFIRMED = "confirmed", "Confirmed as a correct record"

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    is_illustrative = models.BooleanField(
        default=False, help_text="Written for the demonstration, not the council's record."
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at_meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="confirmed_minutes",
        help_text="The next meeting of the committee, which confirmed them.",
    )

    class Meta:
        verbose_name_plural = "minutes"
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="minutes_published_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(confirmed_at_meeting__isnull=False),
                name="minutes_confirmed_has_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"Minutes of {self.meeting}"

    def get_absolute_url(self) -> str:
        return reverse(
            "committees:minutes_detail",
            kwargs={"authority": self.meeting.committee.authority.slug, "pk": self.meeting_id},
        )

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT


class MinuteEntry(models.Model):
    """The minutes of one agenda item: what was discussed and what the committee resolved."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="entries")
    agenda_item = models.OneToOneField(
        AgendaItem, on_delete=models.CASCADE, related_name="minute_entry"
    )
    discussion = models.TextField(blank=True)
    resolved = models.TextField(blank=True, help_text="What the committee resolved.")
    recommended = models.TextField(
        "Recommendations",
        blank=True,
        help_text="The recommendations the committee made, one a line.",
    )

    class Meta:
        verbose_name_plural = "minute entries"
        ordering = ["minutes", "agenda_item__number"]

    def __str__(self) -> str:
        return f"Minutes of item {self.agenda_item.number}"

    @property
    def recommendation_lines(self) -> list[str]:
        return [line.strip() for line in self.recommended.splitlines() if line.strip()]


class MinuteRecommendation(models.Model):
    """The tracker's recommendation made by the nth line of an item's minutes: the key that
    makes a re-save update it rather than add it again."""

    entry = models.ForeignKey(MinuteEntry, on_delete=models.CASCADE, related_name="tracked")
    line = models.PositiveSmallIntegerField()
    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.CASCADE, related_name="minute_link"
    )

    class Meta:
        ordering = ["entry", "line"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "line"], name="minute_recommendation_once")
        ]

    def __str__(self) -> str:
        return f"{self.entry}, recommendation {self.line}"
