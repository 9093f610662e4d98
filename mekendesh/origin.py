"""The countries of origin an installation can serve, and what follows from the choice.

One setting, ``MEKENDESH_ORIGIN_COUNTRY`` (``KG``, ``TM``, ``TJ`` or ``UZ``), is chosen at
installation; this module says what it means: the passport's issuing state in the machine-readable
zone, the telephone prefix, the interface languages and the default one, and the script the
country's passports and registers write names in. Pure data, no Django: the settings read it
before Django starts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    code: str  # ISO 3166-1 alpha-2
    alpha3: str  # ISO 3166-1 alpha-3: the issuing state and nationality in a passport's MRZ
    name: str  # in English, for messages before the database is reached
    phone_prefix: str  # ITU-T E.164 country code
    phone_example: str  # a mobile number as people write it, for the forms' hints
    languages: tuple[str, ...]  # interface languages, the default first
    name_script: str  # the script its citizens' names are registered in (a people.Script value)
    time_zone: str  # the capital's (IANA)


ORIGINS: dict[str, Origin] = {
    origin.code: origin
    for origin in (
        # Kyrgyzstan keeps Turkmen among its languages: the system was first written with it.
        Origin(
            "KG", "KGZ", "Kyrgyzstan", "+996", "+996 555 123 456", ("ky", "ru", "tk", "en"), "ky-Cyrl", "Asia/Bishkek"
        ),
        Origin("TM", "TKM", "Turkmenistan", "+993", "+993 65 123 456", ("tk", "ru", "en"), "tk-Latn", "Asia/Ashgabat"),
        Origin("TJ", "TJK", "Tajikistan", "+992", "+992 93 123 4567", ("tg", "ru", "en"), "tg-Cyrl", "Asia/Dushanbe"),
        Origin("UZ", "UZB", "Uzbekistan", "+998", "+998 90 123 45 67", ("uz", "ru", "en"), "uz-Latn", "Asia/Tashkent"),
    )
}


class UnknownOrigin(ValueError):
    """The setting names no country this installation can serve."""


def origin_for(code: str | None) -> Origin:
    """The country of origin ``code`` names, or :class:`UnknownOrigin` with a message saying
    which codes are known."""
    known = ", ".join(ORIGINS)
    value = (code or "").strip().upper()
    if not value:
        raise UnknownOrigin(
            f"MEKENDESH_ORIGIN_COUNTRY is empty: set it to the country of origin this installation serves, one of {known}."
        )
    if value not in ORIGINS:
        raise UnknownOrigin(
            f"MEKENDESH_ORIGIN_COUNTRY={code!r} is not a country of origin Mekendesh knows: use one of {known} "
            "(ISO 3166-1 alpha-2)."
        )
    return ORIGINS[value]
