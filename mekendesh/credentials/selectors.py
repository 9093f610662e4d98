"""Reads of credentials, always through what the asking user may see.

Staff see the credentials of the stays they see (:func:`stays_visible_to`: an officer those of
their consular districts, a screening analyst every one); a migrant sees those of their own
person. Whatever a user may not see answers 404.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import Http404

from mekendesh.accounts.permissions import can
from mekendesh.credentials.keys import issuing_key, published_keyset
from mekendesh.credentials.models import Credential
from mekendesh.lib.credential import Claims, StatusList, Verdict, read_claims, status_list_sign, verify
from mekendesh.people.models import Person, Stay, StayStatus
from mekendesh.people.selectors import stays_visible_to


def credentials_visible_to(user: Any) -> QuerySet[Credential]:
    if can(user, "credential.view"):
        return Credential.objects.filter(stay__in=stays_visible_to(user))
    if can(user, "migrant.pages"):
        return Credential.objects.filter(person__account=user)
    return Credential.objects.none()


def stay_for_credentials(*, user: Any, stay_id: int) -> Stay:
    """A stay whose credentials the staff user may see, or 404."""
    if not can(user, "credential.view"):
        raise Http404
    stay = (
        stays_visible_to(user)
        .select_related("person", "country", "host_region", "consular_district")
        .filter(pk=stay_id)
        .first()
    )
    if stay is None:
        raise Http404
    return stay


def credential_current(*, stay: Stay) -> Credential | None:
    """The stay's credential that is not revoked (there is at most one)."""
    return Credential.objects.filter(stay=stay, revoked_at__isnull=True).first()


def stay_credential_history(*, stay: Stay) -> list[Credential]:
    return list(Credential.objects.filter(stay=stay).select_related("issued_by", "revoked_by"))


@dataclass(frozen=True)
class MigrantCredential:
    stay: Stay
    credential: Credential | None


def migrant_credentials(*, person: Person) -> list[MigrantCredential]:
    """Each verified stay of the person's own, with its credential not revoked (if it has one)."""
    stays = list(
        person.stays.filter(status=StayStatus.VERIFIED).select_related("country", "host_region", "consular_district")
    )
    current = {
        credential.stay_id: credential
        for credential in Credential.objects.filter(stay__in=stays, revoked_at__isnull=True)
    }
    return [MigrantCredential(stay=stay, credential=current.get(stay.pk)) for stay in stays]


def migrant_credential(*, user: Any, credential_id: Any) -> Credential:
    """One of the migrant's own credentials, or 404."""
    credential = (
        credentials_visible_to(user)
        .filter(person__account=user, public_id=credential_id)
        .select_related("stay__consular_district", "stay__country", "stay__host_region")
        .first()
    )
    if credential is None:
        raise Http404
    return credential


class RegisterRevocations:
    """The register as a revocation list for :func:`mekendesh.lib.credential.verify` (the online
    check): ``index in RegisterRevocations()`` asks whether that credential is revoked now."""

    def __contains__(self, index: object) -> bool:
        if not isinstance(index, int):
            return False
        return Credential.objects.filter(status_index=index, revoked_at__isnull=False).exists()


# The signed status list is kept this long (seconds); a revocation drops it at once.
STATUS_LIST_CACHE_SECONDS = 300
STATUS_LIST_CACHE_KEY = "credentials:status-list"


def status_list_signed(*, now: dt.datetime) -> bytes:
    """The signed status list as served, made at most every few minutes (and after each revocation)."""
    signed = cache.get(STATUS_LIST_CACHE_KEY)
    if not isinstance(signed, bytes):
        key = issuing_key()
        signed = status_list_sign(status_list_now(now=now, issuer=published_keyset().issuer), key)
        cache.set(STATUS_LIST_CACHE_KEY, signed, timeout=STATUS_LIST_CACHE_SECONDS)
    return signed


def status_list_now(*, now: dt.datetime, issuer: str) -> StatusList:
    """The revocation status list as of ``now``, covering every index issued so far."""
    revoked = list(
        Credential.objects.filter(revoked_at__isnull=False).order_by().values_list("status_index", flat=True)
    )
    last = Credential.objects.order_by("-status_index").values_list("status_index", flat=True).first()
    return StatusList.build(
        revoked=revoked,
        size=0 if last is None else last + 1,
        issuer=issuer,
        issued_at=now,
        expires_at=now + dt.timedelta(hours=settings.CREDENTIAL_STATUS_LIST_HOURS),
    )


def credential_check(*, text: str, now: dt.datetime) -> Verdict:
    """What a presented credential is worth, checked as the public page checks it: against the
    published key set, and revocation in the register (online)."""
    return verify(text, published_keyset(), now=now, revoked=RegisterRevocations())


def credential_claims(*, credential: Credential) -> Claims:
    """What a stored credential says (the issuer's own token: read without re-checking it)."""
    return read_claims(credential.token)
