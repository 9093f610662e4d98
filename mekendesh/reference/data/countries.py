"""ISO 3166-1 countries, from pycountry's data and its ``iso3166-1`` gettext catalogues.

A country's English name is its common name where ISO gives one ("South Korea" rather than
"Korea, Republic of"); the Russian, Kyrgyz and Turkmen names come from the catalogues, and fall
back to English where a catalogue has no translation. Where a catalogue lacks a country, its name
is supplied here (CATALOGUE_GAPS), and a few names are set here instead where the catalogue's name
is not the one used in the region (OVERRIDES: Russian "Кыргызстан", not "Киргизия").
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

# Names that pycountry's iso3166-1 catalogues lack: its Turkmen catalogue has no entry for these
# countries and its Kyrgyz one none for North Macedonia and Eswatini, so they would show in
# English. These fill those gaps (in the official Turkmen Latin alphabet; a Turkmen name spelled
# as in English, such as "Angola", is listed on purpose). OVERRIDES, above, still wins over them.
CATALOGUE_GAPS: dict[str, dict[str, str]] = {
    "AD": {"tk": "Andorra"},
    "AI": {"tk": "Angilýa"},
    "AO": {"tk": "Angola"},
    "AQ": {"tk": "Antarktida"},
    "AR": {"tk": "Argentina"},
    "AW": {"tk": "Aruba"},
    "BB": {"tk": "Barbados"},
    "BI": {"tk": "Burundi"},
    "BJ": {"tk": "Benin"},
    "BL": {"tk": "Sen-Bartelemi"},
    "BQ": {"tk": "Bonaýre, Sint-Estatius we Saba"},
    "BS": {"tk": "Bagama adalary"},
    "BV": {"tk": "Buwe adasy"},
    "BW": {"tk": "Botswana"},
    "BY": {"tk": "Belarus"},
    "CC": {"tk": "Kokos (Kiling) adalary"},
    "CK": {"tk": "Kuk adalary"},
    "CN": {"tk": "Hytaý"},
    "CV": {"tk": "Kabo-Werde"},
    "CW": {"tk": "Kýurasao"},
    "CX": {"tk": "Roždestwo adasy"},
    "CZ": {"tk": "Çehiýa"},
    "EG": {"tk": "Müsür"},
    "EH": {"tk": "Günbatar Sahara"},
    "FJ": {"tk": "Fiji"},
    "GA": {"tk": "Gabon"},
    "GD": {"tk": "Grenada"},
    "GG": {"tk": "Gernsi"},
    "GI": {"tk": "Gibraltar"},
    "GS": {"tk": "Günorta Georgiýa we Günorta Sendwiç adalary"},
    "GU": {"tk": "Guam"},
    "HM": {"tk": "Herd we Makdonald adalary"},
    "IM": {"tk": "Men adasy"},
    "IO": {"tk": "Britaniýanyň Hindi okeanyndaky territoriýasy"},
    "JE": {"tk": "Jersi"},
    "KI": {"tk": "Kiribati"},
    "KY": {"tk": "Kaýman adalary"},
    "LA": {"tk": "Laos"},
    "ME": {"tk": "Çernogoriýa"},
    "MF": {"tk": "Sen-Marten (Fransiýanyň bölegi)"},
    "MK": {"ky": "Түндүк Македония", "tk": "Demirgazyk Makedoniýa"},
    "ML": {"tk": "Mali"},
    "MP": {"tk": "Demirgazyk Mariana adalary"},
    "MS": {"tk": "Monserrat"},
    "MT": {"tk": "Malta"},
    "MU": {"tk": "Mawrikiý"},
    "MW": {"tk": "Malawi"},
    "NE": {"tk": "Niger"},
    "NP": {"tk": "Nepal"},
    "NR": {"tk": "Nauru"},
    "NU": {"tk": "Niue"},
    "OM": {"tk": "Oman"},
    "PA": {"tk": "Panama"},
    "PE": {"tk": "Peru"},
    "PF": {"tk": "Fransuz Polineziýasy"},
    "PN": {"tk": "Pitkern adalary"},
    "PS": {"tk": "Palestina"},
    "PW": {"tk": "Palau"},
    "SD": {"tk": "Sudan"},
    "SH": {"tk": "Keramatly Ýelena, Beýgeliş we Tristan-da-Kunýa"},
    "SJ": {"tk": "Şpisbergen we Ýan-Maýen"},
    "SN": {"tk": "Senegal"},
    "SO": {"tk": "Somali"},
    "SX": {"tk": "Sint-Marten (Niderlandlaryň bölegi)"},
    "SZ": {"ky": "Эсватини", "tk": "Eswatini"},
    "TC": {"tk": "Terks we Kaýkos adalary"},
    "TF": {"tk": "Fransuz günorta territoriýalary"},
    "TK": {"tk": "Tokelau"},
    "TL": {"tk": "Gündogar Timor"},
    "TO": {"tk": "Tonga"},
    "UG": {"tk": "Uganda"},
    "UM": {"tk": "ABŞ-nyň daşarky kiçi adalary"},
    "WF": {"tk": "Uollis we Futuna"},
    "WS": {"tk": "Samoa"},
    "ZW": {"tk": "Zimbabwe"},
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
        names |= CATALOGUE_GAPS.get(country.alpha_2, {})
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
