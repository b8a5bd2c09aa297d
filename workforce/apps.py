from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "workforce"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from returns.sections import register_sections
        from scrutiny.blocks import register_kinds
        from scrutiny.setup import register_steps

        from .blocks import STAFF_KINDS
        from .returns import SECTIONS
        from .setup import SETUP_STEP

        register_kinds(STAFF_KINDS, rank=10)
        register_sections(SECTIONS, rank=10)
        register_steps([SETUP_STEP])
