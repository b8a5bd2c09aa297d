from django.conf import settings

from .models import UserRole
from .navigation import sections_for
from .permissions import is_admin, roles_in


def site(request):
    """Values every page needs: the site name, the council being browsed and its navigation."""
    authority = getattr(request, "authority", None)
    # render_table renders each table with the request's context again: work out the
    # navigation (a permission query) once per request, not once per table.
    if not hasattr(request, "_scrutiny_nav"):
        request._scrutiny_nav = sections_for(request, authority) if authority else []
    return {
        "SITE_NAME": settings.SITE_NAME,
        "current_authority": authority,
        "nav_items": request._scrutiny_nav,
        "current_roles": roles_here(request.user, authority),
    }


def roles_here(user, authority) -> str:
    """The signed-in person's roles in the council being browsed, in words, for the header."""
    if not getattr(user, "is_authenticated", False):
        return ""
    if is_admin(user):
        return "Administrator"
    if authority is None:
        return ""
    held = roles_in(user, authority)
    return ", ".join(label for value, label in UserRole.choices if value in held)
