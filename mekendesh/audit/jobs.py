"""The audit trail's background job: the hash-chain check, nightly and on an administrator's
request, resumable from the last batch checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.verification import DEFAULT_BATCH_SIZE, ChainPosition, chain_verify
from mekendesh.jobs.context import JobContext, JobFailed
from mekendesh.jobs.registry import job_kind, schedule_register


@job_kind("audit.verify", label=gettext_lazy("Audit trail check"), permission="audit.verify", resumable=True)
def audit_verify(job: JobContext) -> None:
    batch_size = int(job.params.get("batch_size") or DEFAULT_BATCH_SIZE)
    if batch_size < 1:
        raise JobFailed(_("The batch size must be at least 1."))
    start = ChainPosition(**job.resume_from) if job.resume_from else None
    if start is not None:
        job.message(_("Going on after record #%(sequence)d.") % {"sequence": start.sequence})
    total = AuditEvent.objects.count()
    job.progress(start.checked if start else 0, total=total, stage=_("Checking the audit trail"))

    def batch_checked(position: ChainPosition) -> None:
        job.stop_if_cancelled()
        job.checkpoint(asdict(position))
        job.progress(position.checked, total=max(total, position.checked))

    report = chain_verify(batch_size=batch_size, start=start, on_batch=batch_checked)
    if not report.intact:
        raise JobFailed(report.message)
    job.progress(report.checked, total=max(total, report.checked), stage=_("Done"))
    job.message(report.message)


schedule_register("audit.verify.nightly", "audit.verify", every=dt.timedelta(days=1), at=dt.time(3, 0))
