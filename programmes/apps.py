from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from scrutiny.blocks import register_kinds

        from .blocks import PROGRESS_KINDS

        register_kinds(PROGRESS_KINDS, rank=60)
