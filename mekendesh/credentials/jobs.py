"""The credentials' background job: the nightly reconciliation with the register, resumable."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.credentials.keys import CredentialKeyUnavailable
from mekendesh.credentials.services import ReconcileReport, credential_reconcile
from mekendesh.jobs.context import JobContext, JobFailed
from mekendesh.jobs.registry import job_kind, schedule_register


@job_kind(
    "credentials.reconcile",
    label=gettext_lazy("Registration credentials: issue and revoke as the register says"),
    permission="credential.reconcile",
    resumable=True,
)
def credentials_reconcile(job: JobContext) -> None:
    after = int(job.resume_from or 0)
    if after:
        job.message(_("Going on after stay #%(stay)d.") % {"stay": after})
    job.progress(0, stage=_("Checking credentials against the register"))

    def stay_done(stay_id: int, report: ReconcileReport) -> None:
        job.stop_if_cancelled()
        job.checkpoint(stay_id)
        job.progress(report.checked)

    try:
        report = credential_reconcile(actor=job.job.actor, after_stay=after, on_stay=stay_done)
    except CredentialKeyUnavailable as exc:
        raise JobFailed(str(exc)) from exc
    job.progress(report.checked, total=report.checked, stage=_("Done"))
    job.message(
        _("%(issued)d credentials issued or renewed, %(revoked)d revoked, %(failed)d stays could not get one.")
        % {"issued": report.issued, "revoked": report.revoked, "failed": report.failed}
    )


schedule_register(
    "credentials.reconcile.nightly", "credentials.reconcile", every=dt.timedelta(days=1), at=dt.time(2, 30)
)
