"""The public status check: "does a list name me, and what is my case doing?"

A person types their surname, date of birth and passport number (always in the request body).
The answer says, in their language, whether a host-country list known to the ministry names a
person with these details — which list, since when, what it means for them and what to do, and
which consulate to turn to — and that, if the details are registered, a one-time code was sent
to the contact on record. The code (or signing in) shows what their cases are doing: a passport
number and a date of birth are not a secret, the person's phone or mailbox is.

Which entries name the person: the current entries confirmed as the registered person these
details find (:func:`~mekendesh.screening.selectors.entries_naming`), and the current entries
whose document number hash and date of birth equal what was typed (a list may name someone who
never registered).

Equal treatment, by construction:

* :func:`status_check` does the same work whatever the details name: the same hashing, the same
  queries in the same order — a person the register does not know is looked for as person 0,
  whom no row names, and a list of countries that would be empty holds one code that names no
  country, so that no query is ever skipped —, and one new :class:`StatusCheck` row.
* The answer (:class:`StatusAnswer`) holds the list entries and, when a list names the person,
  the consulates to turn to; nothing else of what the lookup found reaches it. Every answer has
  a check token and the same sentence about the code.
* Whether a code is sent is decided later, away from the request, by the delivery job
  (:func:`status_codes_deliver`): a check of a person it can reach gets a code, every other
  check none, which no typed code can match.

Checks are limited per client address and per passport number (:func:`status_limits_hit`): the
first few in an hour are answered at once, the next ones only after a wait that doubles with
each, then none until the hour ends. The counts are rows of :class:`StatusCounter`, shared by
every web process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.lib.hashing import lookup_hashes, normalise_document_number
from mekendesh.names import name_key
from mekendesh.screening.models import ListEntry, ListKind, StatusCheck, StatusCounter
from mekendesh.screening.selectors import entries_naming

DELIVERY_JOB_KIND = "screening.status_codes"
CODE_DIGITS = 6
WINDOW_SECONDS = 3600
# A person id no row has (ids start at 1): the lookups of a person the register does not know
# run as for any other, and find nothing.
NOBODY = 0
# A country code no country has: the query of the consulates runs even when no list names anyone.
NO_COUNTRY = ""


def clock() -> dt.datetime:
    """The time every step of the status check goes by (one place for the tests to set it)."""
    return timezone.now()


# --- what was asked, and the answer ----------------------------------------------------------


@dataclass(frozen=True)
class StatusQuery:
    surname: str
    birth_date: dt.date
    document_number: str


@dataclass(frozen=True)
class Listing:
    """A list entry naming the person, as they read it."""

    list_name: str
    authority: str
    country: str
    kind: str
    since: dt.date | None
    consequence: str
    advice: str


@dataclass(frozen=True)
class Consulate:
    name: str
    city: str
    address: str
    phone: str
    email: str
    opening_hours: str
    website: str


@dataclass(frozen=True)
class GuidanceLink:
    """The guidance article on restriction registers for a list's country (or for every
    destination)."""

    country: str  # the country's name, "" for the article for every destination
    url: str


@dataclass(frozen=True)
class StatusAnswer:
    """What the status check answers, whoever the details name. ``check_token`` opens the
    code form (the code itself went, if at all, to the contact on record)."""

    listings: list[Listing]
    consulates: list[Consulate]
    check_token: str
    code_valid_until: dt.datetime
    guidance: list[GuidanceLink] = field(default_factory=list)

    @property
    def named(self) -> bool:
        return bool(self.listings)


def _keyed(purpose: str, value: str) -> str:
    """A keyed hash (HMAC-SHA256 under the current look-up key) of ``value`` for ``purpose``."""
    key = settings.LOOKUP_HASH_KEYS[0].encode("utf-8")
    return hmac.new(key, f"status:{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def code_digest(check_id: int, code: str) -> str:
    """The stored form of a check's code (bound to the check: a code opens no other check)."""
    return _keyed("code", f"{check_id}:{code}")


def _person_found(query: StatusQuery, hashes: list[str]) -> int:
    """The registered person with this passport number, date of birth and surname (in any of
    the scripts the register writes it in), or :data:`NOBODY`. One query, whatever it finds."""
    from mekendesh.people.models import NameForm

    rows = NameForm.objects.filter(
        person__documents__number_hash__in=hashes, person__birth_date=query.birth_date
    ).values_list("person_id", "surname")
    typed = name_key(query.surname)
    found = sorted({person_id for person_id, surname in rows if typed and name_key(surname) == typed})
    return found[0] if found else NOBODY


