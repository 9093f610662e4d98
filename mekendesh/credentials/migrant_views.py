"""The migrant's credentials: one for each verified stay, with its QR code, on the phone and on
paper. Only the signed-in migrant's own person is ever read (never an id from the request alone)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mekendesh.credentials import selectors, services
from mekendesh.credentials.cards import card
from mekendesh.credentials.keys import CredentialKeyUnavailable
from mekendesh.people.selectors import person_of_account
from mekendesh.web.decorators import migrant_required


@migrant_required
@require_GET
def credentials(request: HttpRequest) -> HttpResponse:
    person = person_of_account(user=request.user)
    if person is None:
        return render(request, "migrant/not_registered.html", status=404)
    rows = [
        {"stay": row.stay, "card": card(row.credential) if row.credential else None}
        for row in selectors.migrant_credentials(person=person)
    ]
    return render(request, "credentials/migrant_list.html", {"person": person, "rows": rows})


@migrant_required
@require_GET
def credential(request: HttpRequest, credential_id: Any) -> HttpResponse:
    """One credential on a page of its own, laid out for printing."""
    found = selectors.migrant_credential(user=request.user, credential_id=credential_id)
    verify_url = request.build_absolute_uri(reverse("credentials:verify"))
    return render(request, "credentials/print.html", {**card(found), "stay": found.stay, "verify_url": verify_url})


@migrant_required
@require_POST
def credential_issue(request: HttpRequest, stay_id: int) -> HttpResponse:
    """The migrant asks for the credential of one of their verified stays."""
    person = person_of_account(user=request.user)
    stay = next((stay for stay in person.stays.all() if stay.pk == stay_id), None) if person else None
    if stay is None:
        raise Http404
    try:
        services.credential_issue(actor=request.user, stay=stay)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except (CredentialKeyUnavailable, PermissionDenied):
        messages.error(request, _("Your credential cannot be issued now. Try again later or ask your consulate."))
    else:
        messages.success(request, _("Your registration credential is ready."))
    return redirect("migrant:credentials")
