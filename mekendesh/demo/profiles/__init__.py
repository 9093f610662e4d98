"""The demo population of each country of origin: where its people come from, where they go and
why, the names they carry and the documents and telephone numbers they have.

One :class:`DemoProfile` per country (:mod:`.kg`, :mod:`.tm`, :mod:`.tj`, :mod:`.uz`); the
generator (:mod:`mekendesh.demo.generator`) draws people from the profile of
``settings.ORIGIN_COUNTRY`` (:func:`current_profile`). Each module says where its figures come
from: a public source where one exists, else "estimate". Pure data, no database.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from mekendesh.demo import spelling
from mekendesh.demo.names import NamePool, russian_of_kyrgyz
from mekendesh.demo.names import spelling as split_entry

# Permits by purpose where no other rule applies (a work permit, a student visa, a residence
# permit for a family member).
PERMITS: dict[str, str] = {"work": "work_permit", "study": "student_visa", "family": "residence"}
# The Eurasian Economic Union: its citizens work in each other's countries on a labour contract.
EAEU = frozenset({"AM", "BY", "KG", "KZ", "RU"})


def reference_districts(country: str) -> Iterable[tuple[str, str]]:
    """The (code, region) pairs of a country of origin's districts, as the reference data ships them."""
    from mekendesh.reference.data.origins import DIVISIONS

    for row in DIVISIONS[country].districts():
        yield row.code, row.region


@dataclass(frozen=True)
class NameGroup:
    """A group of names as the country's register writes them: its pool, how an entry of the pool
    is written in the country's script and in Russian, and which patronymics its people carry."""

    pool: NamePool
    native: Callable[[str], str]  # a pool entry in the country's script
    russian: Callable[[str], str]  # a pool entry in Russian Cyrillic
    # Share of the word-patronymics ("Oraz ogly", "Olim oʻgʻli") and their words (a key of
    # spelling.CONNECTORS); share of people registered without a patronymic.
    connector: str = ""
    connector_share: float = 0.0
    none_share: float = 0.0


def written_natively(to_russian: Callable[[str], str]) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """Entries written in the country's script (``Meredow|Мередов``); the Russian spelling is the
    one the entry gives, else ``to_russian`` of it."""

    def native(entry: str) -> str:
        return split_entry(entry)[0]

    def russian(entry: str) -> str:
        written, given = split_entry(entry)
        return given or to_russian(written)

    return native, russian


def written_in_russian(to_native: Callable[[str], str]) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """Entries of the shared pools (Russian Cyrillic, or Kyrgyz Cyrillic with the Russian spelling
    after ``|``), written in the country's script by ``to_native``."""

    def russian(entry: str) -> str:
        written, given = split_entry(entry)
        return given or russian_of_kyrgyz(written)

    def native(entry: str) -> str:
        return to_native(russian(entry))

    return native, russian


def written_in_tajik(to_native: Callable[[str], str]) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """Entries in Tajik Cyrillic, written in the country's script by ``to_native``."""

    def native(entry: str) -> str:
        return to_native(split_entry(entry)[0])

    def russian(entry: str) -> str:
        written, given = split_entry(entry)
        return given or spelling.tajik_to_russian(written)

    return native, russian


@dataclass(frozen=True)
class DemoProfile:
    code: str  # ISO 3166-1 alpha-2 of the country of origin
    script: str  # the script its register writes names in (a people.Script value)
    # Region of origin (ISO 3166-2) → weight; district → weight (every other district weighs 1).
    origin_weights: dict[str, float]
    district_weights: dict[str, float]
    # The reference rows of the country's districts: (code, region) pairs.
    districts: Callable[[], Iterable[tuple[str, str]]]
    # The last residence before leaving: the share stated, the regions people moved to first
    # (by region of origin, else the default) and the share who left from another district of
    # their own region.
    residence_stated: float
    residence_elsewhere: dict[str, dict[str, float]]
    residence_elsewhere_default: dict[str, float]
    residence_other_district: float
    # Region of origin → weights of the groups of names found there.
    group_weights: dict[str, dict[str, float]]
    # Host region (ISO 3166-2), or a country (ISO 3166-1) where the reference data has no region
    # of it → (weight in per cent of stays, cities as written locally).
    destinations: dict[str, tuple[float, tuple[str, ...]]]
    # Country → (purpose → weight); (country, purpose) → permit where it differs from PERMITS.
    purposes: dict[str, dict[str, float]]
    permits: dict[tuple[str, str], str]
    employers: dict[str, tuple[str, ...]]
    streets: dict[str, tuple[str, ...]]
    # Telephones: the country's code, its mobile operators' prefixes and the digits after them;
    # the share of people staying in a country who give a number of that country, and how such a
    # number begins and how many digits follow.
    phone_prefix: str
    phone_operators: tuple[str, ...]
    phone_digits: int
    host_phones: dict[str, tuple[float, str, int]]
    # Documents: the passport's issuing state (ICAO) and the letters its numbers begin with (seven
    # digits follow); the share of people registered with a passport, the others with an identity
    # card (and its letters).
    alpha3: str
    passport_prefixes: tuple[str, ...]
    passport_share: float
    id_card_prefixes: tuple[str, ...]
    # Group → how its names are written (None: Kyrgyzstan's own rules, in the generator).
    names: dict[str, NameGroup] | None = None
    patronymic: Callable[[str, str], str] = spelling.russian_patronymic
    # What the host-country list (lists.py) calls the citizenship, and whom it names besides the
    # people of the register (group → weight).
    citizenship_written: tuple[str, ...] = ()
    list_groups: dict[str, float] = field(default_factory=dict)

    @property
    def countries(self) -> set[str]:
        """The countries of destination."""
        return {code.split("-")[0] for code in self.destinations}

    def permit(self, country: str, purpose: str) -> str:
        """The permit a stay for ``purpose`` in ``country`` needs."""
        if self.code in EAEU and country in EAEU:
            return "eaeu_contract" if purpose == "work" else "none"
        return self.permits.get((country, purpose), PERMITS[purpose])


@cache
def profile_for(code: str) -> DemoProfile:
    """The demo profile of a country of origin (``KG``, ``TM``, ``TJ`` or ``UZ``)."""
    module = importlib.import_module(f"mekendesh.demo.profiles.{code.lower()}")
    profile: DemoProfile = module.PROFILE
    return profile


def current_profile() -> DemoProfile:
    """The profile of the installation's country of origin (``settings.ORIGIN_COUNTRY``)."""
    from django.conf import settings

    return profile_for(settings.ORIGIN_COUNTRY)
