"""One replay mechanism for every submission that must not be carried out twice.

A form carries a random ``submission_key``; the service that carries it out records the key, the
actor and the record it made in the same transaction (:func:`submission_record`). The same key
sent again by the same actor returns that record (:func:`submission_replay`) instead of doing the
work twice; from another account, or for another kind of work, it is refused with
:class:`SubmissionKeyTaken`. Two copies racing each other are settled by the key's unique
constraint: the loser's transaction rolls back and it replays the winner's record
(:func:`submitted_once` does all of this).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from mekendesh.workflows.errors import SubmissionKeyTaken
from mekendesh.workflows.models import Submission

Key = str | uuid.UUID


def submission_key_taken() -> SubmissionKeyTaken:
    return SubmissionKeyTaken(
        _("This form cannot be used: it was made for another registration. Check your data and send it again."),
        code="submission_key_taken",
    )


def submission_get(*, key: Key, kind: str) -> Submission | None:
    """The submission recorded under ``key`` (any actor), or ``None``; another kind is refused."""
    found = Submission.objects.filter(key=str(key)).select_related("content_type").first()
    if found is not None and found.kind != kind:
        raise submission_key_taken()
    return found


def submission_result(submission: Submission) -> Any:
    """The record a submission made (``None`` if it was deleted since)."""
    model = submission.content_type.model_class()
    if model is None:
        return None
    return model._default_manager.filter(pk=submission.object_id).first()


def submission_replay(*, key: Key, actor: Any, kind: str) -> Any | None:
    """The record made by the first submission of ``key``, if ``actor`` sent it; ``None`` when the
    key is new. A key of another account (or of another kind) raises :class:`SubmissionKeyTaken`."""
    found = submission_get(key=key, kind=kind)
    if found is None:
        return None
    if found.actor_id != getattr(actor, "pk", None):
        raise submission_key_taken()
    return submission_result(found)


def submission_record(*, key: Key, actor: Any, kind: str, result: Any) -> Submission:
    """Record that ``actor`` carried out ``key`` making ``result``; call it inside the transaction
    that made ``result``. A key already recorded raises ``IntegrityError`` (roll back, then replay)."""
    with transaction.atomic():
        return Submission.objects.create(
            key=str(key),
            kind=kind,
            actor=actor if getattr(actor, "pk", None) else None,
            content_type=ContentType.objects.get_for_model(type(result)),
            object_id=str(result.pk),
        )


def submitted_once[T](
    *,
    key: Key | None,
    actor: Any,
    kind: str,
    make: Callable[[], T],
    result_of: Callable[[T], Any] = lambda made: made,
    replayed: Callable[[Any], T] = lambda first: first,
) -> tuple[T, bool]:
    """Carry out ``make()`` once per ``key``: ``(result, True)`` the first time, ``(first result,
    False)`` when the same actor sends the key again (``replayed`` turns the stored record back
    into what ``make`` returns; ``result_of`` picks the record to store from it). Without a key
    the work is simply done."""
    if key is None:
        with transaction.atomic():
            return make(), True
    first = submission_replay(key=key, actor=actor, kind=kind)
    if first is not None:
        return replayed(first), False
    try:
        with transaction.atomic():
            made = make()
            submission_record(key=key, actor=actor, kind=kind, result=result_of(made))
    except IntegrityError:
        # The same key was stored by another request a moment ago.
        first = submission_replay(key=key, actor=actor, kind=kind)
        if first is None:
            raise
        return replayed(first), False
    return made, True
