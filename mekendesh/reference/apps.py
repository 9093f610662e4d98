from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferenceConfig(AppConfig):
    name = "mekendesh.reference"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from mekendesh.reference import installed  # noqa: F401  (registers the origin check)
