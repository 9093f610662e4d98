from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "mekendesh.guidance"
    verbose_name = _("Guidance on the rules of stay")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from mekendesh.guidance import shell

        shell.register()
