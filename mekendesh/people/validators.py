"""Checks of personal data typed into forms or files; each names what is wrong.

The forms of the migrant's pages and of the staff workspace use the same checks, and the services
call the ones that are rules of the register (a stay does not start before its person was born),
so that they hold whatever the way the data came in.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.names import detect_script, icao_latin, mixed_script_words

NAME_MAX_LENGTH = 100
EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)
# How far ahead an arrival or a departure may be announced.
STAY_DATE_HORIZON = dt.timedelta(days=366)

# Apostrophes people type inside names (O'Brien, Ааль'ев): ASCII, typographic and modifier letter.
_APOSTROPHES = "'’ʼ‘`"
_PASSPORT_LATIN = re.compile(r"^[A-Z]+(?:[ '\-][A-Z]+)*$")
_PHONE = re.compile(r"^\+[1-9]\d{5,14}$")

CYRILLIC, LATIN, PASSPORT_LATIN = "cyrillic", "latin", "passport_latin"
REPLACEMENT_CHARACTER = "\ufffd"


def _name_character_allowed(char: str) -> bool:
    # Any printable character: a name is stored as typed (a formula such as =HYPERLINK(...) too:
    # exports neutralise it). Control, format, private-use and unassigned characters are refused.
    return not unicodedata.category(char).startswith("C")


def validate_name_part(value: str) -> str:
    """A name part: printable characters, at most 100 characters, one script per word. Returns it with spaces collapsed and in Unicode normal form C."""
    value = unicodedata.normalize("NFC", " ".join((value or "").split()))
    if len(value) > NAME_MAX_LENGTH:
        raise ValidationError(
            _("A name may have at most %(limit)d characters; this one has %(length)d."),
            code="too_long",
            params={"limit": NAME_MAX_LENGTH, "length": len(value)},
        )
    if REPLACEMENT_CHARACTER in value:
        # What a browser or a decoder puts where bytes were not UTF-8: the letter typed is lost.
        raise ValidationError(
            _("The name holds “%(mark)s”, the mark of a letter that was lost on the way. Type the name again."),
            code="lost_letter",
            params={"mark": REPLACEMENT_CHARACTER},
        )
    wrong = next((char for char in value if not _name_character_allowed(char)), None)
    if wrong is not None:
        raise ValidationError(
            _("A name cannot hold invisible or control characters (%(code)s)."),
            code="bad_character",
            params={"code": f"U+{ord(wrong):04X}"},
        )
    mixed = mixed_script_words(value)
    if mixed:
        raise ValidationError(
            _("The word “%(word)s” mixes Cyrillic and Latin letters. Type it in one alphabet."),
            code="mixed_script",
            params={"word": mixed[0]},
        )
    return value


def script_of_letters(value: str) -> str:
    """ "cyrillic", "latin", "mixed", "other" or "empty": the script of the letters of ``value``."""
    return detect_script("".join(char for char in value if char.isalpha()))


def validate_name_in_script(value: str, *, script: str) -> str:
    """A name part (see :func:`validate_name_part`) written in ``script``: "cyrillic", "latin" or
    "passport_latin" (the letters A to Z of a passport, returned in capitals)."""
    value = validate_name_part(value)
    if not value:
        return value
    found = script_of_letters(value)
    if script == CYRILLIC and found != "cyrillic":
        raise ValidationError(
            _("Type the name in Cyrillic letters, or choose “Latin letters” for the alphabet it is written in."),
            code="wrong_script",
        )
    if script in (LATIN, PASSPORT_LATIN) and found == "cyrillic":
        raise ValidationError(
            _("Type the name in Latin letters as in the passport, for example %(hint)s."),
            code="wrong_script",
            params={"hint": icao_latin(value)},
        )
    if script == LATIN and found != "latin":
        raise ValidationError(_("Type the name in Latin letters."), code="wrong_script")
    if script == PASSPORT_LATIN:
        value = value.upper().replace("’", "'").replace("ʼ", "'").replace("‘", "'").replace("`", "'")
        if not _PASSPORT_LATIN.match(value):
            raise ValidationError(
                _("Type the name exactly as in the passport: the letters A to Z, spaces, hyphens and apostrophes."),
                code="not_passport_latin",
            )
    return value


def name_script_kind(script: str) -> str:
    """Which letters a name form of ``script`` (a :class:`~mekendesh.people.models.Script` value) holds."""
    if script == "Latn-ICAO":
        return PASSPORT_LATIN
    if script.endswith("-Cyrl"):
        return CYRILLIC
    return LATIN


def validate_name(*, script: str, surname: str, given_names: str, patronymic: str = "") -> tuple[str, str, str]:
    """A whole name in one script; errors are raised on the field of the part that is wrong."""
    kind = name_script_kind(script)
    errors: dict[str, ValidationError] = {}
    cleaned: dict[str, str] = {}
    for field, value in (("surname", surname), ("given_names", given_names), ("patronymic", patronymic)):
        try:
            cleaned[field] = validate_name_in_script(value, script=kind)
        except ValidationError as exc:
            errors[field] = exc
    if not errors and not cleaned["surname"] and not cleaned["given_names"]:
        errors["surname"] = ValidationError(_("Type the surname or the given name."), code="required")
    if errors:
        raise ValidationError(errors)
    return cleaned["surname"], cleaned["given_names"], cleaned["patronymic"]


def validate_birth_date(value: dt.date, *, today: dt.date | None = None) -> dt.date:
    """``today``: the calendar date to judge by (a bulk check passes it once, not per row)."""
    if value > (today or timezone.localdate()):
        raise ValidationError(_("The date of birth cannot be in the future."), code="future")
    if value < EARLIEST_BIRTH_DATE:
        raise ValidationError(_("The date of birth cannot be before 1900."), code="too_early")
    return value


def validate_stay_dates(
    arrival: dt.date | None,
    departure: dt.date | None,
    *,
    birth_date: dt.date | None = None,
    today: dt.date | None = None,
) -> None:
    """The dates of a stay: not announced more than a year ahead, the departure not before the
    arrival, the arrival not before the person's birth. Errors name ``arrival_date`` or
    ``departure_date``."""
    errors = {}
    horizon = (today or timezone.localdate()) + STAY_DATE_HORIZON
    if arrival and arrival > horizon:
        errors["arrival_date"] = ValidationError(_("The arrival date is more than a year ahead."), code="far_future")
    elif arrival and birth_date and arrival < birth_date:
        errors["arrival_date"] = ValidationError(
            _("The arrival date cannot be before the date of birth."), code="before_birth"
        )
    if departure and departure > horizon:
        errors["departure_date"] = ValidationError(
            _("The departure date is more than a year ahead."), code="far_future"
        )
    elif arrival and departure and departure < arrival:
        errors["departure_date"] = ValidationError(
            _("The departure date cannot be before the arrival date."), code="before_arrival"
        )
    if errors:
        raise ValidationError(errors)


def normalise_phone(value: str) -> str:
    """A phone number as E.164 (+996555123456): spaces, dashes, dots and brackets dropped, 00 → +.
    Anything else (letters, a formula) is refused."""
    phone = re.sub(r"[\s\-().]", "", value or "")
    if phone.startswith("00"):
        phone = "+" + phone[2:]
    if phone and not _PHONE.match(phone):
        raise ValidationError(
            _("Type the phone number with its country code, for example %(example)s."),
            code="invalid_phone",
            params={"example": settings.ORIGIN.phone_example},
        )
    return phone
