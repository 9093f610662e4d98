"""Helpers shared by the staff-side tests: machine-readable zones with correct check digits. (The
fixtures ``sign_in`` and ``officer_moscow_2`` are in ``mekendesh/conftest.py``.)"""

from __future__ import annotations

import datetime as dt

from mekendesh.lib.mrz import check_digit


def td3_mrz(
    *, number: str, birth: dt.date, expiry: dt.date, surname: str, given: str, sex: str = "F", state: str = "KGZ"
) -> str:
    """A passport (TD3) machine-readable zone with correct check digits."""
    line1 = f"P<{state}{surname}<<{given.replace(' ', '<')}".ljust(44, "<")[:44]
    number_field = number.ljust(9, "<")
    birth_field, expiry_field = birth.strftime("%y%m%d"), expiry.strftime("%y%m%d")
    optional = "<" * 14
    line2 = (
        number_field
        + check_digit(number_field)
        + state
        + birth_field
        + check_digit(birth_field)
        + sex
        + expiry_field
        + check_digit(expiry_field)
        + optional
        + "<"
    )
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    return f"{line1}\n{line2 + check_digit(composite)}"
