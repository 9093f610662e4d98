"""Storing demo people fast, with an audit trail that still verifies.

People, names (with their search words and their linkage features), documents, stays and consents are inserted in batches
inside one transaction: by ``COPY`` on PostgreSQL, by one ``executemany`` per table and batch on
SQLite. The values are those Django itself would write (each field's ``get_db_prep_save``: the
document numbers encrypted, their keyed hash beside them). Each person gets one audit row (a bulk
load's CREATE, listing what was stored) chained like any other by
:func:`mekendesh.audit.services.audit_record_bulk`, so ``mekendesh audit verify`` passes on the
demo database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mekendesh.audit.context import RequestOrigin, current_origin
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import AuditEntry, audit_record_bulk
from mekendesh.demo.generator import DemoPerson
from mekendesh.imports.bulk import PERSON_AUDITED_FIELDS, StoredPerson, rows_insert
from mekendesh.imports.bulk import new_ids as _new_ids
from mekendesh.lib.hashing import lookup_hash
from mekendesh.people.linkage_features import linkage_features_add
from mekendesh.people.models import (
    Consent,
    IdentityDocument,
    NameForm,
    NameToken,
    Person,
    Stay,
    StayStatus,
)
from mekendesh.people.search_index import index_terms
from mekendesh.people.services import (
    CONSENT_WORDING_VERSION,
    consular_district_for,
    name_search_key,
)
from mekendesh.reference.models import (
    ConsularDistrict,
    Country,
    District,
    HostRegion,
    Region,
)

BATCH_SIZE = 2000
# Where the audit rows of a demo load say they come from.
DEMO_ORIGIN = RequestOrigin(user_agent="mekendesh demo", path="demo-data")


def _batches(items: Iterable[DemoPerson], size: int) -> Iterable[list[DemoPerson]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


class _Places:
    """Reference rows by code, and each place's consular district, looked up once."""

    def __init__(self) -> None:
        self.countries = {c.code: c for c in Country.objects.all()}
        self.regions = {r.code: r for r in Region.objects.all()}
        self.districts = {d.code: d for d in District.objects.all()}
        self.host_regions = {h.code: h for h in HostRegion.objects.all()}
        self.origin = self.countries[settings.ORIGIN_COUNTRY]  # the passports' issuing country
        self._consular: dict[tuple[str, str], ConsularDistrict | None] = {}

    def consular_district(self, country: str, host_region: str) -> ConsularDistrict | None:
        """The consular district of a stay in ``host_region`` (or, without one, in ``country``)."""
        key = (country, host_region)
        if key not in self._consular:
            region = self.host_regions[host_region] if host_region else None
            self._consular[key] = consular_district_for(country=self.countries[country], host_region=region)
        return self._consular[key]


