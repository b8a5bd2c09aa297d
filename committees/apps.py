from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    """Committees, meetings and agendas, reports and their publication, recommendations."""

    name = "committees"
    verbose_name = "Committees and scrutiny"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from scrutiny.blocks import register_kinds
        from scrutiny.setup import register_steps
        from scrutiny.worklist import register_provider

        from .blocks import RECOMMENDATION_KINDS
        from .setup import SETUP_STEP
        from .worklist import committee_work

        register_kinds(RECOMMENDATION_KINDS, rank=50)
        register_steps([SETUP_STEP])
        register_provider("committees", committee_work, rank=20)
