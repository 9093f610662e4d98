"""ICAO Doc 9303 machine-readable zones: check digits and parsing of TD3 (passport, 2 × 44) and
TD1 (identity card, 3 × 30) zones. Pure Python.

Written here because the few MRZ packages on PyPI either do OCR (and pull in image libraries) or are
unmaintained; the rules fit in a page: Doc 9303 part 3 §4.9 (check digits), parts 4 and 5 (layouts).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_WEIGHTS = (7, 3, 1)
_ALLOWED = re.compile(r"^[A-Z0-9<]+$")


class MRZError(ValueError):
    """A zone that cannot be read or whose check digit is wrong; ``field`` names the part."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _char_value(char: str) -> int:
    if char.isdigit():
        return int(char)
    if char == "<":
        return 0
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    raise MRZError("mrz", f"character {char!r} is not allowed in a machine-readable zone")


def check_digit(data: str) -> str:
    """The Doc 9303 check digit of a field: weights 7, 3, 1 repeated, sum modulo 10."""
    return str(sum(_char_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(data)) % 10)


@dataclass(frozen=True)
class MRZ:
    document_type: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: dt.date
    sex: str  # "M", "F" or "" (unspecified)
    expiry_date: dt.date
    optional_data: str


def _date(yymmdd: str, field: str, *, future: bool) -> dt.date:
    if not yymmdd.isdigit():
        raise MRZError(field, f"{field.replace('_', ' ')} is not a date (YYMMDD)")
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    this_year = dt.date.today().year % 100
    # Birth dates are in the past; expiry dates lie up to ~20 years ahead.
    century = 2000 if (yy <= this_year + (20 if future else 0)) else 1900
    try:
        return dt.date(century + yy, mm, dd)
    except ValueError as exc:
        raise MRZError(field, f"{field.replace('_', ' ')} {yymmdd} is not a real date") from exc


def _checked(value: str, digit: str, field: str) -> str:
    if check_digit(value) != digit:
        raise MRZError(field, f"the check digit of the {field.replace('_', ' ')} is wrong")
    return value


def _names(field: str) -> tuple[str, str]:
    surname, _, given = field.partition("<<")
    return surname.replace("<", " ").strip(), given.replace("<", " ").strip()


def normalise_lines(text: str) -> list[str]:
    lines = [re.sub(r"\s+", "", line).upper() for line in text.strip().splitlines() if line.strip()]
    return lines


def parse_mrz(text: str) -> MRZ:
    """Parse and check a TD3 or TD1 zone; raise :class:`MRZError` naming the wrong part."""
    lines = normalise_lines(text)
    for line in lines:
        if not _ALLOWED.match(line):
            raise MRZError("mrz", "a machine-readable zone holds only A–Z, 0–9 and <")
    if len(lines) == 2 and all(len(line) == 44 for line in lines):
        return _parse_td3(*lines)
    if len(lines) == 3 and all(len(line) == 30 for line in lines):
        return _parse_td1(*lines)
    raise MRZError("mrz", "a passport zone has 2 lines of 44 characters; an identity card, 3 lines of 30")


def _parse_td3(line1: str, line2: str) -> MRZ:
    surname, given = _names(line1[5:44])
    number = _checked(line2[0:9], line2[9], "document_number")
    birth = _checked(line2[13:19], line2[19], "birth_date")
    expiry = _checked(line2[21:27], line2[27], "expiry_date")
    optional = line2[28:42]
    if line2[42] != "<" or optional.strip("<"):
        _checked(optional, line2[42], "optional_data")
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    _checked(composite, line2[43], "composite")
    return MRZ(
        document_type=line1[0:2].strip("<"),
        issuing_state=line1[2:5].strip("<"),
        surname=surname,
        given_names=given,
        document_number=number.strip("<"),
        nationality=line2[10:13].strip("<"),
        birth_date=_date(birth, "birth_date", future=False),
        sex=line2[20].strip("<"),
        expiry_date=_date(expiry, "expiry_date", future=True),
        optional_data=optional.strip("<"),
    )


def _parse_td1(line1: str, line2: str, line3: str) -> MRZ:
    number = _checked(line1[5:14], line1[14], "document_number")
    birth = _checked(line2[0:6], line2[6], "birth_date")
    expiry = _checked(line2[8:14], line2[14], "expiry_date")
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    _checked(composite, line2[29], "composite")
    surname, given = _names(line3)
    return MRZ(
        document_type=line1[0:2].strip("<"),
        issuing_state=line1[2:5].strip("<"),
        surname=surname,
        given_names=given,
        document_number=number.strip("<"),
        nationality=line2[15:18].strip("<"),
        birth_date=_date(birth, "birth_date", future=False),
        sex=line2[7].strip("<"),
        expiry_date=_date(expiry, "expiry_date", future=True),
        optional_data=(line1[15:30] + line2[18:29]).strip("<"),
    )


def build_td3(
    *,
    document_type: str = "P",
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: dt.date,
    sex: str,
    expiry_date: dt.date,
) -> str:
    """A valid TD3 zone for the given data (used for demo data and tests)."""

    def field(text: str, width: int) -> str:
        return re.sub(r"[^A-Z0-9<]", "<", text.upper().replace(" ", "<"))[:width].ljust(width, "<")

    name = field(f"{surname}<<{given_names}", 39)
    line1 = field(document_type, 2) + field(issuing_state, 3) + name
    number = field(document_number, 9)
    birth = birth_date.strftime("%y%m%d")
    expiry = expiry_date.strftime("%y%m%d")
    optional = "<" * 14
    line2 = (
        number
        + check_digit(number)
        + field(nationality, 3)
        + birth
        + check_digit(birth)
        + (sex or "<")
        + expiry
        + check_digit(expiry)
        + optional
        + "<"
    )
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    return line1 + "\n" + line2 + check_digit(composite)
