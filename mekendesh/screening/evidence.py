"""What a reviewer is shown of a candidate, read once for the staff page and the API: the list's
row as read beside the person's names, date of birth and documents, the score part by part, the
conflicts the viewer may see, and the history of judgements. Document numbers are shown in full
only to an officer of the person's current consular district (``can_see_document_numbers``);
everyone else reads them masked, in the list's row too.

Showing it is a read of personal data: :func:`evidence_audit` writes its audit rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from mekendesh.accounts.permissions import can
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import AuditEntry, audit_record_many
from mekendesh.lib.hashing import normalise_document_number
from mekendesh.people.selectors import can_see_document_numbers
from mekendesh.screening.explanation import Step, explanation_steps
from mekendesh.screening.models import Candidate, CandidateStatus, ListEntry, Verdict
from mekendesh.screening.selectors import candidate_conflicts, candidates_visible_to
from mekendesh.screening.workflows import CANDIDATE
from mekendesh.workflows.services import workflow_history

# A judgement's verdict → the workflow action it moved the candidate by.
VERDICT_ACTIONS = {
    Verdict.SAME: "same",
    Verdict.NOT_SAME: "not_same",
    Verdict.UNSURE: "unsure",
    Verdict.CONFIRM: "confirm",
    Verdict.UNDO: "undo",
}


def masked(number: str) -> str:
    """A document number with all but its last three characters hidden."""
    return "•" * max(len(number) - 3, 0) + number[-3:]


def _document_headers(entry: ListEntry) -> set[str]:
    batch = getattr(entry.first_version, "batch", None)
    if batch is None:
        return set()
    headers = list(batch.headers or [])
    return {
        headers[int(position)]
        for position, name in (batch.mapping or {}).items()
        if name == "document" and str(position).isdigit() and int(position) < len(headers)
    }


def raw_row(entry: ListEntry, *, show_numbers: bool) -> list[tuple[str, str]]:
    """The list's row as read (column → value), its document number masked unless shown in full."""
    number = normalise_document_number(entry.document_number or "")
    hidden = set() if show_numbers else _document_headers(entry)
    row = []
    for header, value in (entry.raw or {}).items():
        text = str(value)
        if not show_numbers and (header in hidden or (number and normalise_document_number(text) == number)):
            text = masked(text)
        row.append((str(header), text))
    return row


@dataclass(frozen=True)
class HistoryEntry:
    at: Any
    actor: Any
    action: str
    action_label: str
    from_state: str
    from_label: str
    to_state: str
    to_label: str
    note: str
    blind: bool


@dataclass(frozen=True)
class DocumentShown:
    kind: str
    country: str
    number: str
    expiry_date: Any


@dataclass
class Evidence:
    candidate: Candidate
    steps: list[Step]
    raw: list[tuple[str, str]]
    names: list[Any]
    documents: list[DocumentShown]
    show_numbers: bool
    entry_document: str
    other_people: list[Candidate] = field(default_factory=list)
    other_entries: list[Candidate] = field(default_factory=list)
    registered_twice: list[Candidate] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)
    case_visible: bool = False

    @property
    def has_conflicts(self) -> bool:
        return bool(self.other_people or self.other_entries)


def _state_label(state: str) -> str:
    try:
        return str(CandidateStatus(state).label)
    except ValueError:
        return state


def _action_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for move in CANDIDATE.transitions:
        labels.setdefault(move.action, str(move.label))
    return labels


