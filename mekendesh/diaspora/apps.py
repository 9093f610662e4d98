from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiasporaConfig(AppConfig):
    name = "mekendesh.diaspora"
    label = "diaspora"
    verbose_name = _("Diaspora and cooperation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from mekendesh.diaspora import shell

        shell.register()
