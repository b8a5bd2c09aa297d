"""The benchmark's baseline: the report page's template and middleware, its context held in
memory. Served by gunicorn from bench/report_page.py; not part of the application.

Each worker renders the real page once (as an anonymous reader) to capture the context the
view built, then answers every request by rendering the same template with that context:
everything the real page does except reading the database.
"""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application
from django.template.response import TemplateResponse
from django.test import RequestFactory
from django.urls import get_resolver, resolve

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
# Served over plain HTTP on loopback: production's HTTPS defaults are off for the bench.
for _name in ("SECURE_SSL_REDIRECT", "SECURE_COOKIES"):
    os.environ.setdefault(_name, "false")
django_app = get_wsgi_application()

PATH = os.environ["BENCH_REPORT_PATH"]
_captured: dict = {}


def _walk(resolver):
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            yield from _walk(pattern)
        else:
            yield pattern


def _context() -> tuple[str, dict]:
    """The real view's template and context for PATH, built once per worker."""
    if not _captured:
        from django.contrib.auth.models import AnonymousUser

        request = RequestFactory().get(PATH)
        request.user = AnonymousUser()
        match = resolve(PATH)
        response = _REAL_VIEW(request, *match.args, **match.kwargs)
        _captured["template"] = response.template_name
        _captured["context"] = response.context_data
    return _captured["template"], _captured["context"]


def _in_memory_view(request, *args, **kwargs):
    template, context = _context()
    return TemplateResponse(request, template, dict(context))


# Swap the report page's view for the one above: the same URL, middleware and template.
_MATCH = resolve(PATH)
_REAL_VIEW = _MATCH.func
for _pattern in _walk(get_resolver()):
    if getattr(_pattern, "name", None) == _MATCH.url_name:
        _pattern.callback = _in_memory_view

application = django_app
