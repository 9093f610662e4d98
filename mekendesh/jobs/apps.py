from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "mekendesh.jobs"
    verbose_name = _("Background jobs")

    def ready(self) -> None:
        from mekendesh.jobs.registry import kinds_discover
        from mekendesh.web.navigation import nav_register

        kinds_discover()
        nav_register(label=_("Background jobs"), url_name="jobs:list", permission="job.view", order=90)
