from django.apps import AppConfig


class PacksConfig(AppConfig):
    name = "packs"
    verbose_name = "Agenda packs and report PDFs"
    default_auto_field = "django.db.models.BigAutoField"
