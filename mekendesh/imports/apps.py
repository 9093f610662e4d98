from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "mekendesh.imports"
    verbose_name = _("Bulk import")

    def ready(self) -> None:
        from mekendesh.imports import registrations, shell, workflows  # noqa: F401 (they register themselves)

        shell.register()
