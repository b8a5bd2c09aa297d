from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    name = "scrutiny"
    verbose_name = "Committees and scrutiny"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .blocks import register_kinds
        from .blocks.builders import COMPLAINT_KINDS, OVERSIGHT_KINDS, RECOMMENDATION_KINDS

        register_kinds(COMPLAINT_KINDS, rank=30)
        register_kinds(OVERSIGHT_KINDS, rank=40)
        register_kinds(RECOMMENDATION_KINDS, rank=50)
        from . import middleware  # noqa: F401 -- connects the idle clock's sign-in receiver
