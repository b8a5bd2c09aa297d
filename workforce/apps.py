from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "workforce"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from returns.sections import register_sections
        from scrutiny.blocks import register_kinds

        from .blocks import STAFF_KINDS
        from .returns import SECTIONS

        register_kinds(STAFF_KINDS, rank=10)
        register_sections(SECTIONS, rank=10)
