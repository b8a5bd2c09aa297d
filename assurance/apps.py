from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    """Quality assurance: complaints and compliments, audits, inspections, recommendations
    and contacts. Its return sections plug into ``returns``."""

    name = "assurance"
    verbose_name = "Quality assurance"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from returns.sections import register_sections
        from scrutiny.blocks import register_kinds

        from .blocks import COMPLAINT_KINDS, OVERSIGHT_KINDS
        from .returns import LATER_SECTIONS, SECTIONS

        register_kinds(COMPLAINT_KINDS, rank=30)
        register_kinds(OVERSIGHT_KINDS, rank=40)
        register_sections(SECTIONS, rank=30)
        register_sections(LATER_SECTIONS, rank=70)
