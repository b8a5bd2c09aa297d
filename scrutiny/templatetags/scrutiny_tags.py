"""Template filters shared by every app's templates."""

from django import template
from django.core.paginator import Paginator

register = template.Library()


@register.filter
def elided_pages(paginator: Paginator, number: int):
    """Page numbers with the far ones elided: 1 … 4 5 6 … 20."""
    return paginator.get_elided_page_range(number, on_each_side=1, on_ends=1)


@register.filter
def get_item(mapping: dict, key):
    """``mapping[key]``, or None: a dictionary lookup by a variable key."""
    return mapping.get(key) if hasattr(mapping, "get") else None
