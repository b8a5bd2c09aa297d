from django.conf import settings

from .navigation import sections_for


def site(request):
    """Values every page needs: the site name, the council being browsed and its navigation."""
    authority = getattr(request, "authority", None)
    return {
        "SITE_NAME": settings.SITE_NAME,
        "current_authority": authority,
        "nav_items": sections_for(request, authority) if authority else [],
    }
