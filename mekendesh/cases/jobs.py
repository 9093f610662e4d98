"""The cases module's background job: the deadline round — escalations of overdue cases and
reminders to people who owe a step — every hour, and on an administrator's request."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.cases.services import EscalationReport, cases_check_deadlines
from mekendesh.jobs.context import JobContext
from mekendesh.jobs.registry import job_kind, schedule_register


@job_kind("cases.deadlines", label=gettext_lazy("Deadlines of assistance cases"), permission="cases.deadlines")
def cases_deadlines(job: JobContext) -> None:
    job.progress(0, stage=_("Looking for overdue cases"))

    def checked(report: EscalationReport) -> None:
        job.progress(report.checked)
        job.stop_if_cancelled()

    report = cases_check_deadlines(on_case=checked)
    job.progress(report.checked, total=report.checked, stage=_("Done"))
    job.message(
        _(
            "%(checked)d overdue cases: %(head)d passed to the head of their consulate, %(ministry)d to the ministry, "
            "%(reminded)d people reminded."
        )
        % {
            "checked": report.checked,
            "head": report.to_head,
            "ministry": report.to_ministry,
            "reminded": report.reminded,
        }
    )


schedule_register("cases.deadlines.hourly", "cases.deadlines", every=dt.timedelta(hours=1))
