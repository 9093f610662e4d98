"""The credentials of a stay in the staff workspace: what was issued and revoked, the credential
in force (with its QR code, for a person who asks for it on paper at the consulate), and an
officer's revocation. Every credential shown is a read in the audit trail."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mekendesh.accounts.permissions import can
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import AuditEntry, audit_record_many
from mekendesh.credentials import selectors, services
from mekendesh.credentials.cards import card
from mekendesh.credentials.forms import RevokeForm
from mekendesh.credentials.keys import CredentialKeyUnavailable
from mekendesh.people.models import StayStatus
from mekendesh.web.decorators import AuthenticatedHttpRequest as HttpRequest
from mekendesh.web.decorators import staff_required


@staff_required(permission="credential.view")
@require_GET
def stay_credential(request: HttpRequest, stay_id: int) -> HttpResponse:
    stay = selectors.stay_for_credentials(user=request.user, stay_id=stay_id)
    history = selectors.stay_credential_history(stay=stay)
    current = next((credential for credential in history if credential.revoked_at is None), None)
    may_act = can(request.user, "credential.revoke", stay)
    with transaction.atomic():
        audit_record_many(
            actor=request.user,
            entries=[
                AuditEntry(action=AuditEvent.Action.READ, obj=credential, person=stay.person) for credential in history
            ],
        )
    return render(
        request,
        "credentials/staff_stay.html",
        {
            "stay": stay,
            "history": history,
            "current": card(current) if current is not None and may_act else None,
            "current_credential": current,
            "may_revoke": may_act and current is not None,
            "may_issue": can(request.user, "credential.issue", stay) and stay.status == StayStatus.VERIFIED,
            "form": RevokeForm(),
        },
    )


@staff_required(permission="credential.revoke")
@require_POST
def credential_revoke(request: HttpRequest, stay_id: int) -> HttpResponse:
    stay = selectors.stay_for_credentials(user=request.user, stay_id=stay_id)
    current = selectors.credential_current(stay=stay)
    if current is None or not can(request.user, "credential.revoke", stay):
        raise Http404
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a reason for the revocation."))
        return redirect("staff:stay_credential", stay_id=stay.pk)
    try:
        services.credential_revoke(
            actor=request.user, credential=current, reason=form.cleaned_data["reason"], note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The credential is revoked. Verifiers see it as revoked from now on."))
    return redirect("staff:stay_credential", stay_id=stay.pk)


@staff_required(permission="credential.issue")
@require_POST
def credential_issue(request: HttpRequest, stay_id: int) -> HttpResponse:
    stay = selectors.stay_for_credentials(user=request.user, stay_id=stay_id)
    try:
        services.credential_issue(actor=request.user, stay=stay)
    except PermissionDenied as exc:
        raise Http404 from exc
    except (ValidationError, CredentialKeyUnavailable) as exc:
        messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
    else:
        messages.success(request, _("The stay's credential is issued."))
    return redirect("staff:stay_credential", stay_id=stay.pk)
