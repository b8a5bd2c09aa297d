from django.conf import settings

from .navigation import sections_for


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
    }