def _entries_naming(*, person_id: int, hashes: list[str], birth_date: dt.date) -> list[ListEntry]:
    """The current entries confirmed as the person, and those whose document number and date
    of birth are the ones typed. One query."""
    typed = Q(document_hash__in=hashes, birth_date=birth_date.isoformat())
    confirmed = Q(pk__in=entries_naming(person=person_id).values("pk"))
    return list(
        ListEntry.objects.filter(gone_in__isnull=True)
        .filter(typed | confirmed)
        .select_related("source__country")
        .order_by("listed_on", "pk")
    )


def _consulates(*, person_id: int, entries: list[ListEntry]) -> list[Consulate]:
    """Where to turn when a list names the person: the consulate of their current stay, if the
    register knows one; else those serving the countries of the lists. Two queries, always."""
    from mekendesh.people.models import Stay, StayStatus
    from mekendesh.reference.models import ConsularDistrict

    stay = (
        Stay.objects.filter(person_id=person_id)
        .exclude(status=StayStatus.ENDED)
        .exclude(consular_district=None)
        .select_related("consular_district")
        .order_by("-arrival_date", "-pk")
        .first()
    )
    countries = sorted({entry.source.country_id for entry in entries}) or [NO_COUNTRY]
    serving = list(
        ConsularDistrict.objects.filter(Q(countries__in=countries) | Q(host_regions__country__in=countries))
        .distinct()
        .order_by("code")
    )
    if not entries:
        return []
    districts = [stay.consular_district] if stay is not None and stay.consular_district is not None else serving
    return [
        Consulate(
            name=district.name,
            city=district.city,
            address=district.address,
            phone=district.phone,
            email=district.email,
            opening_hours=district.opening_hours,
            website=district.website,
        )
        for district in districts
    ]


def _listing(entry: ListEntry) -> Listing:
    source = entry.source
    return Listing(
        list_name=source.name,
        authority=source.authority,
        country=source.country.name,
        kind=str(ListKind(source.kind).label),
        since=entry.listed_on,
        consequence=source.consequence,
        advice=source.advice,
    )


def _guidance(*, entries: list[ListEntry]) -> list[GuidanceLink]:
    """The articles on restriction registers for the countries of the lists naming the person
    (each country's own, else the one for every destination), or the one for every destination
    when no list does. One query, always."""
    from mekendesh.guidance.models import Topic
    from mekendesh.guidance.selectors import article_url, articles_for

    countries = {entry.source.country_id: entry.source.country.name for entry in entries}
    found = articles_for(sorted(countries) or [NO_COUNTRY], Topic.RESTRICTION_REGISTERS)
    links: dict[str, GuidanceLink] = {}
    for article in found.values():
        name = article.destination.name if article.destination is not None else ""
        links.setdefault(article.country_slug, GuidanceLink(country=name, url=article_url(article)))
    return list(links.values())


def status_check(*, query: StatusQuery, language: str, now: dt.datetime | None = None) -> StatusAnswer:
    """Answer a status check (after :func:`status_limits_hit` let it through): the lists naming
    the person and whom to turn to, and a new check whose code the delivery job sends if the
    details are registered and the person can be reached. The same work on every path (see the
    module's description)."""
    now = now or clock()
    hashes = lookup_hashes(normalise_document_number(query.document_number))
    token = secrets.token_urlsafe(32)
    valid_until = now + dt.timedelta(minutes=settings.STATUS_CODE_MINUTES)
    with transaction.atomic():
        person_id = _person_found(query, hashes)
        entries = _entries_naming(person_id=person_id, hashes=hashes, birth_date=query.birth_date)
        consulates = _consulates(person_id=person_id, entries=entries)
        guidance = _guidance(entries=entries)
        StatusCheck.objects.create(
            token_hash=token_digest(token),
            person_id=person_id or None,
            language=language,
            created_at=now,
            expires_at=valid_until,
        )
        transaction.on_commit(status_delivery_ensure, robust=True)
    return StatusAnswer(
        listings=[_listing(entry) for entry in entries],
        consulates=consulates,
        check_token=token,
        code_valid_until=valid_until,
        guidance=guidance,
    )


# --- limits ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LimitKey:
    scope: str  # "address", "number" or "code"
    value: str
    free: int
    limit: int


@dataclass(frozen=True)
class LimitVerdict:
    allowed: bool
    scope: str = ""  # the scope that held the request back
    refused: bool = False  # True: none until the hour ends; False: answered after a wait
    retry_after: int = 0  # seconds


def address_key(address: str, *, scope: str = "address") -> LimitKey:
    return LimitKey(scope, address, settings.STATUS_ADDRESS_FREE, settings.STATUS_ADDRESS_LIMIT)


def number_key(number: str) -> LimitKey:
    return LimitKey(
        "number", normalise_document_number(number), settings.STATUS_NUMBER_FREE, settings.STATUS_NUMBER_LIMIT
    )


