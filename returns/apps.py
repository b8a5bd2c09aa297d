from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    """The quarter's workflow and the section framework; the areas register their sections."""

    name = "returns"
    verbose_name = "Quarterly returns"
    default_auto_field = "django.db.models.BigAutoField"
