"""What every REST endpoint that moves a workflow shares: the ``Idempotency-Key`` header that makes
a repeated submission a replay, and the problem answers for the workflow's refusals (a stale
version, a key used for another request, a move the caller may not make, a move the step does not
allow), so that cases, screening and the modules after them answer alike."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers, status
from rest_framework.exceptions import ParseError
from rest_framework.request import Request
from rest_framework.response import Response

from mekendesh.workflows.errors import StaleObjectError, SubmissionKeyTaken

IDEMPOTENCY_HEADER = "Idempotency-Key"

#: The refusals of a workflow move that ``problem_for`` answers.
MOVE_REFUSALS = (StaleObjectError, SubmissionKeyTaken, PermissionDenied, ValidationError)


class ProblemSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What is wrong, in the caller's language.")


def idempotency_parameter(what: str) -> OpenApiParameter:
    """The OpenAPI description of the header, ``what`` naming the intended request."""
    return OpenApiParameter(
        IDEMPOTENCY_HEADER,
        OpenApiTypes.UUID,
        OpenApiParameter.HEADER,
        required=False,
        description=f"A random UUID per intended {what}: the same key sent again records it once and answers "
        "with the object as it is.",
    )


def idempotency_key(request: Request) -> uuid.UUID | None:
    """The request's key, or None when it sends none; a key that is not a UUID answers 400."""
    sent = request.headers.get(IDEMPOTENCY_HEADER)
    if sent is None:
        return None
    try:
        return uuid.UUID(sent.strip())
    except ValueError:
        raise ParseError(_("The %(header)s header must be a UUID.") % {"header": IDEMPOTENCY_HEADER}) from None


def problem(message: str, code: int, **fields: Any) -> Response:
    return Response({"detail": message, **fields}, status=code)


def key_taken() -> Response:
    """The answer when the key was used for another request (or replayed a move of another object)."""
    return problem(
        _("This %(header)s was already used for another request: send a new key.") % {"header": IDEMPOTENCY_HEADER},
        status.HTTP_409_CONFLICT,
    )


def problem_for(exc: Exception) -> Response:
    """The answer to one of ``MOVE_REFUSALS``: 409 for a stale version or a taken key, 403 for a
    move the caller may not make, 400 naming the fields for a move the step does not allow."""
    if isinstance(exc, StaleObjectError):
        return problem(str(exc), status.HTTP_409_CONFLICT)
    if isinstance(exc, SubmissionKeyTaken):
        return key_taken()
    if isinstance(exc, PermissionDenied):
        return problem(str(exc) or _("You may not do this."), status.HTTP_403_FORBIDDEN)
    if isinstance(exc, ValidationError):
        fields = dict(exc.message_dict) if hasattr(exc, "error_dict") else {}
        return problem(" ".join(exc.messages), status.HTTP_400_BAD_REQUEST, **fields)
    raise exc
