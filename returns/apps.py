from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    """The quarter's workflow and the section framework; the areas register their sections."""

    name = "returns"
    verbose_name = "Quarterly returns"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from scrutiny.blocks import register_approval_check
        from scrutiny.setup import register_steps
        from scrutiny.worklist import register_provider

        from .approval import unapproved_quarter
        from .views.due_dates import SETUP_STEPS
        from .worklist import return_work

        register_approval_check(unapproved_quarter)
        register_provider("returns", return_work, rank=10)
        register_steps(SETUP_STEPS)