def slowdown_seconds(answered: int, free: int) -> int:
    """The wait before the next answer after ``answered`` answers in the hour: none for the
    first ``free``, then ``STATUS_SLOWDOWN_SECONDS``, doubling with each more."""
    if answered < free:
        return 0
    return int(settings.STATUS_SLOWDOWN_SECONDS * 2 ** min(answered - free, 20))


def _counter(key: LimitKey, window: int) -> StatusCounter:
    digest = _keyed(key.scope, key.value)
    StatusCounter.objects.bulk_create(
        [StatusCounter(scope=key.scope, key=digest, window=window)], ignore_conflicts=True
    )
    return StatusCounter.objects.select_for_update().get(scope=key.scope, key=digest, window=window)


def status_limits_hit(*, keys: list[LimitKey], now: dt.datetime | None = None) -> LimitVerdict:
    """Count one attempt under each key (an address, a passport number) in the current hour and
    say whether it may be answered now: it is when every key allows it, and it then counts as
    answered under each. The same queries whatever the verdict."""
    now = now or clock()
    window = int(now.timestamp()) // WINDOW_SECONDS
    window_left = (window + 1) * WINDOW_SECONDS - int(now.timestamp())
    held: list[LimitVerdict] = []
    with transaction.atomic():
        counters = [(key, _counter(key, window)) for key in keys]
        for key, counter in counters:
            counter.attempts += 1
            wait = slowdown_seconds(counter.answered, key.free)
            if counter.attempts > key.limit:
                held.append(LimitVerdict(False, key.scope, refused=True, retry_after=window_left))
            elif wait and counter.last_answered_at is not None:
                ready = counter.last_answered_at + dt.timedelta(seconds=wait)
                if now < ready:
                    left = math.ceil((ready - now).total_seconds())
                    held.append(LimitVerdict(False, key.scope, retry_after=max(1, left)))
        for _key, counter in counters:
            if not held:
                counter.answered += 1
                counter.last_answered_at = now
            counter.save(update_fields=["attempts", "answered", "last_answered_at"])
    if not held:
        return LimitVerdict(True)
    return max(held, key=lambda verdict: (verdict.refused, verdict.retry_after))


