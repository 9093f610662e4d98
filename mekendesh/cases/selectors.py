"""Reads of assistance cases, always from what the asking user may see: a consular officer the
cases of their districts, a ministry case officer every case, a migrant the cases about them and
those they filed for someone else. Whatever a user may not see answers 404."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import can, every_case_workers, officer_district_ids, works_every_case
from mekendesh.cases.deadlines import CaseClock, Urgency, case_clock, case_deadline_rule
from mekendesh.cases.models import (
    FINISHED_STATES,
    REQUESTED,
    Case,
    CaseDocument,
    CaseEvent,
    CaseNote,
    Escalation,
    Party,
)
from mekendesh.cases.workflows import OUTCOME_REQUIRED, Step, kind_of
from mekendesh.guidance.models import Rule
from mekendesh.lib.workdays import work_calendar
from mekendesh.workflows.engine import Transition, workflow_get
from mekendesh.workflows.models import WorkflowAction


def _with_details(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.select_related(
        "person", "consular_district", "host_country", "assignee", "representative"
    ).prefetch_related("person__names")


def cases_visible_to(user: Any) -> QuerySet[Case]:
    if not can(user, "case.view"):
        return Case.objects.none()
    if works_every_case(user):
        return Case.objects.all()
    return Case.objects.filter(consular_district__in=officer_district_ids(user))


def case_get_for_staff(*, user: Any, public_id: Any) -> Case:
    try:
        return _with_details(cases_visible_to(user)).get(public_id=public_id)
    except (Case.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def cases_followed_by(user: Any) -> QuerySet[Case]:
    """The migrant's side: the cases about them and those they asked for on someone's behalf."""
    if not can(user, "case.follow"):
        return Case.objects.none()
    return Case.objects.filter(Q(person__account=user) | Q(representative__account=user))


def case_get_for_migrant(*, user: Any, public_id: Any) -> Case:
    try:
        return _with_details(cases_followed_by(user)).get(public_id=public_id)
    except (Case.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


@dataclass(frozen=True)
class CaseFilters:
    state: str = "open"  # open, requested, finished, all
    case_type: str = ""
    urgency: str = ""
    mine: bool = False
    unassigned: bool = False
    escalated: bool = False
    district_id: int | None = None


def case_list(user: Any, filters: CaseFilters) -> QuerySet[Case]:
    """The staff's case list: most urgent first (earliest deadline; paused and deadline-less
    cases after), filtered. The colour filter is a date comparison on the indexed due date."""
    cases = cases_visible_to(user)
    today = timezone.localdate()
    if filters.state == "open":
        cases = cases.exclude(status__in=(*FINISHED_STATES, REQUESTED))
    elif filters.state == "requested":
        cases = cases.filter(status=REQUESTED)
    elif filters.state == "finished":
        cases = cases.filter(status__in=FINISHED_STATES)
    if filters.case_type:
        cases = cases.filter(case_type=filters.case_type)
    if filters.mine:
        cases = cases.filter(assignee=user)
    if filters.unassigned:
        cases = cases.filter(assignee__isnull=True)
    if filters.escalated:
        cases = cases.filter(escalation__gt=Escalation.NONE)
    if filters.district_id:
        cases = cases.filter(consular_district_id=filters.district_id)
    if filters.urgency == Urgency.RED:
        cases = cases.filter(due_date__lt=today, paused_since__isnull=True, closed_at__isnull=True)
    elif filters.urgency == Urgency.PAUSED:
        cases = cases.filter(paused_since__isnull=False)
    elif filters.urgency in (Urgency.AMBER, Urgency.GREEN):
        # Each case's colour counts working days in its party's calendar; the filter compares the
        # indexed due date with the amber limit in the country of origin's calendar, which can
        # differ from it by a host-country holiday at the edge.
        limit = work_calendar(settings.ORIGIN_COUNTRY).add_working_days(today, settings.CASE_AMBER_WORKING_DAYS)
        cases = cases.filter(paused_since__isnull=True, closed_at__isnull=True)
        if filters.urgency == Urgency.AMBER:
            cases = cases.filter(due_date__gte=today, due_date__lte=limit)
        else:
            cases = cases.filter(due_date__gt=limit)
    ordered = cases.order_by("closed_at", "paused_since", "due_date", "opened_at", "pk")
    return _with_details(ordered)


@dataclass(frozen=True)
class CaseRow:
    case: Case
    clock: CaseClock
    step: Step


def case_rows(cases: Any, *, today: dt.date | None = None) -> list[CaseRow]:
    today = today or timezone.localdate()
    return [CaseRow(case, case_clock(case, today=today), kind_of(case).step(case.status)) for case in cases]


@dataclass(frozen=True)
class CaseCounts:
    requests: int = 0
    mine_open: int = 0
    overdue: int = 0
    escalated: int = 0
    unassigned: int = 0


def case_counts(user: Any) -> CaseCounts:
    """The figures of the staff home panel, each one indexed count."""
    cases = cases_visible_to(user)
    today = timezone.localdate()
    working = cases.filter(closed_at__isnull=True)
    return CaseCounts(
        requests=working.filter(status=REQUESTED).count(),
        mine_open=working.filter(assignee=user).count(),
        overdue=working.filter(due_date__lt=today, paused_since__isnull=True).count(),
        escalated=working.filter(escalation__gt=Escalation.NONE).count(),
        unassigned=working.filter(assignee__isnull=True).exclude(status=REQUESTED).count(),
    )


def person_cases_for(user: Any, person: Any) -> list[Case]:
    """The cases about ``person`` that ``user`` may see (the staff person page)."""
    return list(_with_details(cases_visible_to(user).filter(person=person)).order_by("-opened_at"))


def officers_for(case: Case) -> QuerySet[Any]:
    """Whom a case may be given to: the active officers of its consular district and the
    ministry's case officers."""
    from mekendesh.accounts.models import User

    officers = User.objects.filter(is_active=True, consular_districts=case.consular_district_id)
    if case.consular_district_id is None:
        officers = User.objects.none()
    return (officers | every_case_workers()).distinct().order_by("full_name", "email")


