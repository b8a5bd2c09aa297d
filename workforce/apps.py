from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "workforce"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from scrutiny.blocks import register_kinds

        from .blocks import STAFF_KINDS

        register_kinds(STAFF_KINDS, rank=10)
