"""Reads of the screening module, from what the asking user may see: an analyst sees every list,
entry and candidate; a consular officer the candidates of the people of their districts (and
the entries those name). Whatever a user may not see answers 404."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from mekendesh.accounts.permissions import can, sees_every_district
from mekendesh.screening.models import Candidate, CandidateStatus, ListEntry, ListSource, ListVersion, VersionRow

OPEN_STATES = (CandidateStatus.OPEN, CandidateStatus.UNSURE, CandidateStatus.PROPOSED)
SAME = (CandidateStatus.PROPOSED, CandidateStatus.CONFIRMED)


def candidates_visible_to(user: Any) -> QuerySet[Candidate]:
    if not can(user, "screening.view"):
        return Candidate.objects.none()
    if sees_every_district(user):
        return Candidate.objects.all()
    from mekendesh.people.selectors import people_visible_to

    return Candidate.objects.filter(person__in=people_visible_to(user).values("pk"))


def candidate_get(*, user: Any, public_id: Any) -> Candidate:
    try:
        return (
            candidates_visible_to(user)
            .select_related("entry__source", "entry__first_version", "person", "proposed_by", "case", "run")
            .prefetch_related("person__names")
            .get(public_id=public_id)
        )
    except (Candidate.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def lists_visible_to(user: Any) -> QuerySet[ListSource]:
    if not can(user, "screening.lists"):
        return ListSource.objects.none()
    return ListSource.objects.all()


def list_get(*, user: Any, public_id: Any) -> ListSource:
    try:
        return lists_visible_to(user).select_related("country").get(public_id=public_id)
    except (ListSource.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def version_get(*, user: Any, public_id: Any) -> ListVersion:
    try:
        return (
            ListVersion.objects.filter(source__in=lists_visible_to(user))
            .select_related("source", "created_by", "applied_by", "batch")
            .get(public_id=public_id)
        )
    except (ListVersion.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def review_queue(user: Any, *, status: str = "", source: ListSource | None = None) -> QuerySet[Candidate]:
    """Candidates to review, most likely first (a proposal awaiting its second reviewer before
    the rest); the entries must still be on their list."""
    candidates = candidates_visible_to(user).filter(entry__gone_in__isnull=True)
    candidates = candidates.filter(status=status) if status else candidates.filter(status__in=OPEN_STATES)
    if source is not None:
        candidates = candidates.filter(entry__source=source)
    return (
        candidates.select_related("entry__source", "person")
        .prefetch_related("person__names")
        .order_by("-probability", "pk")
    )


@dataclass(frozen=True)
class Conflicts:
    """Why a candidate needs care: its entry matches another person too, or its person is
    matched by another entry of a list (two different people, or the list names them twice)."""

    other_people: list[Candidate]
    other_entries: list[Candidate]
    # other people the engine matched to the same row, not yet judged: registered entries alike
    # enough to be one person registered twice (the linkage engine's tie rule)
    registered_twice: list[Candidate] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.other_people or self.other_entries)


def candidate_conflicts(candidate: Candidate) -> Conflicts:
    alive = Candidate.objects.filter(entry__gone_in__isnull=True).exclude(pk=candidate.pk)
    twice: list[Candidate] = []
    if candidate.decision == "match":
        twice = list(
            alive.filter(entry=candidate.entry, decision="match", status__in=OPEN_STATES)
            .exclude(status__in=SAME)
            .select_related("person")
            .prefetch_related("person__names")
        )
    return Conflicts(
        other_people=list(
            alive.filter(entry=candidate.entry, status__in=SAME)
            .select_related("person")
            .prefetch_related("person__names")
        ),
        other_entries=list(alive.filter(person=candidate.person, status__in=SAME).select_related("entry__source")),
        registered_twice=twice,
    )


def conflicted_ids(candidates: list[Candidate]) -> set[int]:
    """Of ``candidates``, those in conflict (a list page's flags), in two queries."""
    entries = {candidate.entry_id for candidate in candidates}
    people = {candidate.person_id for candidate in candidates}
    alive = Candidate.objects.filter(entry__gone_in__isnull=True, status__in=SAME)
    per_entry = dict(
        alive.filter(entry_id__in=entries)
        .values("entry_id")
        .annotate(n=Count("person_id", distinct=True))
        .values_list("entry_id", "n")
    )
    per_person = dict(
        alive.filter(person_id__in=people)
        .values("person_id")
        .annotate(n=Count("entry_id", distinct=True))
        .values_list("person_id", "n")
    )
    flagged = set()
    for candidate in candidates:
        own = 1 if candidate.status in SAME else 0
        if per_entry.get(candidate.entry_id, 0) - own >= 1 or per_person.get(candidate.person_id, 0) - own >= 1:
            flagged.add(candidate.pk)
    return flagged


def entries_naming(*, person: Any) -> QuerySet[ListEntry]:
    """The current list entries confirmed as this person (the status check and their pages)."""
    return ListEntry.objects.filter(
        gone_in__isnull=True, candidates__person=person, candidates__status=CandidateStatus.CONFIRMED
    ).select_related("source")


def version_changes(version: ListVersion, *, kind: str, limit: int = 200) -> QuerySet[ListEntry]:
    """The entries a version added, changed (the new rows), removed (the rows it no longer has) or
    kept unchanged (named before it and not changed or removed by it or before it)."""
    entries = ListEntry.objects.filter(source=version.source_id)
    if kind == "added":
        entries = entries.filter(first_version=version).exclude(
            key__in=ListEntry.objects.filter(source=version.source_id, gone_in=version).values("key")
        )
    elif kind == "changed":
        entries = entries.filter(first_version=version, key__in=ListEntry.objects.filter(gone_in=version).values("key"))
    elif kind == "removed":
        entries = entries.filter(gone_in=version, gone_reason="removed")
    elif kind == "unchanged":
        entries = entries.filter(first_version__number__lt=version.number).filter(
            Q(gone_in__isnull=True) | Q(gone_in__number__gt=version.number)
        )
    else:
        return entries.none()
    return entries.order_by("full_name")[:limit]


def queue_counts(user: Any) -> dict[str, int]:
    visible = candidates_visible_to(user).filter(entry__gone_in__isnull=True)
    rows = visible.values("status").annotate(n=Count("pk")).values_list("status", "n")
    counts = dict.fromkeys(CandidateStatus.values, 0)
    counts.update(dict(rows))
    return counts


def person_candidates(user: Any, person: Any) -> list[Candidate]:
    return list(
        candidates_visible_to(user)
        .filter(person=person)
        .filter(~Q(status=CandidateStatus.REJECTED))
        .select_related("entry__source")
        .order_by("-probability")
    )


def lists_overview(user: Any) -> QuerySet[ListSource]:
    """The lists with how many versions each has had and how many entries it names now (the
    lists page), each count a subquery on the source's index."""
    versions = (
        ListVersion.objects.filter(source=OuterRef("pk"))
        .order_by()
        .values("source")
        .annotate(n=Count("pk"))
        .values("n")
    )
    in_force = (
        ListEntry.objects.filter(source=OuterRef("pk"), gone_in__isnull=True)
        .order_by()
        .values("source")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        lists_visible_to(user)
        .select_related("country")
        .annotate(
            version_count=Coalesce(Subquery(versions, output_field=IntegerField()), 0),
            entries_in_force=Coalesce(Subquery(in_force, output_field=IntegerField()), 0),
        )
        .order_by("name")
    )


def version_would_remove(version: ListVersion, *, limit: int = 200) -> QuerySet[ListEntry]:
    """The entries a version waiting for confirmation would take off its list: those the list
    names now whose key the version's file does not have."""
    staged = VersionRow.objects.filter(version=version).values("key")
    return (
        ListEntry.objects.filter(source=version.source_id, gone_in__isnull=True)
        .exclude(key__in=staged)
        .order_by("full_name")[:limit]
    )
