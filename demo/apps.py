from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo: the seed papers' councils loaded through every app (``manage.py demo``).
    It imports every app and none imports it."""

    name = "demo"
    verbose_name = "Demo data"