def candidate_history(candidate: Candidate) -> list[HistoryEntry]:
    """Each move of the candidate's review (the workflow's append-only rows) with the judgement
    recorded beside it (its note, and whether it was given blind), oldest first."""
    judgements = list(candidate.judgements.select_related("reviewer"))
    labels = _action_labels()
    history = []
    for move in workflow_history(obj=candidate):
        judgement = next(
            (
                item
                for item in judgements
                if VERDICT_ACTIONS.get(Verdict(item.verdict)) == move.action and item.reviewer_id == move.actor_id
            ),
            None,
        )
        if judgement is not None:
            judgements.remove(judgement)
        history.append(
            HistoryEntry(
                at=move.at,
                actor=move.actor,
                action=move.action,
                action_label=labels.get(move.action, move.action),
                from_state=move.from_state,
                from_label=_state_label(move.from_state),
                to_state=move.to_state,
                to_label=_state_label(move.to_state),
                note=judgement.note if judgement is not None else move.note,
                blind=bool(judgement and judgement.blind),
            )
        )
    return history


def candidate_evidence(*, user: Any, candidate: Candidate) -> Evidence:
    person = candidate.person
    show_numbers = can_see_document_numbers(user, person)
    documents = [
        DocumentShown(
            kind=document.get_kind_display(),
            country=str(document.issuing_country.name),
            number=document.number if show_numbers else document.masked_number,
            expiry_date=document.expiry_date,
        )
        for document in person.documents.select_related("issuing_country")
    ]
    conflicts = candidate_conflicts(candidate)
    others = [*conflicts.other_people, *conflicts.other_entries, *conflicts.registered_twice]
    visible = set(
        candidates_visible_to(user).filter(pk__in=[other.pk for other in others]).values_list("pk", flat=True)
    )
    entry_document = candidate.entry.document_number or ""
    return Evidence(
        candidate=candidate,
        steps=explanation_steps(weight=candidate.weight, explanation=candidate.explanation or {}),
        raw=raw_row(candidate.entry, show_numbers=show_numbers),
        names=sorted(person.names.all(), key=lambda name: (not name.is_primary, name.pk)),
        documents=documents,
        show_numbers=show_numbers,
        entry_document=entry_document if show_numbers or not entry_document else masked(entry_document),
        other_people=[other for other in conflicts.other_people if other.pk in visible],
        other_entries=[other for other in conflicts.other_entries if other.pk in visible],
        registered_twice=[other for other in conflicts.registered_twice if other.pk in visible],
        history=candidate_history(candidate),
        case_visible=candidate.case is not None and can(user, "case.view", candidate.case),
    )


def evidence_audit(*, actor: Any, evidence: Evidence) -> None:
    """One read row for the candidate (with its person), one for the list entry, and one for each
    other person or entry its conflicts show."""
    candidate = evidence.candidate
    entries = [
        AuditEntry(action=AuditEvent.Action.READ, obj=candidate, person=candidate.person),
        AuditEntry(action=AuditEvent.Action.READ, obj=candidate.entry),
    ]
    entries += [
        AuditEntry(action=AuditEvent.Action.READ, obj=other.person, person=other.person)
        for other in [*evidence.other_people, *evidence.registered_twice]
    ]
    entries += [AuditEntry(action=AuditEvent.Action.READ, obj=other.entry) for other in evidence.other_entries]
    with transaction.atomic():
        audit_record_many(actor=actor, entries=entries)


def candidates_audit(*, actor: Any, candidates: list[Candidate]) -> None:
    """A list of candidates shown (the queue, the API's list, a person's section): a read row per
    person and per list entry."""
    if not candidates:
        return
    people = {candidate.person_id: candidate.person for candidate in candidates}
    entries = {candidate.entry_id: candidate.entry for candidate in candidates}
    rows = [AuditEntry(action=AuditEvent.Action.READ, obj=person, person=person) for person in people.values()]
    rows += [AuditEntry(action=AuditEvent.Action.READ, obj=entry) for entry in entries.values()]
    with transaction.atomic():
        audit_record_many(actor=actor, entries=rows)


def entries_audit(*, actor: Any, entries: list[ListEntry]) -> None:
    """List entries shown (a version's page): a read row each."""
    if not entries:
        return
    with transaction.atomic():
        audit_record_many(
            actor=actor, entries=[AuditEntry(action=AuditEvent.Action.READ, obj=entry) for entry in entries]
        )
