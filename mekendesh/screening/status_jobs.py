"""The public status check's background work: the delivery of one-time codes (started when a
check's transaction commits) and the hourly pruning of old checks and counters."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.jobs.context import JobContext
from mekendesh.jobs.registry import job_kind, schedule_register
from mekendesh.screening.status import DELIVERY_JOB_KIND, status_codes_deliver, status_records_prune


@job_kind(DELIVERY_JOB_KIND, label=gettext_lazy("Codes of status checks"), permission="screening.status_codes")
def status_codes(job: JobContext) -> None:
    handled, sent = status_codes_deliver()
    job.message(_("%(handled)d status checks handled, %(sent)d codes sent.") % {"handled": handled, "sent": sent})


@job_kind("screening.status_prune", label=gettext_lazy("Pruning of status checks"), permission="screening.status_codes")
def status_prune(job: JobContext) -> None:
    checks, counters = status_records_prune()
    job.message(
        _("%(checks)d old status checks and %(counters)d counters deleted.") % {"checks": checks, "counters": counters}
    )


schedule_register("screening.status_prune.hourly", "screening.status_prune", every=dt.timedelta(hours=1))
# Checks whose delivery was not started (the start after the commit failed): picked up every five minutes.
schedule_register("screening.status_codes.regularly", DELIVERY_JOB_KIND, every=dt.timedelta(minutes=5))
