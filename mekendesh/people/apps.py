from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "mekendesh.people"
    verbose_name = _("Register of citizens abroad")

    def ready(self) -> None:
        from mekendesh.people import shell

        shell.register()
