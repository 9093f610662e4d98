"""Writes of the screening module: list sources, versions (created by the import pipeline,
applied with what they add, change and remove), screening runs, and the review of candidates —
each in one transaction with its audit rows.

A confirmed match opens the assistance case the list's kind calls for (``cases.services.case_open``);
a later version that no longer names a confirmed person records it on that case.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import can
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import AuditEntry, audit_record, audit_record_many
from mekendesh.imports.models import ImportSource
from mekendesh.people.linkage_features import linkage_features_read, linkage_features_refresh
from mekendesh.people.models import Consent, ConsentPurpose, Person, Stay, StayStatus
from mekendesh.reference.models import Country
from mekendesh.screening.lists import TARGET
from mekendesh.screening.models import (
    Candidate,
    CandidateStatus,
    GoneReason,
    Judgement,
    ListEntry,
    ListSource,
    ListVersion,
    RunKind,
    ScreeningRun,
    Verdict,
    VersionRow,
    VersionStatus,
)
from mekendesh.workflows.idempotency import submitted_once
from mekendesh.workflows.services import stale_object_error, transition

BATCH = 2000


# --- list sources -------------------------------------------------------------------------------


@transaction.atomic
def list_source_create(
    *,
    actor: Any,
    name: str,
    country: Country,
    authority: str,
    kind: str,
    consequence: str,
    advice: str = "",
) -> ListSource:
    """Describe a host country's list before its first file arrives: the import pipeline then
    takes files sent under its name."""
    if not can(actor, "screening.lists"):
        raise PermissionDenied(_("You may not do this."))
    name = " ".join(name.split())[:200]
    errors: dict[str, str] = {}
    # Names are compared folded in Python: SQLite's iexact folds only ASCII letters, and list names
    # are Cyrillic ("Реестр …" and "реестр …" are one list).
    known = {existing.casefold() for existing in ListSource.objects.values_list("name", flat=True)}
    if not name:
        errors["name"] = _("Name the list.")
    elif name.casefold() in known:
        errors["name"] = _("A list of this name exists already.")
    if not authority.strip():
        errors["authority"] = _("Say who keeps the list.")
    if not consequence.strip():
        errors["consequence"] = _("Say what being on the list means for a person: they read it.")
    if errors:
        raise ValidationError(errors)
    import_source, _created = ImportSource.objects.get_or_create(
        target=TARGET, name=name, defaults={"created_by": actor}
    )
    source = ListSource.objects.create(
        name=name,
        country=country,
        authority=authority.strip(),
        kind=kind,
        consequence=consequence.strip(),
        advice=advice.strip(),
        import_source=import_source,
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=source,
        fields=["name", "country", "authority", "kind", "consequence", "advice"],
    )
    return source


# --- versions --------------------------------------------------------------------------------


@dataclass
class Diff:
    """What a version changes against the list as it stands (by the entries' stable keys)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def current(self) -> int:
        return len(self.changed) + len(self.removed) + len(self.unchanged)


def version_diff(version: ListVersion) -> Diff:
    current = dict(
        ListEntry.objects.filter(source=version.source_id, gone_in__isnull=True).values_list("key", "content_hash")
    )
    staged = dict(VersionRow.objects.filter(version=version).values_list("key", "content_hash"))
    diff = Diff()
    for key, digest in staged.items():
        if key not in current:
            diff.added.append(key)
        elif current[key] != digest:
            diff.changed.append(key)
        else:
            diff.unchanged.append(key)
    diff.removed = [key for key in current if key not in staged]
    return diff


def needs_confirmation(diff: Diff) -> bool:
    """A version that would take most of a list away (a truncated export, the wrong file) waits
    for an analyst to confirm it."""
    share = float(settings.SCREENING_CONFIRM_REMOVAL_SHARE)
    return diff.current > 0 and len(diff.removed) > share * diff.current


def list_version_create(*, batch: Any, actor: Any, rows: Iterable[dict[str, Any]]) -> ListVersion:
    """Called by the import pipeline's promotion, inside its transaction: the checked rows become a
    new version of the list, applied at once unless it removes most of the list (then it waits
    for confirmation). A version still waiting is set aside by a newer file."""
    from mekendesh.imports.bulk import rows_copy

    source = ListSource.objects.select_for_update().get(import_source=batch.source)
    for waiting in ListVersion.objects.filter(source=source, status=VersionStatus.PENDING):
        _version_reject(actor=actor, version=waiting)
    last = ListVersion.objects.filter(source=source).order_by("-number").values_list("number", flat=True).first()
    version = ListVersion.objects.create(source=source, number=(last or 0) + 1, batch=batch, created_by=actor)
    count = without_dates = 0
    chunk: list[tuple[Any, ...]] = []
    for payload in rows:
        count += 1
        without_dates += not payload.get("birth_date")
        chunk.append((version.pk, payload["key"], payload["hash"], payload))
        if len(chunk) >= BATCH:
            rows_copy(VersionRow, ("version_id", "key", "content_hash", "payload"), chunk)
            chunk = []
    rows_copy(VersionRow, ("version_id", "key", "content_hash", "payload"), chunk)
    diff = version_diff(version)
    version.rows = count
    version.without_birth_date = without_dates
    _counts(version, diff)
    version.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=version,
        fields=["rows", "added", "changed", "removed", "unchanged"],
    )
    if not needs_confirmation(diff):
        _apply(actor=actor, version=version, diff=diff)
    return version


