from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "mekendesh.accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from mekendesh.accounts import signals  # noqa: F401  (connects the audit receivers)
        from mekendesh.accounts.permissions import connect_signals

        connect_signals()


class MekendeshAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with a site open to administrators only (see ``accounts.admin_site``)."""

    default = False
    default_site = "mekendesh.accounts.admin_site.MekendeshAdminSite"
