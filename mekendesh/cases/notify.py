"""What a case tells people, and whom: the person and their representative when the case moves or
needs something from them, an officer given a case, the head of a consulate or the ministry when
a case is overdue. Messages go through :mod:`mekendesh.notifications` — queued in the recipient's
language, once per event (its key), sent by a background job — and are called after the change
they report has committed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from mekendesh.accounts.permissions import district_heads, every_case_workers
from mekendesh.cases.models import Case, CaseEvent

_muted: ContextVar[bool] = ContextVar("mekendesh_case_notifications_muted", default=False)


@contextlib.contextmanager
def muted() -> Iterator[None]:
    """Queue no message while inside (the demo's generated cases tell no one)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def after_commit(message: Any, **kwargs: Any) -> None:
    """Send ``message(**kwargs)`` once the current transaction commits — unless muted now."""
    if not _muted.get():
        transaction.on_commit(lambda: message(**kwargs))


def _site(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _person_link(case: Case) -> str:
    return _site(reverse("migrant:case", kwargs={"case_id": case.public_id}))


def _staff_link(case: Case) -> str:
    return _site(reverse("staff:case", kwargs={"case_id": case.public_id}))


def _person_side(case: Case) -> list[Any]:
    """The person (where they can be reached and allow it) and the representative who asked."""
    from mekendesh.notifications.services import Recipient, recipient_for_person, recipient_for_user

    recipients = []
    if case.person is not None:
        found = recipient_for_person(case.person)
        if found is not None:
            recipients.append(found)
    representative = getattr(case, "representative", None)
    if representative is not None:
        if representative.account_id is not None:
            found = recipient_for_user(representative.account)
        elif representative.email or representative.phone:
            found = Recipient(language=settings.LANGUAGE_CODE, email=representative.email, phone=representative.phone)
        else:
            found = None
        if found is not None:
            recipients.append(found)
    return recipients


def _queue(recipients: Iterable[Any], *, event_key: str, template: str, context: dict[str, Any], case: Case) -> int:
    from mekendesh.notifications.services import notification_queue

    if _muted.get():
        return 0
    queued = 0
    with transaction.atomic():
        for recipient in recipients:
            rows = notification_queue(
                recipient=recipient,
                event_key=event_key,
                template=template,
                context={"case": case, **context},
                about=case,
            )
            queued += len(rows)
    return queued


def _to_person(case: Case, *, event_key: str, template: str, **context: Any) -> int:
    if _muted.get():
        return 0
    case = Case.objects.select_related("person__account", "representative__account").get(pk=case.pk)
    context.setdefault("link", _person_link(case))
    return _queue(_person_side(case), event_key=event_key, template=template, context=context, case=case)


def _to_staff(case: Case, users: Iterable[Any], *, event_key: str, template: str, **context: Any) -> int:
    from mekendesh.notifications.services import recipient_for_user

    if _muted.get():
        return 0
    recipients = [found for found in (recipient_for_user(user) for user in users) if found is not None]
    context.setdefault("link", _staff_link(case))
    return _queue(recipients, event_key=event_key, template=template, context=context, case=case)


def case_opened(*, case: Case) -> None:
    _to_person(case, event_key=f"case:{case.pk}:opened", template="cases/opened")


def case_requested(*, case: Case) -> None:
    _to_person(case, event_key=f"case:{case.pk}:requested", template="cases/requested")


def case_moved(*, case: Case, action: Any) -> None:
    from mekendesh.cases.workflows import kind_of

    step = kind_of(case).step(action.to_state)
    _to_person(case, event_key=f"case:{case.pk}:move:{action.pk}", template="cases/moved", step=step)


def case_note(*, case: Case, note: Any) -> None:
    if note.by_person:
        if case.assignee_id is not None:
            _to_staff(case, [case.assignee], event_key=f"case:{case.pk}:note:{note.pk}", template="cases/person_wrote")
    elif note.visible_to_person:
        _to_person(case, event_key=f"case:{case.pk}:note:{note.pk}", template="cases/note")


def case_document(*, case: Case, document: Any) -> None:
    if document.by_person:
        if case.assignee_id is not None:
            _to_staff(
                case, [case.assignee], event_key=f"case:{case.pk}:document:{document.pk}", template="cases/person_wrote"
            )
    elif document.visible_to_person:
        _to_person(case, event_key=f"case:{case.pk}:document:{document.pk}", template="cases/document")


def case_assigned(*, case: Case, assignee: Any) -> None:
    _to_staff(
        case, [assignee], event_key=f"case:{case.pk}:assigned:{assignee.pk}:{case.version}", template="cases/assigned"
    )


def case_transferred(*, case: Case) -> None:
    _to_person(case, event_key=f"case:{case.pk}:transferred:{case.version}", template="cases/transferred")


def case_escalated(*, case: Case, level: int) -> None:
    users = list(
        district_heads(case.consular_district_id) if level == 1 and case.consular_district_id else every_case_workers()
    )
    _to_staff(
        case,
        users,
        event_key=f"case:{case.pk}:escalated:{level}:{case.due_date}",
        template="cases/escalated",
        level=level,
    )


def case_reminder(*, case: Case) -> bool:
    """Remind the person of the step they owe, once per deadline; ``True`` when it was new."""
    due = str(case.due_date)
    with transaction.atomic():
        if CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.REMINDED, details__due=due).exists():
            return False
        CaseEvent.objects.create(case=case, kind=CaseEvent.Kind.REMINDED, details={"due": due})
        from mekendesh.cases.workflows import kind_of

        after_commit(
            _to_person,
            case=case,
            event_key=f"case:{case.pk}:reminder:{due}",
            template="cases/reminder",
            step=kind_of(case).step(case.status),
        )
    return True