def _counts(version: ListVersion, diff: Diff) -> None:
    version.added = len(diff.added)
    version.changed = len(diff.changed)
    version.removed = len(diff.removed)
    version.unchanged = len(diff.unchanged)


def _chunks(items: list[Any], size: int = BATCH) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _entry_from(version: ListVersion, payload: dict[str, Any]) -> ListEntry:
    listed_on = payload.get("listed_on")
    return ListEntry(
        source_id=version.source_id,
        key=payload["key"],
        content_hash=payload["hash"],
        full_name=payload["full_name"],
        surname=payload.get("surname", ""),
        given_names=payload.get("given_names", ""),
        patronymic=payload.get("patronymic", ""),
        birth_date=payload.get("birth_date", ""),
        sex=payload.get("sex", ""),
        citizenship=payload.get("citizenship", ""),
        document_number=None,
        document_hash=payload.get("document_hash", ""),
        listed_on=dt.date.fromisoformat(listed_on) if listed_on else None,
        reason=payload.get("reason", ""),
        raw=payload.get("raw", {}),
        first_version=version,
        last_version=version,
    )


def _apply(*, actor: Any, version: ListVersion, diff: Diff) -> ListVersion:
    """Make the version the list as it stands: new entries for added and changed rows, the old
    ones of changed and removed rows marked gone, the rest seen again. Inside the caller's
    transaction; the screening of the new entries starts once it commits."""
    source_entries = ListEntry.objects.filter(source=version.source_id, gone_in__isnull=True)
    for keys in _chunks(diff.unchanged):
        source_entries.filter(key__in=keys).update(last_version=version)
    for keys in _chunks(diff.changed):
        source_entries.filter(key__in=keys).update(gone_in=version, gone_reason=GoneReason.CHANGED)
    removed_ids: list[int] = []
    for keys in _chunks(diff.removed):
        batch = source_entries.filter(key__in=keys)
        removed_ids += list(batch.values_list("pk", flat=True))
        batch.update(gone_in=version, gone_reason=GoneReason.REMOVED)
    new_keys = set(diff.added) | set(diff.changed)
    created: list[ListEntry] = []
    document_field: Any = ListEntry._meta.get_field("document_number")
    staged = VersionRow.objects.filter(version=version).values_list("key", "payload")
    for key, payload in staged.iterator(chunk_size=BATCH):
        if key not in new_keys:
            continue
        entry = _entry_from(version, payload)
        if payload.get("document"):
            # Stored encrypted already (checked in worker processes): decrypted once to go through
            # the field as any other value.
            entry.document_number = document_field.to_python(payload["document"])
        created.append(entry)
        if len(created) >= BATCH:
            _entries_store(actor, created)
            created = []
    _entries_store(actor, created)
    VersionRow.objects.filter(version=version).delete()
    version.status = VersionStatus.APPLIED
    version.applied_by = actor
    version.applied_at = timezone.now()
    _counts(version, diff)
    version.version += 1
    version.save()
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=version, fields=["status"])
    delisted = Candidate.objects.filter(entry_id__in=removed_ids, status=CandidateStatus.CONFIRMED, case__isnull=False)
    for candidate in delisted.select_related("case", "entry__source"):
        _case_delisted(actor=actor, candidate=candidate, version=version)
    if diff.added or diff.changed:
        transaction.on_commit(lambda: screening_run_start(actor=actor, kind=RunKind.VERSION, version=version))
    return version


