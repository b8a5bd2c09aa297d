from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    name = "scrutiny"
    verbose_name = "Committees and scrutiny"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .blocks import register_kinds
        from .blocks.builders import RECOMMENDATION_KINDS

        register_kinds(RECOMMENDATION_KINDS, rank=50)
