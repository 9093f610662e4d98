"""The nightly expiry of licences whose validity has ended."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.accounts.models import Role
from mekendesh.employment.services import licences_expire
from mekendesh.jobs.context import JobContext
from mekendesh.jobs.registry import job_kind, schedule_register


@job_kind(
    "employment.licences_expire",
    label=gettext_lazy("Expiry of recruitment licences"),
    permission="employment.licence",
    roles=(Role.EMPLOYMENT_OFFICER,),
)
def employment_licences_expire(job: JobContext) -> None:
    job.progress(0, total=1, stage=_("Expiring licences whose validity has ended"))
    count = licences_expire()
    job.progress(1, total=1, stage=_("Done"))
    job.message(_("%(count)d licences expired.") % {"count": count})


schedule_register(
    "employment.licences_expire.nightly", "employment.licences_expire", every=dt.timedelta(days=1), at=dt.time(0, 30)
)