def _entries_store(actor: Any, entries: list[ListEntry]) -> None:
    if not entries:
        return
    ListEntry.objects.bulk_create(entries, batch_size=BATCH)
    # bulk_create does not give back primary keys on every database: the public ids name them.
    audit_record_many(
        actor=actor,
        entries=[
            AuditEntry(
                action=AuditEvent.Action.CREATE,
                object_type="screening.listentry",
                object_id=str(entry.public_id),
                fields=["full_name", "birth_date", "document_number", "raw"],
            )
            for entry in entries
        ],
    )


@transaction.atomic
def list_version_apply(
    *, actor: Any, version: ListVersion, confirm_large_removal: bool = False, expected_version: int | None = None
) -> ListVersion:
    """Apply a version that waits for confirmation (one that removes most of the list)."""
    if not can(actor, "screening.lists"):
        raise PermissionDenied(_("You may not do this."))
    locked = ListVersion.objects.select_for_update().get(pk=version.pk)
    ListSource.objects.select_for_update().get(pk=locked.source_id)
    if expected_version is not None and locked.version != expected_version:
        raise stale_object_error()
    if locked.status != VersionStatus.PENDING:
        raise ValidationError(_("This version is not waiting to be applied."))
    diff = version_diff(locked)
    if needs_confirmation(diff) and not confirm_large_removal:
        raise ValidationError(
            {
                "confirm_large_removal": _(
                    "This version removes %(removed)d of the %(current)d people the list names now. Confirm that "
                    "the file is the whole list, not a part of it."
                )
                % {"removed": len(diff.removed), "current": diff.current}
            }
        )
    return _apply(actor=actor, version=locked, diff=diff)


def _version_reject(*, actor: Any, version: ListVersion) -> ListVersion:
    VersionRow.objects.filter(version=version).delete()
    version.status = VersionStatus.REJECTED
    version.version += 1
    version.save(update_fields=["status", "version"])
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=version, fields=["status"])
    return version


@transaction.atomic
def list_version_reject(*, actor: Any, version: ListVersion, expected_version: int | None = None) -> ListVersion:
    """Set aside a version that waits for confirmation: the list stays as it was."""
    if not can(actor, "screening.lists"):
        raise PermissionDenied(_("You may not do this."))
    locked = ListVersion.objects.select_for_update().get(pk=version.pk)
    if expected_version is not None and locked.version != expected_version:
        raise stale_object_error()
    if locked.status != VersionStatus.PENDING:
        raise ValidationError(_("This version is not waiting to be applied."))
    return _version_reject(actor=actor, version=locked)


# --- screening runs ---------------------------------------------------------------------------------


def screening_run_start(
    *, actor: Any | None, kind: str, version: ListVersion | None = None, source: ListSource | None = None
) -> ScreeningRun:
    """Queue a run (the ``screening.run`` job): a version's new entries against the register,
    the registrations changed since the last such run against every list, or all of both."""
    from mekendesh.jobs.services import job_start

    with transaction.atomic():
        run = ScreeningRun.objects.create(
            kind=kind,
            version=version,
            source=source or (version.source if version else None),
            engine=settings.SCREENING_ENGINE,
            started_by=actor if getattr(actor, "pk", None) else None,
        )
        job = job_start(actor=actor, kind="screening.run", params={"run": run.pk})
        ScreeningRun.objects.filter(pk=run.pk).update(job=job)
    run.job = job
    return run


def _on_register() -> Exists:
    return Exists(
        Consent.objects.filter(person=OuterRef("pk"), purpose=ConsentPurpose.REGISTER, withdrawn_at__isnull=True)
    )


def _register_features(people: Any) -> dict[str, Any]:
    """The register as the linkage reads it (each person's primary name, date of birth and sex),
    as the columns of their stored linkage features, those of changed people computed again."""
    linkage_features_refresh(people)
    return linkage_features_read(people)


