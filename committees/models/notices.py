"""Public notices about a meeting: that it is cancelled or moved, published as they happen."""

from django.db import models

from committees.models.committees import Meeting


class MeetingNotice(models.Model):
    """A published change to a meeting: cancelled, or moved to another date, time or venue.

    Listed on the meeting page and in the committee's feed; each one raises the calendar
    event's SEQUENCE so subscribed calendars take the change.
    """

    class Kind(models.TextChoices):
        CANCELLED = "cancelled", "Meeting cancelled"
        MOVED = "moved", "Meeting moved"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField(help_text="The notice as the public reads it.")
    published_at = models.DateTimeField()

    class Meta:
        ordering = ["meeting", "-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.meeting}"
