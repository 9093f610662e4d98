"""Reads of the register, always through what the asking user may see.

A consular officer sees the people who have a stay in one of their consular districts; a
screening analyst (headquarters) sees everyone; other roles see no one. A person who withdrew
consent to be on the register is not shown to anyone but themself. Whatever a user may not see
is answered as if it did not exist (404).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from mekendesh.accounts.models import Role
from mekendesh.lib.hashing import lookup_hash, normalise_document_number
from mekendesh.names import compare_names, name_key
from mekendesh.people.models import ConsentPurpose, NameForm, Person, Stay

SEARCH_LIMIT = 50


def _consenting(queryset: QuerySet[Person]) -> QuerySet[Person]:
    return queryset.filter(consents__purpose=ConsentPurpose.REGISTER, consents__withdrawn_at__isnull=True)


def people_visible_to(user: Any) -> QuerySet[Person]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Person.objects.none()
    if user.role == Role.SCREENING_ANALYST:
        return _consenting(Person.objects.all()).distinct()
    if user.role == Role.CONSULAR_OFFICER:
        district_ids = list(user.consular_districts.values_list("pk", flat=True))
        return _consenting(Person.objects.filter(stays__consular_district__in=district_ids)).distinct()
    return Person.objects.none()


def stays_visible_to(user: Any) -> QuerySet[Stay]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Stay.objects.none()
    if user.role == Role.SCREENING_ANALYST:
        return Stay.objects.filter(person__in=people_visible_to(user))
    if user.role == Role.CONSULAR_OFFICER:
        return Stay.objects.filter(
            consular_district__in=user.consular_districts.all(), person__in=people_visible_to(user)
        )
    return Stay.objects.none()


def can_change_stay(user: Any, stay: Stay) -> bool:
    """Only an officer of the stay's own consular district verifies or ends it."""
    return (
        getattr(user, "is_authenticated", False)
        and user.role == Role.CONSULAR_OFFICER
        and user.consular_districts.filter(pk=stay.consular_district_id).exists()
    )


def _with_details(queryset: QuerySet[Person]) -> QuerySet[Person]:
    return queryset.select_related("origin_region", "origin_district").prefetch_related(
        "names", "documents__issuing_country",
        Prefetch("stays", queryset=Stay.objects.select_related("country", "host_region", "consular_district")),
        "consents",
    )


