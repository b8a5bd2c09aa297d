from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    """The quarter's workflow and the section framework; the areas register their sections."""

    name = "returns"
    verbose_name = "Quarterly returns"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from scrutiny.blocks import register_approval_check

        from .approval import unapproved_quarter

        register_approval_check(unapproved_quarter)