def moves_for(user: Any, case: Case) -> list[Transition]:
    """The buttons of the case page: the moves ``user`` may make on ``case`` now."""
    return workflow_get(case.workflow_name).available(case, user)


@dataclass(frozen=True)
class DeadlineSource:
    """The host-country rule of stay that set a case's current deadline, and the published
    guidance article that cites it (for its link), if any."""

    rule: Rule
    article: Any = None

    @property
    def article_url(self) -> str:
        from mekendesh.guidance.selectors import article_url

        return article_url(self.article) if self.article is not None else ""


def case_deadline_source(case: Case) -> DeadlineSource | None:
    """Which rule of stay set the current step's deadline (``None``: the workflow's own number),
    with the published article of the host country that cites it — the one whose topic fits the
    case first."""
    from mekendesh.guidance.selectors import CASE_TOPICS, article_citing_rule

    rule = case_deadline_rule(case)
    if rule is None:
        return None
    return DeadlineSource(rule, article_citing_rule(rule, topic=CASE_TOPICS.get(case.case_type, "")))


def rule_deadline_steps(*, kinds: Iterable[str] | None = None, party: str | None = None) -> Q:
    """The cases at a step whose deadline a rule of stay may set: a rule of one of ``kinds``, at a
    step of ``party`` (each, if given)."""
    from mekendesh.cases.workflows import KINDS

    wanted = set(kinds) if kinds is not None else None
    found = Q(pk__in=[])
    for kind in KINDS.values():
        for step in kind.steps:
            rule = step.deadline.rule if step.deadline is not None else ""
            if rule and (wanted is None or rule in wanted) and party in (None, step.party):
                found |= Q(case_type=kind.case_type, status=step.state)
    return found


def person_rule_deadline_cases() -> QuerySet[Case]:
    """Open, running cases whose next move is the person's, by a deadline a rule of stay may set
    (an appeal in court): what the reminders remind the person of. Which rule, if any, sets each
    one's deadline is :func:`case_deadline_rule`'s to say."""
    return (
        Case.objects.filter(rule_deadline_steps(party=Party.PERSON))
        .filter(closed_at__isnull=True, paused_since__isnull=True, due_date__isnull=False, person__isnull=False)
        .order_by("due_date", "pk")
    )


# --- the person's view, and the timeline ------------------------------------------------------


@dataclass(frozen=True)
class PersonStatus:
    """What a case says to the person: the step, what it means and what comes next, who acts and
    by when. The screening module's public status check shows the same."""

    case: Case
    step: Step
    clock: CaseClock
    waiting_for_person: bool


def case_status_for_person(case: Case, *, today: dt.date | None = None) -> PersonStatus:
    step = kind_of(case).step(case.status)
    clock = case_clock(case, today=today)
    return PersonStatus(case, step, clock, waiting_for_person=step.party == Party.PERSON and not case.is_finished)


def cases_of_person(*, person: Any) -> list[PersonStatus]:
    """Every case about a person, newest first, as the person reads them (no user: the caller —
    the person's own pages, the public status check — has already established who is asking)."""
    cases = (
        Case.objects.filter(person=person).select_related("consular_district", "host_country").order_by("-opened_at")
    )
    today = timezone.localdate()
    return [case_status_for_person(case, today=today) for case in cases]


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    kind: str  # move, event, note, document
    title: str
    actor: Any = None
    text: str = ""
    internal: bool = False
    by_person: bool = False
    document: CaseDocument | None = None
    details: dict[str, Any] = field(default_factory=dict)


def _date_text(value: Any) -> str:
    try:
        return dt.date.fromisoformat(str(value)).strftime("%d.%m.%Y")
    except ValueError:
        return "—"


