"""A committee's work programme: its forward plan of items for future meetings."""

from django.db import models
from django.db.models import Q
from django.urls import reverse


class WorkProgrammeItem(models.Model):
    """An item the committee plans to consider: at a meeting already arranged, or in a month
    before the meeting is. The clerk puts it on that meeting's agenda in one step."""

    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.CASCADE, related_name="work_programme"
    )
    title = models.CharField(max_length=300)
    lead_officer = models.CharField(max_length=200, help_text="Who will bring the item.")
    purpose = models.TextField(help_text="Why the committee will consider it.")
    meeting = models.ForeignKey(
        "committees.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="planned_items",
    )
    planned_month = models.DateField(
        null=True, blank=True, help_text="The first day of the month, when no meeting is set."
    )
    agenda_item = models.OneToOneField(
        "committees.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_programme_item",
    )

    class Meta:
        db_table = "scrutiny_workprogrammeitem"
        ordering = ["committee", "planned_month", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(meeting__isnull=False) | Q(planned_month__isnull=False),
                name="work_programme_item_planned",
            ),
            models.CheckConstraint(
                condition=Q(planned_month__isnull=True) | Q(planned_month__day=1),
                name="work_programme_item_month_starts",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "committees:work_programme",
            kwargs={"authority": self.committee.authority.slug, "slug": self.committee.slug},
        )

    @property
    def planned_for(self):
        """The date it is planned for: its meeting's, else the first of its month."""
        return self.meeting.date if self.meeting_id else self.planned_month
