from django.apps import AppConfig


class ScorecardsConfig(AppConfig):
    name = "scorecards"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from scrutiny.blocks import register_kinds

        from .blocks import INDICATOR_KINDS

        register_kinds(INDICATOR_KINDS, rank=20)