def limit_message(verdict: LimitVerdict) -> str:
    """What the person reads when a check is held back: a wait, or no more for a while."""
    minutes = max(1, (verdict.retry_after + 59) // 60)
    if verdict.scope == "number":
        return ngettext(
            "This passport number was checked too often in the last hour, perhaps by someone else. "
            "Try again in %(minutes)d minute. If it is yours, you can also sign in to see your cases.",
            "This passport number was checked too often in the last hour, perhaps by someone else. "
            "Try again in %(minutes)d minutes. If it is yours, you can also sign in to see your cases.",
            minutes,
        ) % {"minutes": minutes}
    if verdict.refused:
        return ngettext(
            "So many checks came from your network in the last hour that no more are answered now. "
            "Try again in %(minutes)d minute.",
            "So many checks came from your network in the last hour that no more are answered now. "
            "Try again in %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}
    return ngettext(
        "Too many checks from your network: wait %(seconds)d second before the next one.",
        "Too many checks from your network: wait %(seconds)d seconds before the next one.",
        verdict.retry_after,
    ) % {"seconds": verdict.retry_after}


# --- the code -------------------------------------------------------------------------------


def status_delivery_ensure() -> None:
    """Start the delivery job unless one is already queued (it delivers every check waiting)."""
    from mekendesh.jobs.models import Job, JobStatus
    from mekendesh.jobs.services import job_start

    with transaction.atomic():
        if not Job.objects.filter(kind=DELIVERY_JOB_KIND, status=JobStatus.QUEUED).exists():
            job_start(actor=None, kind=DELIVERY_JOB_KIND)


def _deliver(check: StatusCheck, now: dt.datetime) -> bool:
    """Give the check a code and send it, if it names a person who can be reached and it has
    not expired; mark it handled either way. Returns whether a code was sent."""
    from mekendesh.notifications.services import notification_queue, recipient_for_person

    person = check.person
    recipient = recipient_for_person(person) if person is not None and check.expires_at > now else None
    if person is not None and recipient is not None:
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        check.code_hash = code_digest(check.pk, code)
        notification_queue(
            recipient=replace(recipient, language=check.language),
            event_key=f"screening:status-code:{check.pk}",
            template="screening/status_code",
            context={"code": code, "minutes": max(1, int((check.expires_at - now).total_seconds()) // 60)},
            about=check,
        )
    if person is not None:
        audit_record(
            actor=None,
            action=AuditEvent.Action.CREATE,
            obj=check,
            person=person,
            fields=["code_hash"] if recipient is not None else [],
        )
    check.delivered_at = now
    check.save(update_fields=["code_hash", "delivered_at"])
    return recipient is not None


def status_codes_deliver(*, now: dt.datetime | None = None, batch: int = 500) -> tuple[int, int]:
    """The delivery job's work: every check not yet handled, oldest first, each in a
    transaction of its own. Returns (checks handled, codes sent)."""
    now = now or clock()
    handled = sent = 0
    while True:
        waiting = list(
            StatusCheck.objects.filter(delivered_at__isnull=True)
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)[:batch]
        )
        if not waiting:
            return handled, sent
        for pk in waiting:
            with transaction.atomic():
                check = (
                    StatusCheck.objects.select_for_update(of=("self",))
                    .filter(pk=pk, delivered_at__isnull=True)
                    .select_related("person__account")
                    .first()
                )
                if check is None:
                    continue
                handled += 1
                sent += _deliver(check, now)


@dataclass(frozen=True)
class CaseLine:
    """A case as the person reads it: its step, what that means, who acts and by when."""

    status: Any  # cases.selectors.PersonStatus
    who_acts: str


class CodeOutcome:
    SHOWN = "shown"
    WRONG = "wrong"
    SPENT = "spent"  # too many wrong codes
    EXPIRED = "expired"  # or no such check
    USED = "used"


@dataclass(frozen=True)
class CodeResult:
    outcome: str
    cases: list[CaseLine]
    tries_left: int = 0

    @property
    def message(self) -> str:
        if self.outcome == CodeOutcome.WRONG:
            return ngettext(
                "The code is wrong. You may try %(tries)d more time.",
                "The code is wrong. You may try %(tries)d more times.",
                self.tries_left,
            ) % {"tries": self.tries_left}
        if self.outcome == CodeOutcome.SPENT:
            return _("The code was typed wrong too many times. Check your status again to get a new code.")
        if self.outcome == CodeOutcome.USED:
            return _("This code was already used. Check your status again to get a new code.")
        if self.outcome == CodeOutcome.EXPIRED:
            return _("This code is no longer valid. Check your status again to get a new code.")
        return ""


def _who_acts(status: Any) -> str:
    from mekendesh.cases.models import Party

    step, case = status.step, status.case
    if step.party == Party.PERSON:
        return _("you")
    if step.party == Party.CONSULATE:
        return str(case.consular_district) if case.consular_district is not None else _("the ministry")
    return str(Party(step.party).label)


def status_code_verify(*, token: str, code: str, now: dt.datetime | None = None) -> CodeResult:
    """Check a one-time code against its check: single use, until it expires, at most
    ``STATUS_CODE_ATTEMPTS`` tries. The right code shows the person's cases (and the reading is
    recorded in the audit trail as the person's data shown to whoever held the code)."""
    from mekendesh.cases.selectors import cases_of_person

    now = now or clock()
    typed = "".join(str(code or "").split())
    with transaction.atomic():
        check = StatusCheck.objects.select_for_update().filter(token_hash=token_digest(str(token or ""))).first()
        if check is None:
            return CodeResult(CodeOutcome.EXPIRED, [])
        if check.used_at is not None:
            return CodeResult(CodeOutcome.USED, [])
        if check.expires_at <= now:
            return CodeResult(CodeOutcome.EXPIRED, [])
        if check.attempts >= settings.STATUS_CODE_ATTEMPTS:
            return CodeResult(CodeOutcome.SPENT, [])
        right = hmac.compare_digest(check.code_hash or "-", code_digest(check.pk, typed))
        if not right or check.person_id is None:
            check.attempts += 1
            check.save(update_fields=["attempts"])
            left = settings.STATUS_CODE_ATTEMPTS - check.attempts
            return CodeResult(CodeOutcome.WRONG if left > 0 else CodeOutcome.SPENT, [], tries_left=left)
        check.used_at = now
        check.save(update_fields=["used_at"])
        statuses = cases_of_person(person=check.person_id)
        audit_record(actor=None, action=AuditEvent.Action.READ, obj=check, person=check.person, fields=["cases"])
    return CodeResult(CodeOutcome.SHOWN, [CaseLine(status, _who_acts(status)) for status in statuses])


def status_records_prune(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Delete checks older than a day and counters of earlier hours (the hourly job)."""
    now = now or clock()
    window = int(now.timestamp()) // WINDOW_SECONDS
    checks, _counts = StatusCheck.objects.filter(created_at__lt=now - dt.timedelta(days=1)).delete()
    counters, _counts = StatusCounter.objects.filter(window__lt=window).delete()
    return checks, counters
