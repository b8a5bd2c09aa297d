from django.apps import AppConfig


class ScorecardsConfig(AppConfig):
    name = "scorecards"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from returns.sections import register_sections
        from scrutiny.blocks import register_kinds
        from scrutiny.setup import register_steps
        from workforce.targets import register_caseload_targets

        from .blocks import INDICATOR_KINDS
        from .caseloads import caseload_targets
        from .catalogue.choose import SETUP_STEPS
        from .catalogue.targets import SETUP_STEP as TARGETS_STEP
        from .returns import SECTIONS

        register_kinds(INDICATOR_KINDS, rank=20)
        register_sections(SECTIONS, rank=20)
        register_caseload_targets(caseload_targets)
        register_steps([*SETUP_STEPS, TARGETS_STEP])

        from .breakdowns.blocks import BREAKDOWN_KINDS
        from .breakdowns.returns import SECTIONS as BREAKDOWN_SECTIONS

        register_sections(BREAKDOWN_SECTIONS, rank=21)
        register_kinds(BREAKDOWN_KINDS, rank=21)
