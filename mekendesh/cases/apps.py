from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "mekendesh.cases"
    verbose_name = _("Assistance cases")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from mekendesh.cases import receivers, shell

        shell.register()
        receivers.connect()
