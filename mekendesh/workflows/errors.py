"""Errors of the workflow and idempotency services."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class StaleObjectError(Exception):
    """Someone else saved the object after it was loaded: reload and try again (409 in the API)."""


class SubmissionKeyTaken(ValidationError):
    """The form's hidden key belongs to a submission of another account or of another kind (a
    copied or tampered form): it replays nothing."""