def _event_title(event: CaseEvent, *, for_person: bool) -> str:
    details = event.details or {}
    kind = event.kind
    if kind == CaseEvent.Kind.OPENED:
        return _("The case was opened.")
    if kind == CaseEvent.Kind.REQUESTED:
        return _("Help was asked for.")
    if kind == CaseEvent.Kind.ASSIGNED:
        if for_person:
            return _("An officer now handles the case.")
        return _("Assigned to %(to)s (before: %(from)s).") % {
            "to": details.get("to") or _("no one"),
            "from": details.get("from") or _("no one"),
        }
    if kind == CaseEvent.Kind.TRANSFERRED:
        return _("Passed from %(from)s to %(to)s.") % {
            "from": details.get("from_label") or _("the ministry"),
            "to": details.get("to_label") or _("the ministry"),
        }
    if kind == CaseEvent.Kind.PAUSED:
        return _("Waiting on someone outside: the deadline is on hold.")
    if kind == CaseEvent.Kind.RESUMED:
        return _("Work resumed; the deadline moved on by the days the case waited.")
    if kind == CaseEvent.Kind.ESCALATED:
        if details.get("level") == Escalation.HEAD_OF_CONSULATE:
            return _("Past its deadline: passed to the head of the consulate.")
        return _("Past its deadline: passed to the ministry.")
    if kind == CaseEvent.Kind.PERSON_LINKED:
        return _("Linked to the person's registration.")
    if kind == CaseEvent.Kind.REMINDED:
        return _("A reminder was sent.")
    if kind == CaseEvent.Kind.DELISTED:
        return _("The host-country list “%(list)s” no longer names the person.") % {"list": details.get("list", "")}
    if kind == CaseEvent.Kind.MATCH_WITHDRAWN:
        return _("The list match that opened this case was withdrawn by a reviewer.")
    if kind == CaseEvent.Kind.DEADLINE_MOVED:
        due = _date_text(details.get("due"))
        if details.get("days") is not None:
            return _("A rule of the host country changed: the deadline is now %(due)s (%(days)s days).") % {
                "due": due,
                "days": details["days"],
            }
        return _("A rule of the host country changed: the deadline is now %(due)s.") % {"due": due}
    return str(event.get_kind_display())


def case_timeline(*, case: Case, for_person: bool) -> list[TimelineEntry]:
    """Everything that happened to a case, oldest first: the moves of its workflow, its events,
    notes and documents. The person's side sees what is shared with it, each move told as what
    its step means for them; the staff see everything, internal notes marked."""
    kind = kind_of(case)
    workflow = workflow_get(case.workflow_name)
    entries: list[TimelineEntry] = []
    moves = WorkflowAction.objects.filter(
        content_type=ContentType.objects.get_for_model(Case), object_id=str(case.pk)
    ).select_related("actor")
    for move in moves:
        step = kind.step(move.to_state)
        if for_person:
            outcome = {"outcome": move.note} if move.action in OUTCOME_REQUIRED and move.note else {}
            entries.append(
                TimelineEntry(
                    move.at, "move", str(step.label).capitalize(), text=str(step.person_text), details=outcome
                )
            )
        else:
            label = str(next((item.label for item in workflow.transitions if item.action == move.action), move.action))
            title = label if label.casefold() == str(step.label).casefold() else f"{label} → {step.label}"
            entries.append(
                TimelineEntry(
                    move.at,
                    "move",
                    title,
                    actor=move.actor,
                    text=move.note,
                    internal=bool(move.note) and move.action not in OUTCOME_REQUIRED,
                )
            )
    events = case.events.select_related("actor")
    notes = case.notes.select_related("author")
    documents = case.documents.select_related("uploaded_by")
    if for_person:
        events = events.filter(visible_to_person=True)
        notes = notes.filter(visible_to_person=True)
        documents = documents.filter(visible_to_person=True)
    for event in events:
        entries.append(
            TimelineEntry(
                event.at,
                "event",
                _event_title(event, for_person=for_person),
                actor=None if for_person else event.actor,
                text=event.reason if (not for_person or event.kind == CaseEvent.Kind.TRANSFERRED) else "",
                internal=not event.visible_to_person,
                details=event.details,
            )
        )
    for note in notes:
        entries.append(
            TimelineEntry(
                note.at,
                "note",
                _("Note from the person's side") if note.by_person else _("Note from the consulate"),
                actor=None if for_person else note.author,
                text=note.body,
                internal=not note.visible_to_person,
                by_person=note.by_person,
            )
        )
    for document in documents:
        entries.append(
            TimelineEntry(
                document.at,
                "document",
                _("Document from the person's side") if document.by_person else _("Document from the consulate"),
                actor=None if for_person else document.uploaded_by,
                internal=not document.visible_to_person,
                by_person=document.by_person,
                document=document,
            )
        )
    return sorted(entries, key=lambda entry: entry.at)


def case_notes_for(case: Case) -> QuerySet[CaseNote]:
    return case.notes.all()
