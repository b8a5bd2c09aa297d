"""Illustrative minutes for one seed meeting, so the demo shows minutes, their PDF and the
minutes panel. The seed papers hold no minutes: these are written for the demonstration,
marked "Illustrative" wherever they are shown, and record no attendance or declarations
(those would put words in real councillors' mouths)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from committees.models import AgendaItem, Meeting, MinuteEntry, Minutes

MEETING = ("wokingham", dt.date(2015, 7, 21))

TEXTS = {
    AgendaItem.Kind.APOLOGIES: ("Illustrative: apologies for absence were received.", ""),
    AgendaItem.Kind.DECLARATIONS: ("Illustrative: there were no declarations of interest.", ""),
    AgendaItem.Kind.MINUTES: (
        "",
        "Illustrative: that the minutes of the previous meeting be confirmed as a correct "
        "record and signed by the Chairman.",
    ),
}
DEFAULT = (
    "Illustrative: the committee considered the item and asked officers questions about it.",
    "Illustrative: that the item be noted.",
)


def load_illustrative_minutes() -> Minutes | None:
    """Published minutes, marked illustrative, for the 21 July 2015 Wokingham meeting."""
    slug, date = MEETING
    meeting = Meeting.objects.filter(committee__authority__slug=slug, date=date).first()
    if meeting is None:
        return None
    published = timezone.make_aware(dt.datetime.combine(date + dt.timedelta(days=7), dt.time(9)))
    minutes, _ = Minutes.objects.update_or_create(
        meeting=meeting,
        defaults={
            "status": Minutes.Status.PUBLISHED,
            "published_at": published,
            "is_illustrative": True,
        },
    )
    for item in meeting.items.all():
        discussion, resolved = TEXTS.get(item.kind, DEFAULT)
        MinuteEntry.objects.update_or_create(
            agenda_item=item,
            defaults={"minutes": minutes, "discussion": discussion, "resolved": resolved},
        )
    return minutes