def _entry_records(entries: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(pk),
            "full_name": full_name,
            "surname": surname or None,
            "given_name": given or None,
            "patronymic": patronymic or None,
            "birth_date": birth_date or None,
            "sex": sex or None,
        }
        for pk, full_name, surname, given, patronymic, birth_date, sex in entries.values_list(
            "pk", "full_name", "surname", "given_names", "patronymic", "birth_date", "sex"
        ).iterator(chunk_size=10_000)
    ]


def _model_for(left: int, right: int) -> Any:
    """The saved screening model (trained on the first large run) so that every run scores the
    same way; a large run without one trains it on its own data and saves it."""
    from mekendesh.linkage.engine import MIN_RECORDS_TO_TRAIN

    path = settings.SCREENING_MODEL_FILE
    if path.exists():
        return str(path), False
    return None, min(left, right) >= MIN_RECORDS_TO_TRAIN


@dataclass
class RunReport:
    people: int = 0
    entries: int = 0
    matches: int = 0
    reviews: int = 0


def screening_run_execute(
    *, run: ScreeningRun, stage: Callable[[str, int, int | None], None] | None = None
) -> RunReport:
    """Link what the run screens with the engine and keep the candidates at or above the review
    band. A candidate already judged keeps its judgement (the entry is the same: a changed entry is
    a new one); one still to review gets the new score."""
    from mekendesh.linkage.engine import link

    def say(text: str, done: int = 0, total: int | None = None) -> None:
        if stage is not None:
            stage(text, done, total)

    people = Person.objects.filter(_on_register())
    entries = ListEntry.objects.filter(gone_in__isnull=True, source__versions__status=VersionStatus.APPLIED).distinct()
    if run.kind == RunKind.VERSION and run.version is not None:
        entries = ListEntry.objects.filter(first_version=run.version, gone_in__isnull=True)
    elif run.kind == RunKind.PEOPLE:
        since = run.people_since or timezone.now() - dt.timedelta(days=1)
        changed = Stay.objects.filter(person=OuterRef("pk"), created_at__gte=since)
        people = people.filter(updated_at__gte=since) | people.filter(Exists(changed))
    elif run.source is not None:
        entries = entries.filter(source=run.source)
    say(_("Reading the register and the list"))
    right = _entry_records(entries)
    left = _register_features(people) if right else {"unique_id": []}
    report = RunReport(people=len(left["unique_id"]), entries=len(right))
    if report.people and right:
        say(
            _("Linking %(people)d people with %(entries)d list entries")
            % {"people": report.people, "entries": len(right)}
        )
        model, train = _model_for(report.people, len(right))
        engine: Any = run.engine
        result = link([], right, engine=engine, model=model, train=train, left_features=left)
        if model is None and train:
            settings.SCREENING_MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
            result.model.save(settings.SCREENING_MODEL_FILE)
        say(_("Keeping the candidates"), 0, len(result.pairs))
        report.matches, report.reviews = _candidates_store(run, result.pairs)
    ScreeningRun.objects.filter(pk=run.pk).update(
        people=report.people,
        entries=report.entries,
        matches=report.matches,
        reviews=report.reviews,
        finished_at=timezone.now(),
    )
    return report


def _candidates_store(run: ScreeningRun, pairs: list[Any]) -> tuple[int, int]:
    matches = reviews = 0
    with transaction.atomic():
        existing = {
            (candidate.entry_id, candidate.person_id): candidate
            for candidate in Candidate.objects.filter(
                entry_id__in={int(pair.right_id) for pair in pairs}, person_id__in={int(pair.left_id) for pair in pairs}
            )
        }
        new: list[Candidate] = []
        for pair in pairs:
            matches += pair.decision == "match"
            reviews += pair.decision != "match"
            explanation = {name: [label, weight] for name, (label, weight) in pair.explanation.items()}
            found = existing.get((int(pair.right_id), int(pair.left_id)))
            if found is None:
                new.append(
                    Candidate(
                        entry_id=int(pair.right_id),
                        person_id=int(pair.left_id),
                        run=run,
                        probability=min(max(pair.match_probability, 0.0), 1.0),
                        weight=pair.match_weight,
                        decision=pair.decision,
                        explanation=explanation,
                    )
                )
            elif found.status in (CandidateStatus.OPEN, CandidateStatus.UNSURE):
                Candidate.objects.filter(pk=found.pk).update(
                    run=run,
                    probability=min(max(pair.match_probability, 0.0), 1.0),
                    weight=pair.match_weight,
                    decision=pair.decision,
                    explanation=explanation,
                    scored_at=timezone.now(),
                )
        Candidate.objects.bulk_create(new, batch_size=BATCH)
    return matches, reviews


