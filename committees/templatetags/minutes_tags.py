"""The minutes panel on a meeting's page."""

from django import template

from committees.selectors.minutes import minutes_panel
from scrutiny.permissions import can_write_minutes

register = template.Library()


@register.inclusion_tag("committees/minutes/_meeting_panel.html", takes_context=True)
def minutes_panel_for(context, meeting):
    """This meeting's minutes and the previous meeting's, as the reader may see them."""
    user = context["request"].user
    authority = meeting.committee.authority
    return {
        "meeting": meeting,
        "authority": authority,
        "panel": minutes_panel(user, meeting),
        "may_write": can_write_minutes(user, authority),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("committees/minutes/_previous_link.html", takes_context=True)
def previous_minutes_link(context, meeting):
    """On the "Minutes of the previous meeting" item: the link to those minutes."""
    panel = minutes_panel(context["request"].user, meeting)
    return {"panel": panel, "authority": meeting.committee.authority}
