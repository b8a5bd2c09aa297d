"""What every council's filters share: an "any" yes-or-no select, and the council's teams."""

from django import forms

from .models import Team


def yes_no(any_label: str) -> forms.Select:
    # The default null-boolean select offers "Unknown", which reads as a value, not "any".
    return forms.Select(choices=[("", any_label), ("true", "Yes"), ("false", "No")])


def council_teams(request):
    return Team.objects.filter(authority=request.authority).order_by("name")
