"""The guidance module's background job: the reminders round, every morning, and from
``mekendesh guidance reminders``."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.guidance.reminders import ReminderReport, reminders_send
from mekendesh.jobs.context import JobContext, JobFailed
from mekendesh.jobs.registry import job_kind, schedule_register

REMINDERS_JOB_KIND = "guidance.reminders"


# Resumable: a run put back after its worker stopped starts again from the first person, and
# finds the reminders it made already (each is stored once, with its messages).
@job_kind(
    REMINDERS_JOB_KIND, label=gettext_lazy("Reminders of guidance"), permission="guidance.reminders", resumable=True
)
def guidance_reminders(job: JobContext) -> None:
    """Send the reminders due on ``params["date"]`` (YYYY-MM-DD; today by default)."""
    try:
        day = dt.date.fromisoformat(job.params["date"]) if job.params.get("date") else timezone.localdate()
    except (TypeError, ValueError):
        raise JobFailed(_("The date is a day as YYYY-MM-DD.")) from None
    job.progress(0, stage=_("Looking for permits, registrations and passports that run out"))

    def looked_at(report: ReminderReport) -> None:
        job.progress(report.people)
        job.stop_if_cancelled()

    report = reminders_send(on=day, on_person=looked_at)
    job.progress(report.people, total=report.people, stage=_("Done"))
    job.message(
        _(
            "%(date)s: %(people)d people asked for reminders; %(sent)d reminders sent, %(already)d sent before, "
            "%(no_contact)d people skipped without any contact."
        )
        % {
            "date": day.isoformat(),
            "people": report.people,
            "sent": report.sent,
            "already": report.already,
            "no_contact": report.no_contact,
        }
    )


schedule_register("guidance.reminders.daily", REMINDERS_JOB_KIND, every=dt.timedelta(days=1), at=dt.time(9, 0))
