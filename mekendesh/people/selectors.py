"""Reads of the register, always through what the asking user may see.

A consular officer sees the people who have a stay (an ended one included) in one of their
consular districts, and of their stays only those in the officer's districts; a screening analyst
(headquarters) sees everyone and every stay; other roles see no one. A person who withdrew
consent to be on the register is not shown to anyone but themself. Whatever a user may not see
is answered as if it did not exist (404).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import can, is_signed_in, officer_district_ids, sees_every_district
from mekendesh.lib.hashing import lookup_hashes
from mekendesh.linkage.io import Record
from mekendesh.linkage.scorer import Score, Scorer, load_scorer
from mekendesh.names import name_key
from mekendesh.people.linkage_features import name_record
from mekendesh.people.models import (
    Consent,
    ConsentPurpose,
    DocumentClaim,
    IdentityDocument,
    NameForm,
    NameToken,
    Person,
    Stay,
    StayStatus,
)
from mekendesh.people.search_index import search_key_tokens, word_pair
from mekendesh.reference.models import ConsularDistrict
from mekendesh.screening.explanation import COMPARISON_LABELS, LEVEL_LABELS, signed

SEARCH_LIMIT = 50
# The people a name search reads and ranks with the model, at most; the first SEARCH_LIMIT are shown.
SEARCH_CANDIDATES = 500
# The words of a query that make the pairs a name search looks up (6 words, 15 pairs).
SEARCH_WORDS = 6


def _on_register(person: Any = None) -> Exists:
    """Whether the person (by default the outer query's) has an active consent to be on the
    register: an index look-up (the partial unique index of active consents), no join."""
    return Exists(
        Consent.objects.filter(
            person=OuterRef("pk") if person is None else person,
            purpose=ConsentPurpose.REGISTER,
            withdrawn_at__isnull=True,
        )
    )


def _district_ids(user: Any) -> QuerySet[Any]:
    """The officer's consular districts, as a subquery (no query of its own)."""
    return user.consular_districts.values("pk")


def people_visible_to(user: Any) -> QuerySet[Person]:
    # Each condition is an EXISTS subquery on an index: no join, so no DISTINCT over the people.
    if not is_signed_in(user):
        return Person.objects.none()
    if sees_every_district(user):
        return Person.objects.filter(_on_register())
    if can(user, "person.view"):
        in_district = Exists(Stay.objects.filter(person=OuterRef("pk"), consular_district__in=_district_ids(user)))
        return Person.objects.filter(in_district, _on_register())
    return Person.objects.none()


def stays_visible_to(user: Any) -> QuerySet[Stay]:
    if not is_signed_in(user):
        return Stay.objects.none()
    on_register = _on_register(OuterRef("person_id"))
    if sees_every_district(user):
        return Stay.objects.filter(on_register)
    if can(user, "person.view"):
        return Stay.objects.filter(on_register, consular_district__in=_district_ids(user))
    return Stay.objects.none()


def changeable_stay_ids(user: Any, stays: Iterable[Stay]) -> set[int]:
    """The ids of those ``stays`` the user may verify or end: only an officer of a stay's own
    consular district does. The officer's districts are read once, whatever the number of stays."""
    if not can(user, "stay.verify"):
        return set()
    own = officer_district_ids(user)
    return {stay.pk for stay in stays if stay.consular_district_id in own} if own else set()


def can_change_stay(user: Any, stay: Stay) -> bool:
    """Only an officer of the stay's own consular district verifies or ends it."""
    return can(user, "stay.verify", stay)


def can_search_people(user: Any) -> bool:
    """Consular officers and screening analysts look people up; other staff roles do not."""
    return can(user, "person.search")


def can_register_people(user: Any) -> bool:
    """Only a consular officer bound to a district enters people and stays."""
    return can(user, "person.register")


def can_see_document_numbers(user: Any, person: Person) -> bool:
    """Full document numbers (and machine-readable zones) are for an officer of the district the
    person stays in now: one of their stays not ended is in the officer's district. An officer
    who only holds an ended stay of the person, and everyone else, sees them masked."""
    own = officer_district_ids(user)
    if not own:
        return False
    current = Stay.objects.filter(person=person, consular_district__in=own).exclude(status=StayStatus.ENDED)
    return current.exists()


def has_agreed_to_contact(person: Person) -> bool:
    """Whether staff may see and use the person's phone number and e-mail address: only while
    the person's consent to consular contact is in force."""
    return any(
        consent.purpose == ConsentPurpose.CONSULAR_CONTACT and consent.active for consent in person.consents.all()
    )


@dataclass(frozen=True)
class DistrictWorkload:
    district: ConsularDistrict
    awaiting_verification: int
    # More declared stays than ``awaiting_verification`` (the cap) await verification.
    more: bool = False


# Past this many declared stays in a district the workload says "more than": counting all of a
# district's hundreds of thousands of stays was most of the staff home's time at a million people.
WORKLOAD_CAP = 10_000


def officer_workload(user: Any) -> list[DistrictWorkload]:
    """An officer's districts with the number of declared stays awaiting verification, exact up
    to :data:`WORKLOAD_CAP`."""
    if not can_register_people(user):
        return []
    # Counted on the (consular_district, status, arrival_date) index, less the stays of the few
    # people no longer on the register (a withdrawn consent, none active), found by their own
    # partial index: checking consent stay by stay would read every declared stay's person. The
    # index is read only as far as the cap plus those few, so the count is exact below the cap.
    declared = Stay.objects.filter(status=StayStatus.DECLARED, consular_district__in=_district_ids(user))
    off_register = Consent.objects.filter(purpose=ConsentPurpose.REGISTER, withdrawn_at__isnull=False).filter(
        ~_on_register(OuterRef("person_id"))
    )
    off = dict(
        declared.filter(person__in=off_register.values("person_id"))
        .order_by()
        .values("consular_district")
        .annotate(total=Count("pk"))
        .values_list("consular_district", "total")
    )
    workload = []
    for district in user.consular_districts.order_by("code"):
        leaving = off.get(district.pk, 0)
        limit = WORKLOAD_CAP + leaving + 1
        counted = declared.filter(consular_district=district).order_by()[:limit].count()
        more = counted >= limit
        workload.append(
            DistrictWorkload(
                district=district, awaiting_verification=WORKLOAD_CAP if more else counted - leaving, more=more
            )
        )
    return workload


def stays_awaiting_verification(
    user: Any,
    *,
    district: ConsularDistrict | None = None,
    arrived_from: dt.date | None = None,
    arrived_to: dt.date | None = None,
) -> QuerySet[Stay]:
    """The officer's work queue: declared stays in their consular districts (or the one named),
    oldest arrival first, optionally within an arrival date range, read along the
    (consular_district, status, arrival_date) index. Empty for anyone who does not verify stays."""
    if not can(user, "stay.queue"):
        return Stay.objects.none()
    # The districts as a list of ids, not a subquery: with one district (the usual case, and
    # whenever the queue is filtered by one) the database reads the index in arrival order and
    # stops after the page; over a subquery it sorted every declared stay of the district.
    own = officer_district_ids(user)
    district_ids = sorted(own) if district is None else [district.pk] if district.pk in own else []
    stays = Stay.objects.filter(
        _on_register(OuterRef("person_id")), status=StayStatus.DECLARED, consular_district_id__in=district_ids
    )
    if arrived_from is not None:
        stays = stays.filter(arrival_date__gte=arrived_from)
    if arrived_to is not None:
        stays = stays.filter(arrival_date__lte=arrived_to)
    return (
        stays.select_related("person", "country", "host_region", "consular_district")
        .prefetch_related("person__names")
        .order_by("arrival_date", "pk")
    )


def current_stay(person: Person) -> Stay | None:
    """The stay a person is on now: the latest one not ended, else the latest one."""
    stays = list(person.stays.all())
    open_stays = [stay for stay in stays if stay.status != StayStatus.ENDED]
    candidates = open_stays or stays
    return max(candidates, key=lambda stay: (stay.arrival_date, stay.pk)) if candidates else None


def _with_details(queryset: QuerySet[Person], *, stays: QuerySet[Stay] | None = None) -> QuerySet[Person]:
    """People with their names, documents, consents and stays read in a fixed number of queries.

    ``stays`` narrows the stays read: on the staff side it is :func:`stays_visible_to`, so that
    ``person.stays.all()`` — and everything built on it, the current stay included — holds only
    the stays the user may see. An officer who sees a person through an ended stay in their
    district sees that stay, not where the person went next.
    """
    stays = Stay.objects.all() if stays is None else stays
    # One query per relation, each on the person_id index (IN the people read).
    return queryset.select_related("origin_region", "origin_district").prefetch_related(
        "names",
        Prefetch("documents", queryset=IdentityDocument.objects.select_related("issuing_country")),
        Prefetch(
            "stays",
            queryset=stays.select_related(
                "country", "host_region", "consular_district", "residence_region", "residence_district"
            ),
        ),
        "consents",
    )


def _for_staff(queryset: QuerySet[Person], user: Any) -> QuerySet[Person]:
    return _with_details(queryset, stays=stays_visible_to(user))


def person_get_for_staff(*, user: Any, public_id: Any) -> Person:
    try:
        return _for_staff(people_visible_to(user), user).get(public_id=public_id)
    except (Person.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def stay_get_for_staff(*, user: Any, stay_id: int) -> Stay:
    try:
        return stays_visible_to(user).select_related("person", "country", "consular_district").get(pk=stay_id)
    except (Stay.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def _holds_document(number: str) -> Exists:
    return Exists(IdentityDocument.objects.filter(person=OuterRef("pk"), number_hash__in=lookup_hashes(number)))


def person_with_document(*, user: Any, number: str) -> Person | None:
    """The person the user may see who holds a document with exactly this number."""
    return people_visible_to(user).filter(_holds_document(number)).first()


_DOCUMENT_NUMBER = re.compile(r"^[A-Za-z]{0,3}\s?\d{5,12}$")


def scorer() -> Scorer:
    """The model screening links with (its saved model, else the shipped one): search and the
    duplicate proposals weigh a pair of names as screening does, and its thresholds say when
    a pair is "likely the same person" (match) or "possibly" (review)."""
    path = settings.SCREENING_MODEL_FILE
    return load_scorer(path if path.exists() else None)


# A name form as plain values: surname, given names, patronymic, whether it is the primary one.
_Name = tuple[str, str, str, bool]


def _names_of(person: Person) -> list[_Name]:
    return [(name.surname, name.given_names, name.patronymic, name.is_primary) for name in person.names.all()]


def _person_records(person_id: int, birth_date: Any, sex: str, names: list[_Name]) -> list[Record]:
    """A person's name forms as records. A form without a father's name (a passport's Latin
    form) takes the one of the person's other forms: the father is the same in every script,
    and a form without him must not hide that he differs from another person's father."""
    father = next((name[2] for name in sorted(names, key=lambda name: not name[3]) if name[2]), "")
    return [
        name_record(person_id, (surname, given, patronymic or father), birth_date, sex)
        for surname, given, patronymic, _primary in names
    ]


def likeness(decision: str | None) -> str:
    """The words for a scorer's decision, the same in search, duplicates and screening."""
    if decision == "match":
        return _("likely the same person")
    if decision == "review":
        return _("possibly the same person")
    return _("unlikely the same person")


def score_reasons(score: Score) -> tuple[str, ...]:
    """Why a pair scores as it does, comparison by comparison: «Surname: the same (+7.6)»."""
    return tuple(
        _("%(comparison)s: %(level)s (%(weight)s)")
        % {
            "comparison": COMPARISON_LABELS.get(name, name),
            "level": LEVEL_LABELS.get(level, level),
            "weight": signed(weight),
        }
        for name, (level, weight) in score.explanation.items()
    )


@dataclass(frozen=True)
class SearchResult:
    person: Person
    score: Score | None  # None for a search by document number

    @property
    def decision(self) -> str | None:
        return self.score.decision() if self.score is not None else None

    @property
    def likeness(self) -> str:
        return likeness(self.decision) if self.score is not None else ""

    @property
    def reasons(self) -> tuple[str, ...]:
        return score_reasons(self.score) if self.score is not None else ()


def _search_terms(words: list[str]) -> list[str]:
    """The index terms a name search looks up: every pair of the query's words (the surname
    with the given name, whatever else the query holds), or its only word."""
    words = words[:SEARCH_WORDS]
    if len(words) == 1:
        return words
    return sorted({word_pair(a, b) for index, a in enumerate(words) for b in words[index + 1 :]})


def person_search_results(*, user: Any, query: str, limit: int = SEARCH_LIMIT) -> list[SearchResult]:
    """People whose name in any script is alike to the query, most likely first, or the holder
    of a document with exactly that number.

    Candidates come from the index of name words: the name forms holding a pair of the query's
    words (one word: that word). Each is weighed by the linkage model against the query
    (:func:`scorer`, the same as screening's), and kept when one of its name forms holds every
    word of the query or the model finds it at least possibly the same person: «Кулубаев Женбек
    Асанович» from a Russian list finds «Кулубаев Жээнбек Асан уулу», and «Kulubaev Aigerim»
    does not find «Kulubaev Zheenbek».
    """
    query = " ".join(query.split())[:200]
    if not query:
        return []
    visible = people_visible_to(user)
    if _DOCUMENT_NUMBER.match(query):
        by_document = list(_for_staff(visible.filter(_holds_document(query)), user)[:limit])
        if by_document:
            return [SearchResult(person, None) for person in by_document]
    words = search_key_tokens(name_key(query))
    if not words:
        return []
    terms = _search_terms(words)
    matching = NameToken.objects.filter(token__in=terms) if len(terms) > 1 else NameToken.objects.filter(token=terms[0])
    found = visible.filter(pk__in=matching.values("person_id")).order_by("pk")
    # the candidates' names, dates of birth and sex, as plain values: one query, whatever their number
    forms = NameForm.objects.filter(person_id__in=found.values("pk")[:SEARCH_CANDIDATES]).values_list(
        "person_id",
        "surname",
        "given_names",
        "patronymic",
        "is_primary",
        "search_key",
        "person__birth_date",
        "person__sex",
    )
    by_person: dict[int, tuple[Any, str, list[_Name]]] = {}
    keys: dict[int, list[str]] = {}
    for person_id, surname, given, patronymic, primary, search_key, birth_date, sex in forms:
        by_person.setdefault(person_id, (birth_date, sex, []))[2].append((surname, given, patronymic, primary))
        keys.setdefault(person_id, []).append(search_key)
    model = scorer()
    asked = Record(id="", full_name=query)
    wanted = set(words)
    best: dict[int, Score] = {}
    holds_all: set[int] = set()
    for person_id, (birth_date, sex, names) in by_person.items():
        if any(wanted <= set(key.split()) for key in keys[person_id]):
            holds_all.add(person_id)
        for record in _person_records(person_id, birth_date, sex, names):
            score = model.score(record, asked)
            if person_id not in best or score.match_weight > best[person_id].match_weight:
                best[person_id] = score
    kept = [pk for pk, score in best.items() if pk in holds_all or score.decision() is not None]
    kept.sort(key=lambda pk: (-best[pk].match_weight, pk))
    kept = kept[:limit]
    people = {person.pk: person for person in _for_staff(Person.objects.filter(pk__in=kept), user)}
    return [SearchResult(people[pk], best[pk]) for pk in kept if pk in people]


def person_search(*, user: Any, query: str, limit: int = SEARCH_LIMIT) -> list[Person]:
    """The people of :func:`person_search_results`, most likely first. «Kulubaev Zheenbek»,
    «Кулубаев Женбек» and «Жээнбек Кулубаев» find the same person."""
    return [result.person for result in person_search_results(user=user, query=query, limit=limit)]


@dataclass(frozen=True)
class DuplicateCandidate:
    person: Person
    score: float  # the probability that the two are one person (1 for the same document)
    reasons: tuple[str, ...]
    decision: str | None = None
    weight: float = 0.0  # the match weight (bits), which orders candidates of equal score

    @property
    def likeness(self) -> str:
        return likeness(self.decision)


def _pair_terms(names: Iterable[NameForm]) -> list[str]:
    """The index terms of a surname with a given name, for each name form."""
    terms = set()
    for name in names:
        for surname in name_key(name.surname).split()[:2]:
            for given in name_key(name.given_names).split()[:2]:
                terms.add(word_pair(surname, given))
    return sorted(terms)


def person_duplicates(*, person: Person, user: Any | None = None, limit: int = 10) -> list[DuplicateCandidate]:
    """People already registered who may be the same as ``person``: the same document, or the
    linkage model (the same as screening's, :func:`scorer`) finds them at least possibly the
    same person. Proposed to an officer, never merged."""
    base = people_visible_to(user) if user is not None else Person.objects.all()
    base = base.exclude(pk=person.pk)
    # The same number, registered or claimed on the public form (see DocumentClaim), under any key.
    numbers = [document.number for document in person.documents.all()]
    numbers += [claim.number for claim in person.document_claims.filter(resolved_at__isnull=True)]
    hashes = [digest for number in numbers for digest in lookup_hashes(number)]
    # Each look-up starts from an index (document hash, date of birth, name word) and is narrowed
    # to the people the user may see; an OR across them would make the database scan everyone.
    by_document: set[int] = set()
    if hashes:
        holders = IdentityDocument.objects.filter(number_hash__in=hashes).values("person_id")
        claimants = DocumentClaim.objects.filter(number_hash__in=hashes, resolved_at__isnull=True).values("person_id")
        by_document = set(base.filter(pk__in=holders).values_list("pk", flat=True)) | set(
            base.filter(pk__in=claimants).values_list("pk", flat=True)
        )
    # The candidates, as screening's blocking rules find them: born the same day (the birth date
    # index) with at least one word of a name in common in any script (the token index), or the
    # same surname with the same given name, born any day (the index of pairs of words).
    own = list(person.names.all())
    own_tokens = sorted({token for name in own for token in search_key_tokens(name.search_key)})
    same_birth = base.filter(
        Exists(NameToken.objects.filter(person=OuterRef("pk"), token__in=own_tokens)),
        birth_date=person.birth_date,
    )
    same_name = base.filter(Exists(NameToken.objects.filter(person=OuterRef("pk"), token__in=_pair_terms(own))))
    found_ids = (
        by_document
        | set(same_birth.values_list("pk", flat=True)[:200])
        | set(same_name.order_by("pk").values_list("pk", flat=True)[:200])
    )
    # The panel shows a candidate's names and date of birth: only the names are read with them.
    candidates = Person.objects.filter(pk__in=found_ids).prefetch_related("names")[:400] if found_ids else []
    model = scorer()
    own_records = _person_records(person.pk, person.birth_date, person.sex, _names_of(person))
    found: list[DuplicateCandidate] = []
    for other in candidates:
        best: Score | None = None
        for registered in _person_records(other.pk, other.birth_date, other.sex, _names_of(other)):
            for record in own_records:
                score = model.score(registered, record)
                if best is None or score.match_weight > best.match_weight:
                    best = score
        decision = best.decision() if best is not None else None
        probability = best.match_probability if best is not None else 0.0
        reasons = []
        if other.pk in by_document:
            reasons.append(_("the same document number"))
            probability, decision = 1.0, "match"
        if best is not None:
            reasons.extend(score_reasons(best))
        if decision is not None:
            weight = best.match_weight if best is not None else 0.0
            found.append(
                DuplicateCandidate(
                    person=other, score=round(probability, 3), reasons=tuple(reasons), decision=decision, weight=weight
                )
            )
    found.sort(key=lambda candidate: (candidate.score, candidate.weight), reverse=True)
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
            {
                "script": n.script,
                "source": n.source,
                "surname": n.surname,
                "given_names": n.given_names,
                "patronymic": n.patronymic,
                "primary": n.is_primary,
            }
            for n in person.names.all()
        ],
        "documents": [
            {
                "kind": d.kind,
                "issuing_country": d.issuing_country_id,
                "number": d.number,
                "expiry_date": d.expiry_date.isoformat() if d.expiry_date else None,
                "mrz": d.mrz or "",
            }
            for d in person.documents.all()
        ],
        "stays": [
            {
                "country": s.country_id,
                "region": s.host_region.name_en if s.host_region else None,
                "city": s.city,
                "address": s.address,
                "employer": s.employer,
                "purpose": s.purpose,
                "permit_type": s.permit_type,
                "permit_expiry": s.permit_expiry.isoformat() if s.permit_expiry else None,
                "arrival_date": s.arrival_date.isoformat(),
                "departure_date": s.departure_date.isoformat() if s.departure_date else None,
                "status": s.status,
                "consular_district": s.consular_district.code if s.consular_district else None,
                "last_residence_region": s.residence_region.name_en if s.residence_region else None,
                "last_residence_district": s.residence_district.name_en if s.residence_district else None,
            }
            for s in person.stays.all()
        ],
        "consents": [
            {
                "purpose": c.purpose,
                "wording_version": c.wording_version,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in person.consents.all()
        ],
    }


def person_of_account(*, user: Any) -> Person | None:
    """The person whose account ``user`` is: the only person the migrant's own pages show."""
    if not is_signed_in(user):
        return None
    return _with_details(Person.objects.filter(account=user)).first()


def person_history(*, person: Person) -> list[dict[str, Any]]:
    """Who created, changed, read or exported this person's data, and when — for the person's
    own download. Staff are named by their role, not by their account."""
    from mekendesh.audit.models import AuditEvent

    events = AuditEvent.objects.filter(person_id=str(person.public_id)).order_by("sequence")
    return [
        {
            "at": event.at.isoformat(),
            "action": event.action,
            "object": event.object_type,
            "fields": event.fields,
            "by": "self" if event.actor_id == person.account_id else (event.actor_role or "system"),
        }
        for event in events
    ]
