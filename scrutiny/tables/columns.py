"""Columns shared by every app's tables."""

from decimal import Decimal

import django_tables2 as tables
from django.utils.html import format_html


class NumberColumn(tables.Column):
    """A right-aligned figure without trailing zeros. A blank stays blank: never shown as 0."""

    def __init__(self, *args, suffix: str = "", decimals: int | None = None, **kwargs):
        self.suffix = suffix
        self.decimals = decimals
        attrs = kwargs.pop("attrs", {})
        attrs.setdefault("th", {})["class"] = "govuk-table__header--numeric"
        attrs.setdefault("td", {})["class"] = "govuk-table__cell--numeric"
        kwargs.setdefault("default", "")
        super().__init__(*args, attrs=attrs, **kwargs)

    def render(self, value):
        if self.decimals is not None:
            value = f"{Decimal(value):.{self.decimals}f}"
        elif isinstance(value, Decimal):
            value = f"{value.normalize():f}"
        return f"{value}{self.suffix}"


class LinkColumn(tables.Column):
    """A column whose cell links to the row's page, styled as a GOV.UK link."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("linkify", lambda record: record.get_absolute_url())
        attrs = kwargs.pop("attrs", {})
        attrs.setdefault("a", {})["class"] = "govuk-link"
        super().__init__(*args, attrs=attrs, **kwargs)


class TagColumn(tables.Column):
    """A status shown as a GOV.UK tag carrying its word, so colour is never the only cue.

    ``colours`` maps the stored value to a GOV.UK tag colour; the cell shows the display
    text (``get_FOO_display``) inside the tag.
    """

    colours = {"red": "red", "amber": "orange", "green": "green"}

    def __init__(self, *args, colours: dict | None = None, **kwargs):
        if colours is not None:
            self.colours = colours
        super().__init__(*args, **kwargs)

    def render(self, value, record, bound_column):
        raw = getattr(record, bound_column.accessor.split(".")[-1], value)
        colour = self.colours.get(str(raw), "grey")
        return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, value)
