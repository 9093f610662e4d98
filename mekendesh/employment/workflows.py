"""The licence of an agency and the vetting of a job offer, as workflows of the platform.

A licence is valid, suspended, revoked or expired; a suspended licence can be reinstated while
its validity lasts, and an expired or revoked one ends there (a new licence is a new record). The
nightly job expires licences whose validity has ended. An offer is vetted (only from an agency
whose licence is valid, and only while it is open) or withdrawn; a vetted offer goes back to
awaiting vetting when it is changed (or when an officer sends it back), and leaves the public pages
until it is vetted again.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.employment.models import LicenceStatus, OfferStatus
from mekendesh.workflows.engine import Transition, Workflow, workflow_register

VALID, SUSPENDED, REVOKED, EXPIRED = (
    LicenceStatus.VALID,
    LicenceStatus.SUSPENDED,
    LicenceStatus.REVOKED,
    LicenceStatus.EXPIRED,
)


def suspended_agency_refusal(agency: Any) -> str:
    return _(
        "The licence of %(agency)s is %(status)s: its offers cannot be vetted or published until the licence "
        "is valid again."
    ) % {"agency": agency.name, "status": agency.get_status_display()}


def _reinstate(agency: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    if agency.valid_until < timezone.localdate():
        raise ValidationError(
            _("The licence's validity ended on %(date)s: it cannot be reinstated, only expire.")
            % {"date": agency.valid_until.strftime("%d.%m.%Y")},
            code="licence_ended",
        )
    return {}


LICENCE = workflow_register(
    Workflow(
        name="employment.licence",
        model="employment.Agency",
        states=dict(LicenceStatus.choices),
        transitions=[
            Transition(VALID, "suspend", SUSPENDED, permission="employment.licence", label=gettext_lazy("Suspend")),
            Transition(SUSPENDED, "reinstate", VALID, permission="employment.licence", label=gettext_lazy("Reinstate")),
            Transition(VALID, "revoke", REVOKED, permission="employment.licence", label=gettext_lazy("Revoke")),
            Transition(SUSPENDED, "revoke", REVOKED, permission="employment.licence", label=gettext_lazy("Revoke")),
            Transition(VALID, "expire", EXPIRED, permission="employment.licence", label=gettext_lazy("Expire")),
            Transition(SUSPENDED, "expire", EXPIRED, permission="employment.licence", label=gettext_lazy("Expire")),
        ],
        prepare={"reinstate": _reinstate},
        refusals={
            "suspend": gettext_lazy("Only a valid licence can be suspended."),
            "reinstate": gettext_lazy("Only a suspended licence can be reinstated."),
            "revoke": gettext_lazy("This licence is no longer in force: there is nothing to revoke."),
            "expire": gettext_lazy("This licence is no longer in force."),
        },
    )
)


def _vet(offer: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    if offer.agency.status != LicenceStatus.VALID:
        raise ValidationError({"agency": suspended_agency_refusal(offer.agency)}, code="agency_not_licensed")
    if offer.expires_on < timezone.localdate():
        raise ValidationError(
            {
                "expires_on": _("This offer closed on %(date)s: it cannot be vetted.")
                % {"date": offer.expires_on.strftime("%d.%m.%Y")}
            }
        )
    return {"vetted_by": actor, "vetted_at": timezone.now()}


def _revise(offer: Any, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    # Who vetted it and when stays in the offer's history; the offer itself awaits a new vetting.
    return {"vetted_by": None, "vetted_at": None}


OFFER = workflow_register(
    Workflow(
        name="employment.offer",
        model="employment.Offer",
        states=dict(OfferStatus.choices),
        transitions=[
            Transition(
                OfferStatus.DRAFT, "vet", OfferStatus.VETTED, permission="employment.offer", label=gettext_lazy("Vet")
            ),
            Transition(
                OfferStatus.VETTED,
                "revise",
                OfferStatus.DRAFT,
                permission="employment.offer",
                label=gettext_lazy("Send back to vetting"),
            ),
            *(
                Transition(
                    state,
                    "withdraw",
                    OfferStatus.WITHDRAWN,
                    permission="employment.offer",
                    label=gettext_lazy("Withdraw"),
                )
                for state in (OfferStatus.DRAFT, OfferStatus.VETTED)
            ),
        ],
        prepare={"vet": _vet, "revise": _revise},
        refusals={
            "vet": gettext_lazy("Only an offer awaiting vetting can be vetted."),
            "revise": gettext_lazy("Only a vetted offer can be sent back to vetting."),
            "withdraw": gettext_lazy("This offer is withdrawn already."),
        },
    )
)
