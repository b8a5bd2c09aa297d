from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    """The project package and the shared framework: councils, periods, people, permissions,
    formatting, generic views and tables, the data block and chart frameworks."""

    name = "scrutiny"
    verbose_name = "Councils and people"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import middleware  # noqa: F401 -- connects the idle clock's sign-in receiver
        from .setup import register_steps
        from .setup.steps import STEPS

        register_steps(STEPS)
