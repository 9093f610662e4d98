"""What a stay's credential says, from the register: the name as in the passport, the date of
birth, the registration number, the consular district, the status and how long it is valid."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.lib.mrz import check_digit
from mekendesh.names import icao_latin
from mekendesh.people.models import NameSource, Script, Stay


@dataclass(frozen=True)
class Holder:
    """The parts of the claims that come from the register (compared with a stored credential's
    to see whether it still says what the register says)."""

    surname: str
    given_names: str
    birth_date: dt.date
    registration_number: str
    consular_district: str
    status: str


def registration_number(stay: Stay) -> str:
    """The stay's registration number: nine digits and an ICAO 9303 check digit, ``000012345-1``,
    so that a number typed by hand at a border post with one wrong digit is noticed."""
    digits = f"{stay.pk:09d}"
    return f"{digits}-{check_digit(digits)}"


def passport_name(stay: Stay) -> tuple[str, str]:
    """Surname and given names as in the passport: the passport Latin spelling on record (from the
    passport itself first), otherwise the ICAO 9303 transliteration of the primary name."""
    names = list(stay.person.names.all())
    latin = [name for name in names if name.script == Script.PASSPORT_LATIN]
    latin.sort(key=lambda name: (name.source != NameSource.PASSPORT, not name.is_primary, name.pk))
    if latin:
        return latin[0].surname.upper(), latin[0].given_names.upper()
    primary = stay.person.primary_name
    if primary is None:
        raise ValidationError(_("The person has no name on record: no credential can be issued."))
    return icao_latin(primary.surname).upper(), icao_latin(primary.given_names).upper()


def holder_of(stay: Stay) -> Holder:
    surname, given_names = passport_name(stay)
    if stay.consular_district is None:
        raise ValidationError(_("The stay has no consular district: no credential can be issued."))
    return Holder(
        surname=surname,
        given_names=given_names,
        birth_date=stay.person.birth_date,
        registration_number=registration_number(stay),
        consular_district=stay.consular_district.code,
        status=str(stay.status),
    )


def end_of_day(day: dt.date) -> dt.datetime:
    """The last second of ``day`` on the installation's clock."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=timezone.get_default_timezone())


def valid_until(stay: Stay, *, issued_at: dt.datetime) -> dt.datetime:
    """``MEKENDESH_CREDENTIAL_VALID_DAYS`` after issue, and never past the stay's departure date."""
    last_day = timezone.localdate(issued_at) + dt.timedelta(days=settings.CREDENTIAL_VALID_DAYS)
    if stay.departure_date is not None:
        last_day = min(last_day, stay.departure_date)
    until = end_of_day(last_day)
    if until <= issued_at:
        raise ValidationError(_("The stay's departure date has passed: end the stay instead of issuing a credential."))
    return until