# --- review ---------------------------------------------------------------------------------------

ACTIONS: dict[str, str] = {
    Verdict.SAME: "same",
    Verdict.NOT_SAME: "not_same",
    Verdict.UNSURE: "unsure",
    Verdict.CONFIRM: "confirm",
}


def candidate_judge(
    *,
    actor: Any,
    candidate: Candidate,
    verdict: str,
    note: str = "",
    blind: bool = False,
    expected_version: int | None = None,
    idempotency_key: uuid.UUID | str | None = None,
) -> Candidate:
    """A reviewer's judgement of a candidate. "Same person" is a proposal a second reviewer
    confirms; the confirmation opens the case the list's kind calls for, in the same transaction.
    Two reviewers judging one candidate at once: the second is told it changed (stale version)."""
    if verdict not in ACTIONS:
        raise ValidationError({"verdict": _("Choose a judgement.")})
    note = " ".join(note.split()) if len(note) < 2000 else note[:2000]

    def make() -> Candidate:
        moved = transition(
            actor=actor,
            obj=candidate,
            workflow="screening.candidate",
            action=ACTIONS[verdict],
            note=note,
            expected_version=expected_version,
        )
        Judgement.objects.create(candidate=moved, reviewer=actor, verdict=verdict, note=note, blind=blind)
        if verdict == Verdict.CONFIRM:
            _case_for(actor=actor, candidate=moved)
        return moved

    moved, _new = submitted_once(key=idempotency_key, actor=actor, kind="screening.judge", make=make)
    return moved


def candidate_undo(
    *, actor: Any, candidate: Candidate, note: str = "", expected_version: int | None = None
) -> Candidate:
    """Undo the last judgement: the candidate goes back to review; the history keeps both. A
    case already opened from a confirmation stays, with the withdrawal written on it."""
    with transaction.atomic():
        was_confirmed = candidate.status == CandidateStatus.CONFIRMED
        moved = transition(
            actor=actor,
            obj=candidate,
            workflow="screening.candidate",
            action="undo",
            note=note,
            expected_version=expected_version,
        )
        Judgement.objects.create(candidate=moved, reviewer=actor, verdict=Verdict.UNDO, note=note)
        if was_confirmed and moved.case_id is not None:
            from mekendesh.cases.services import case_screening_withdrawn

            case_screening_withdrawn(actor=actor, case=moved.case, reason=note)
    return moved


def person_district(person: Person) -> Any:
    """The consular district of a person's current stay (the latest not ended), if any."""
    stay = (
        Stay.objects.filter(person=person)
        .exclude(status=StayStatus.ENDED)
        .exclude(consular_district=None)
        .select_related("consular_district")
        .order_by("-arrival_date", "-pk")
        .first()
    )
    return stay.consular_district if stay is not None else None


def _case_for(*, actor: Any, candidate: Candidate) -> None:
    from mekendesh.cases.models import CaseOrigin
    from mekendesh.cases.services import case_open

    entry = candidate.entry
    source = entry.source
    since = entry.listed_on.strftime("%d.%m.%Y") if entry.listed_on else ""
    summary = _("%(list)s (%(authority)s) names you%(since)s. %(consequence)s") % {
        "list": source.name,
        "authority": source.authority,
        "since": (" " + _("since %(date)s") % {"date": since}) if since else "",
        "consequence": source.consequence,
    }
    case = case_open(
        actor=actor,
        person=candidate.person,
        case_type=source.case_type,
        consular_district=person_district(candidate.person),
        host_country=source.country,
        summary=summary,
        origin=CaseOrigin.SCREENING,
        source_reference=f"screening:{candidate.public_id}",
        awaiting_acceptance=True,
        idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"screening-case:{candidate.public_id}"),
    )
    Candidate.objects.filter(pk=candidate.pk).update(case=case)
    candidate.case = case


def _case_delisted(*, actor: Any, candidate: Candidate, version: ListVersion) -> None:
    from mekendesh.cases.services import case_delisted

    if candidate.case is not None:
        case_delisted(
            actor=actor, case=candidate.case, list_name=candidate.entry.source.name, version_number=version.number
        )