def person_get_for_staff(*, user: Any, public_id: Any) -> Person:
    try:
        return _with_details(people_visible_to(user)).get(public_id=public_id)
    except (Person.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def stay_get_for_staff(*, user: Any, stay_id: int) -> Stay:
    try:
        return stays_visible_to(user).select_related("person", "country", "consular_district").get(pk=stay_id)
    except (Stay.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


_DOCUMENT_NUMBER = re.compile(r"^[A-Za-z]{0,3}\s?\d{5,12}$")


def person_search(*, user: Any, query: str, limit: int = SEARCH_LIMIT) -> list[Person]:
    """People whose name in any script matches the query's name keys, or whose document number
    equals the query exactly. «Kulubaev Zheenbek», «Кулубаев Женбек» and «Жээнбек Кулубаев» find
    the same person."""
    query = " ".join(query.split())[:200]
    if not query:
        return []
    visible = people_visible_to(user)
    if _DOCUMENT_NUMBER.match(query):
        by_document = visible.filter(documents__number_hash=lookup_hash(normalise_document_number(query)))
        found = list(_with_details(by_document)[:limit])
        if found:
            return found
    tokens = [token for token in name_key(query).split() if token]
    if not tokens:
        return []
    matching_names = NameForm.objects.all()
    for token in tokens:
        matching_names = matching_names.filter(
            Q(search_key=token) | Q(search_key__startswith=f"{token} ") | Q(search_key__endswith=f" {token}")
            | Q(search_key__contains=f" {token} ")
        )
    return list(_with_details(visible.filter(pk__in=matching_names.values("person_id")))[:limit])


@dataclass(frozen=True)
class DuplicateCandidate:
    person: Person
    score: float
    reasons: tuple[str, ...]


def person_duplicates(*, person: Person, user: Any | None = None, limit: int = 10) -> list[DuplicateCandidate]:
    """People already registered who may be the same as ``person``: the same document, or a name
    alike in any script with the same date of birth. Proposed to an officer, never merged."""
    base = people_visible_to(user) if user is not None else Person.objects.all()
    base = base.exclude(pk=person.pk)
    hashes = [document.number_hash for document in person.documents.all()]
    by_document = set(base.filter(documents__number_hash__in=hashes).values_list("pk", flat=True)) if hashes else set()
    same_birth = base.filter(birth_date=person.birth_date)
    candidates = _with_details(base.filter(Q(pk__in=by_document) | Q(pk__in=same_birth.values("pk"))).distinct())[:200]
    own_names = [name.full_name for name in person.names.all()]
    found: list[DuplicateCandidate] = []
    for other in candidates:
        best = 0.0
        best_reason = ""
        for own in own_names:
            for theirs in other.names.all():
                comparison = compare_names(own, theirs.full_name)
                if comparison.score > best:
                    best = comparison.score
                    best_reason = "; ".join(f"{part.part}: {part.reason}" for part in comparison.parts)
        reasons = []
        if other.pk in by_document:
            reasons.append("same document number")
            best = max(best, 0.99)
        if other.birth_date == person.birth_date:
            reasons.append("same date of birth")
        if best_reason:
            reasons.append(best_reason)
        if other.pk in by_document or best >= 0.8:
            found.append(DuplicateCandidate(person=other, score=round(best, 3), reasons=tuple(reasons)))
    found.sort(key=lambda candidate: candidate.score, reverse=True)
    return found[:limit]


def person_export_data(*, person: Person) -> dict[str, Any]:
    """Everything held about a person, as plain data (for the person's own download)."""
    person = _with_details(Person.objects.filter(pk=person.pk)).get()
    return {
        "public_id": str(person.public_id),
        "sex": person.sex,
        "birth_date": person.birth_date.isoformat(),
        "origin_region": person.origin_region.name_en if person.origin_region else None,
        "origin_district": person.origin_district.name_en if person.origin_district else None,
        "email": person.email,
        "phone": person.phone,
        "registered": person.created_at.isoformat(),
        "names": [
            {"script": n.script, "source": n.source, "surname": n.surname, "given_names": n.given_names,
             "patronymic": n.patronymic, "primary": n.is_primary}
            for n in person.names.all()
        ],
        "documents": [
            {"kind": d.kind, "issuing_country": d.issuing_country_id, "number": d.number,
             "expiry_date": d.expiry_date.isoformat() if d.expiry_date else None, "mrz": d.mrz or ""}
            for d in person.documents.all()
        ],
        "stays": [
            {"country": s.country_id, "region": s.host_region.name_en if s.host_region else None, "city": s.city,
             "address": s.address, "employer": s.employer, "purpose": s.purpose, "permit_type": s.permit_type,
             "permit_expiry": s.permit_expiry.isoformat() if s.permit_expiry else None,
             "arrival_date": s.arrival_date.isoformat(),
             "departure_date": s.departure_date.isoformat() if s.departure_date else None,
             "status": s.status,
             "consular_district": s.consular_district.code if s.consular_district else None}
            for s in person.stays.all()
        ],
        "consents": [
            {"purpose": c.purpose, "wording_version": c.wording_version, "given_at": c.given_at.isoformat(),
             "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None}
            for c in person.consents.all()
        ],
    }


def person_of_account(*, user: Any) -> Person | None:
    """The person whose account ``user`` is: the only person the migrant's own pages show."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return _with_details(Person.objects.filter(account=user)).first()


def person_history(*, person: Person) -> list[dict[str, Any]]:
    """Who created, changed, read or exported this person's data, and when — for the person's
    own download. Staff are named by their role, not by their account."""
    from mekendesh.audit.models import AuditEvent

    events = AuditEvent.objects.filter(person_id=str(person.public_id)).order_by("sequence")
    return [
        {"at": event.at.isoformat(), "action": event.action, "object": event.object_type,
         "fields": event.fields, "by": "self" if event.actor_id == person.account_id else (event.actor_role or "system")}
        for event in events
    ]
