"""Committees, their members, meetings and agenda items."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from scrutiny.models.authorities import Authority

EXEMPT_PARAGRAPHS = [
    (1, "1. Information relating to any individual"),
    (2, "2. Information likely to reveal the identity of an individual"),
    (3, "3. Financial or business affairs of any particular person"),
    (4, "4. Consultations or negotiations on labour relations"),
    (5, "5. Legal professional privilege"),
    (6, "6. Notices, orders or directions under an enactment"),
    (7, "7. Prevention, investigation or prosecution of crime"),
]


class Committee(models.Model):
    """A scrutiny committee (overview and scrutiny, select committee) of a council."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="committees")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    remit = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)
    minutes_working_days = models.PositiveSmallIntegerField(
        "Draft minutes published within (working days)",
        default=10,
        help_text="The council's period for publishing draft minutes after a meeting.",
    )

    class Meta:
        db_table = "scrutiny_committee"
        ordering = ["authority", "name"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "slug"], name="committee_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "committees:committee_detail",
            kwargs={"authority": self.authority.slug, "slug": self.slug},
        )


class CommitteeMembership(models.Model):
    """A councillor's (or co-opted member's) seat on a committee, with their role."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chairman"
        VICE_CHAIR = "vice-chair", "Vice-Chairman"
        MEMBER = "member", "Member"
        CO_OPTED = "co-opted", "Co-opted member"
        SUBSTITUTE = "substitute", "Substitute"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committee_memberships",
    )
    councillor = models.ForeignKey(
        "committees.Councillor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="The person in the seat; set from the name when the seat is saved.",
    )
    name = models.CharField(max_length=120, help_text="As printed, e.g. 'Cllr Prue Bray'.")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        db_table = "scrutiny_committeemembership"
        ordering = ["committee", "role", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="membership_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class Meeting(models.Model):
    """A meeting of a committee, with its date, time and venue."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    agenda_published_at = models.DateTimeField(
        null=True, blank=True, help_text="When the agenda was opened to public inspection."
    )
    notes = models.TextField(blank=True, help_text="e.g. that a date is not from the papers.")
    late_reason = models.TextField(
        blank=True,
        help_text="Why the agenda was published fewer than five clear working days ahead.",
    )
    calendar_sequence = models.PositiveIntegerField(
        default=0, help_text="Rises with each published change, so calendars take the newest."
    )

    class Meta:
        db_table = "scrutiny_meeting"
        ordering = ["-date", "committee"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "date", "start_time"], name="meeting_unique_slot"
            )
        ]

    def __str__(self) -> str:
        return f"{self.committee} – {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse(
            "committees:meeting_detail",
            kwargs={"authority": self.committee.authority.slug, "pk": self.pk},
        )

    @property
    def is_published(self) -> bool:
        return self.agenda_published_at is not None

    @property
    def late_notice(self) -> str:
        """What the public reads of an agenda published late, wherever it is printed."""
        if not self.late_reason:
            return ""
        return (
            "This agenda was published fewer than five clear working days before the "
            f"meeting. The reason: {self.late_reason}"
        )


class AgendaItem(models.Model):
    """A numbered item on a meeting's agenda: a standing item or one carrying a report."""

    class Kind(models.TextChoices):
        APOLOGIES = "apologies", "Apologies for absence"
        MINUTES = "minutes", "Minutes of the previous meeting"
        DECLARATIONS = "declarations", "Declarations of interest"
        QUESTIONS = "questions", "Public and member questions"
        REPORT = "report", "Report"
        OTHER = "other", "Other business"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    public_title = models.CharField(
        max_length=300,
        blank=True,
        help_text="Shown to the public when the item is exempt; defaults to the title.",
    )
    kind = models.CharField(max_length=14, choices=Kind.choices, default=Kind.REPORT)
    wards = models.CharField(max_length=200, blank=True, default="None specific")
    description = models.TextField(blank=True)
    report = models.ForeignKey(
        "committees.Report",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    is_urgent = models.BooleanField(
        default=False, help_text="Taken as urgent business with the chair's agreement."
    )
    urgent_reason = models.TextField(blank=True)
    is_supplementary = models.BooleanField(
        default=False, help_text="Added after the agenda was published."
    )
    supplementary_reason = models.TextField(blank=True)
    is_exempt = models.BooleanField(
        default=False, help_text="Part 2: exempt information under Schedule 12A, LGA 1972."
    )
    exempt_paragraph = models.PositiveSmallIntegerField(
        choices=EXEMPT_PARAGRAPHS, null=True, blank=True
    )
    exempt_reason = models.TextField(
        blank=True, help_text="Why the public interest in keeping it exempt outweighs disclosure."
    )

    class Meta:
        db_table = "scrutiny_agendaitem"
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="agenda_item_unique_number"),
            models.CheckConstraint(
                condition=Q(is_exempt=False)
                | Q(
                    exempt_paragraph__isnull=False, exempt_paragraph__gte=1, exempt_paragraph__lte=7
                ),
                name="agenda_item_exempt_has_paragraph",
            ),
            models.CheckConstraint(
                condition=Q(is_urgent=False) | ~Q(urgent_reason=""),
                name="agenda_item_urgent_has_reason",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="agenda_item_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def title_for_public(self) -> str:
        """The title anyone may read. An exempt item's real title can identify a child, so
        without a public title of its own it is shown only as an exempt item."""
        if not self.is_exempt:
            return self.title
        return self.public_title or f"Exempt item (paragraph {self.exempt_paragraph})"