def _store_batch(batch: Sequence[DemoPerson], places: _Places, officers: dict[str, Any]) -> int:
    person_ids = _new_ids(Person, len(batch))
    rows_insert(
        Person,
        [
            {
                "id": pk,
                "public_id": demo.public_id,
                "sex": demo.sex,
                "birth_date": demo.birth_date,
                "origin_region_id": places.regions[demo.origin_region].pk,
                "origin_district_id": places.districts[demo.origin_district].pk,
                "email": demo.email,
                "phone": demo.phone,
            }
            for pk, demo in zip(person_ids, batch, strict=True)
        ],
    )
    names: list[dict[str, Any]] = []
    documents, stays, consents = [], [], []
    for person_id, demo in zip(person_ids, batch, strict=True):
        names += [
            {
                "person_id": person_id,
                "script": name.script,
                "source": name.source,
                "surname": name.surname,
                "given_names": name.given_names,
                "patronymic": name.patronymic,
                "is_primary": index == 0,
                "search_key": name_search_key(name.surname, name.given_names, name.patronymic),
            }
            for index, name in enumerate(demo.names)
        ]
        document = demo.document
        documents.append(
            {
                "person_id": person_id,
                "kind": document.kind,
                "issuing_country_id": places.origin.pk,
                "number": document.number,
                "number_hash": lookup_hash(document.number),
                "expiry_date": document.expiry_date,
                "mrz": document.mrz or None,
            }
        )
        for stay in demo.stays:
            district = places.consular_district(stay.country, stay.host_region)
            if stay.departure_date is not None:
                status, verified_at, verified_by = StayStatus.ENDED, None, None
            elif stay.verified_on is not None:
                status, verified_at = StayStatus.VERIFIED, _at(stay.verified_on, 15)
                verified_by = officers.get(district.code) if district is not None else None
            else:
                status, verified_at, verified_by = StayStatus.DECLARED, None, None
            stays.append(
                {
                    "person_id": person_id,
                    "country_id": stay.country,
                    "host_region_id": places.host_regions[stay.host_region].pk if stay.host_region else None,
                    "city": stay.city,
                    "address": stay.address,
                    "employer": stay.employer,
                    "purpose": stay.purpose,
                    "permit_type": stay.permit_type,
                    "permit_expiry": stay.permit_expiry,
                    "arrival_date": stay.arrival_date,
                    "departure_date": stay.departure_date,
                    "residence_region_id": places.regions[stay.residence_region].pk if stay.residence_region else None,
                    "residence_district_id": places.districts[stay.residence_district].pk
                    if stay.residence_district
                    else None,
                    "status": str(status),
                    "consular_district_id": district.pk if district is not None else None,
                    "verified_at": verified_at,
                    "verified_by_id": verified_by.pk if verified_by is not None else None,
                }
            )
        given_at = _at(demo.stays[0].arrival_date - dt.timedelta(days=1))
        consents += [
            {
                "person_id": person_id,
                "purpose": purpose,
                "wording_version": CONSENT_WORDING_VERSION,
                "given_at": given_at,
            }
            for purpose in demo.consents
        ]
    tokens = []
    for name, pk in zip(names, _new_ids(NameForm, len(names)), strict=True):
        name["id"] = pk
        tokens += [
            {"token": token, "name_form_id": pk, "person_id": name["person_id"]}
            for token in index_terms(name["search_key"])
        ]
    rows_insert(NameForm, names)
    rows_insert(NameToken, tokens)
    linkage_features_add(
        people=[
            (pk, name.surname, name.given_names, name.patronymic, demo.birth_date, demo.sex)
            for pk, demo in zip(person_ids, batch, strict=True)
            for name in demo.names[:1]
        ]
    )
    rows_insert(IdentityDocument, documents)
    rows_insert(Stay, stays)
    rows_insert(Consent, consents)
    audit_record_bulk(
        actor=None,
        insert=lambda events: rows_insert(AuditEvent, events),
        entries=[
            AuditEntry(
                action=AuditEvent.Action.CREATE,
                object_type="people.person",
                object_id=str(demo.public_id),
                person=StoredPerson(demo.public_id),
                fields=PERSON_AUDITED_FIELDS,
            )
            for demo in batch
        ],
    )
    return len(batch)


def demo_people_load(
    *,
    people: Iterable[DemoPerson],
    officers: dict[str, Any] | None = None,
    batch_size: int = BATCH_SIZE,
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """Store demo people in one transaction; nothing is stored if any of them fails.

    ``officers`` maps a consular district's code to the officer recorded as having verified the
    verified stays in it; ``on_batch`` is called with the size of each stored batch (progress).
    """
    officers = officers or {}
    stored = 0
    token = current_origin.set(DEMO_ORIGIN)
    try:
        with transaction.atomic():
            places = _Places()
            for batch in _batches(people, batch_size):
                stored += _store_batch(batch, places, officers)
                if on_batch is not None:
                    on_batch(len(batch))
    finally:
        current_origin.reset(token)
    return stored
