from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "mekendesh.credentials"
    verbose_name = _("Registration credentials")

    def ready(self) -> None:
        from mekendesh.credentials import checks, receivers

        checks.register()
        receivers.connect()
