"""The sending of notifications as a background job: started when a transaction that queued a
message commits, and every few minutes by the scheduler, to retry failed messages and to pick
up any whose start was missed."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.jobs.context import JobContext
from mekendesh.jobs.registry import job_kind, schedule_register
from mekendesh.notifications.sending import SendReport, notifications_due_count, notifications_send_due
from mekendesh.notifications.services import SEND_JOB_KIND

SEND_EVERY = dt.timedelta(minutes=5)


@job_kind(SEND_JOB_KIND, label=gettext_lazy("Sending of notifications"), permission="notification.send")
def notifications_send(job: JobContext) -> None:
    total = notifications_due_count()
    stage = _("Sending messages")
    job.progress(0, total=total, stage=stage)

    def handled(report: SendReport) -> None:
        job.progress(report.done, total=max(total, report.done))

    report = notifications_send_due(progress=handled, stop=job.stop_if_cancelled)
    job.progress(report.done, total=max(total, report.done), stage=_("Done"))
    job.message(
        _("%(sent)d sent, %(failed)d failed, %(skipped)d not sent.")
        % {"sent": report.sent, "failed": report.failed, "skipped": report.skipped}
    )


schedule_register("notifications.send.regularly", SEND_JOB_KIND, every=SEND_EVERY)
