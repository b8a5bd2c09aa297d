from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from returns.sections import register_sections
        from scrutiny.blocks import register_kinds

        from .blocks import PROGRESS_KINDS
        from .returns import SECTIONS

        register_kinds(PROGRESS_KINDS, rank=60)
        register_sections(SECTIONS, rank=60)
