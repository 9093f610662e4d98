from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmploymentConfig(AppConfig):
    name = "mekendesh.employment"
    verbose_name = _("Legal employment abroad")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from mekendesh.employment import shell

        shell.register()
