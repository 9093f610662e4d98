"""Checks of personal data typed into forms or files; each names what is wrong."""

from __future__ import annotations

import datetime as dt
import unicodedata

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.names import mixed_script_words

NAME_MAX_LENGTH = 100
EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)


def validate_name_part(value: str) -> str:
    """A name part: letters, spaces, hyphens and apostrophes, one script per word."""
    value = unicodedata.normalize("NFC", " ".join(value.split()))
    if len(value) > NAME_MAX_LENGTH:
        raise ValidationError(
            _("A name may have at most %(limit)d characters; this one has %(length)d."),
            code="too_long",
            params={"limit": NAME_MAX_LENGTH, "length": len(value)},
        )
    mixed = mixed_script_words(value)
    if mixed:
        raise ValidationError(
            _("The word “%(word)s” mixes Cyrillic and Latin letters. Type it in one alphabet."),
            code="mixed_script",
            params={"word": mixed[0]},
        )
    return value


def validate_birth_date(value: dt.date) -> dt.date:
    if value > timezone.localdate():
        raise ValidationError(_("The date of birth cannot be in the future."), code="future")
    if value < EARLIEST_BIRTH_DATE:
        raise ValidationError(_("The date of birth cannot be before 1900."), code="too_early")
    return value


def validate_stay_dates(arrival: dt.date | None, departure: dt.date | None) -> None:
    errors = {}
    if arrival and arrival > timezone.localdate() + dt.timedelta(days=366):
        errors["arrival_date"] = ValidationError(
            _("The arrival date is more than a year ahead."), code="far_future"
        )
    if arrival and departure and departure < arrival:
        errors["departure_date"] = ValidationError(
            _("The departure date cannot be before the arrival date."), code="before_arrival"
        )
    if errors:
        raise ValidationError(errors)
