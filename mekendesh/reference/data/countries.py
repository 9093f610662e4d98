"""ISO 3166-1 countries, from pycountry's data and its ``iso3166-1`` gettext catalogues.

A country's English name is its common name where ISO gives one ("South Korea" rather than
"Korea, Republic of"); the Russian, Kyrgyz and Turkmen names come from the catalogues, and fall
back to English where a catalogue has no translation. A few names are set here instead, where
the catalogue's name is not the one used in the region (Russian "Кыргызстан", not "Киргизия").
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache

import pycountry

TRANSLATED = ("ru", "ky", "tk")


@dataclass(frozen=True)
class CountryRow:
    code: str
    alpha3: str
    numeric: str
    name_en: str
    name_ru: str
    name_ky: str
    name_tk: str


# Names as used in the region's own official texts, over the catalogues' choices.
OVERRIDES: dict[str, dict[str, str]] = {
    "KG": {"en": "Kyrgyzstan", "ru": "Кыргызстан", "ky": "Кыргызстан", "tk": "Gyrgyzystan"},
    "RU": {"en": "Russia", "ru": "Россия", "ky": "Россия", "tk": "Russiýa"},
    "US": {"ru": "США", "ky": "АКШ", "tk": "ABŞ"},
    "GB": {"ru": "Великобритания", "ky": "Улуу Британия", "tk": "Beýik Britaniýa"},
    "TR": {"ru": "Турция", "ky": "Түркия", "tk": "Türkiýe"},
    "KZ": {"ru": "Казахстан", "ky": "Казакстан", "tk": "Gazagystan"},
    "UZ": {"ru": "Узбекистан", "ky": "Өзбекстан", "tk": "Özbegistan"},
    "TJ": {"ru": "Таджикистан", "ky": "Тажикстан", "tk": "Täjigistan"},
    "TM": {"ru": "Туркменистан", "ky": "Түркмөнстан", "tk": "Türkmenistan"},
}


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def _translate(language: str, english: str, official: str) -> str:
    """The catalogue's name for the common English name, else for the ISO name, else English."""
    catalogue = _catalogue(language)
    for source in dict.fromkeys((english, official)):
        translated = catalogue.gettext(source)
        if translated != source:
            return translated
    return english


def country_rows() -> list[CountryRow]:
    rows = []
    for country in pycountry.countries:
        official = country.name
        english = getattr(country, "common_name", None) or official
        names = {"en": english} | {lang: _translate(lang, english, official) for lang in TRANSLATED}
        names |= OVERRIDES.get(country.alpha_2, {})
        rows.append(
            CountryRow(
                code=country.alpha_2,
                alpha3=country.alpha_3,
                numeric=country.numeric,
                name_en=names["en"],
                name_ru=names["ru"],
                name_ky=names["ky"],
                name_tk=names["tk"],
            )
        )
    return sorted(rows, key=lambda row: row.code)
