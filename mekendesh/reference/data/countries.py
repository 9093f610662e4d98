"""ISO 3166-1 countries, from pycountry's data and its ``iso3166-1`` gettext catalogues.

A country's English name is its common name where ISO gives one ("South Korea" rather than
"Korea, Republic of"); the Russian, Kyrgyz, Turkmen, Tajik and Uzbek names come from the
catalogues. Where the Russian, Kyrgyz or Turkmen catalogue has no translation the name falls back
to English, and where the Tajik or Uzbek one has none it is left blank, to be shown in Russian
(:meth:`mekendesh.reference.models.LocalizedName.name_in`). Where a catalogue lacks a country, its
name is supplied here (CATALOGUE_GAPS, UZBEK_CATALOGUE_GAPS: pycountry's Uzbek catalogue lacks
nearly a hundred countries), and a few names are set here instead where the catalogue's name is
not the one used in the region (OVERRIDES: Russian "Кыргызстан", not "Киргизия"; Uzbek
"Germaniya", not "Olmoniya").
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache

import pycountry

TRANSLATED = ("ru", "ky", "tk", "tg", "uz")
# Languages whose missing names are left blank (and shown in Russian) rather than given in English.
BLANK_WHEN_MISSING = ("tg", "uz")


@dataclass(frozen=True)
class CountryRow:
    code: str
    alpha3: str
    numeric: str
    name_en: str
    name_ru: str
    name_ky: str
    name_tk: str
    name_tg: str = ""
    name_uz: str = ""


# Names as used in the region's own official texts, over the catalogues' choices.
OVERRIDES: dict[str, dict[str, str]] = {
    "KG": {
        "en": "Kyrgyzstan",
        "ru": "Кыргызстан",
        "ky": "Кыргызстан",
        "tk": "Gyrgyzystan",
        "tg": "Қирғизистон",
        "uz": "Qirgʻiziston",
    },
    "RU": {"en": "Russia", "ru": "Россия", "ky": "Россия", "tk": "Russiýa", "tg": "Русия", "uz": "Rossiya"},
    "US": {"ru": "США", "ky": "АКШ", "tk": "ABŞ", "tg": "ИМА", "uz": "AQSH"},
    "GB": {
        "ru": "Великобритания",
        "ky": "Улуу Британия",
        "tk": "Beýik Britaniýa",
        "tg": "Британияи Кабир",
        "uz": "Buyuk Britaniya",
    },
    "TR": {"ru": "Турция", "ky": "Түркия", "tk": "Türkiýe", "tg": "Туркия", "uz": "Turkiya"},
    "KZ": {"ru": "Казахстан", "ky": "Казакстан", "tk": "Gazagystan", "tg": "Қазоқистон", "uz": "Qozogʻiston"},
    "UZ": {"ru": "Узбекистан", "ky": "Өзбекстан", "tk": "Özbegistan", "tg": "Ӯзбекистон", "uz": "Oʻzbekiston"},
    "TJ": {"ru": "Таджикистан", "ky": "Тажикстан", "tk": "Täjigistan", "tg": "Тоҷикистон", "uz": "Tojikiston"},
    "TM": {"ru": "Туркменистан", "ky": "Түркмөнстан", "tk": "Türkmenistan", "tg": "Туркманистон", "uz": "Turkmaniston"},
    # Tajik and Uzbek names of the main countries of destination and transit, as the two
    # countries' foreign ministries write them.
    "KR": {"tg": "Кореяи Ҷанубӣ", "uz": "Janubiy Koreya"},
    "DE": {"tg": "Олмон", "uz": "Germaniya"},
    "AE": {"tg": "Аморати Муттаҳидаи Араб", "uz": "Birlashgan Arab Amirliklari"},
    "CN": {"tg": "Чин", "uz": "Xitoy"},
    "IR": {"tg": "Эрон", "uz": "Eron"},
    "AZ": {"tg": "Озарбойҷон", "uz": "Ozarbayjon"},
    "BY": {"tg": "Беларус", "uz": "Belarus"},
    "UA": {"tg": "Украина", "uz": "Ukraina"},
    "JP": {"tg": "Ҷопон", "uz": "Yaponiya"},
    "CY": {"tg": "Кипр", "uz": "Kipr"},
    "SA": {"tg": "Арабистони Саудӣ", "uz": "Saudiya Arabistoni"},
    "PL": {"tg": "Лаҳистон", "uz": "Polsha"},
    "CZ": {"tg": "Чехия", "uz": "Chexiya"},
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


# Uzbek names that pycountry's Uzbek iso3166-1 catalogue lacks (in the Uzbek Latin alphabet, with
# ʻ U+02BB in oʻ and gʻ); without them these countries would be shown in Russian. The main
# countries the catalogue lacks (Russia, the USA, Türkiye, South Korea, China, Iran, Belarus,
# Czechia) are named in OVERRIDES instead.
UZBEK_CATALOGUE_GAPS: dict[str, str] = {
    "AD": "Andorra",
    "AO": "Angola",
    "AQ": "Antarktida",
    "AR": "Argentina",
    "AW": "Aruba",
    "BB": "Barbados",
    "BD": "Bangladesh",
    "BF": "Burkina-Faso",
    "BI": "Burundi",
    "BJ": "Benin",
    "BL": "Sen-Bartelemi",
    "BN": "Bruney",
    "BQ": "Boneyr, Sint-Estatius va Saba",
    "BS": "Bagama orollari",
    "BV": "Buve oroli",
    "CC": "Kokos (Kiling) orollari",
    "CD": "Kongo Demokratik Respublikasi",
    "CG": "Kongo",
    "CI": "Kot-dʼIvuar",
    "CV": "Kabo-Verde",
    "CW": "Kyurasao",
    "CX": "Rojdestvo oroli",
    "EE": "Estoniya",
    "FJ": "Fiji",
    "FK": "Folklend orollari",
    "FM": "Mikroneziya",
    "GA": "Gabon",
    "GD": "Grenada",
    "GG": "Gernsi",
    "GI": "Gibraltar",
    "GM": "Gambiya",
    "GS": "Janubiy Georgiya va Janubiy Sendvich orollari",
    "GU": "Guam",
    "HM": "Xerd va Makdonald orollari",
    "IM": "Men oroli",
    "IO": "Britaniyaning Hind okeanidagi hududi",
    "JE": "Jersi",
    "KI": "Kiribati",
    "KP": "Shimoliy Koreya",
    "LA": "Laos",
    "LC": "Sent-Lyusiya",
    "MD": "Moldova",
    "MF": "Sen-Marten",
    "MH": "Marshall orollari",
    "MK": "Shimoliy Makedoniya",
    "ML": "Mali",
    "MO": "Makao",
    "MQ": "Martinika",
    "MS": "Montserrat",
    "MT": "Malta",
    "NE": "Niger",
    "NF": "Norfolk oroli",
    "NP": "Nepal",
    "NR": "Nauru",
    "NU": "Niue",
    "OM": "Ummon",
    "PA": "Panama",
    "PE": "Peru",
    "PF": "Fransuz Polineziyasi",
    "PN": "Pitkern orollari",
    "PS": "Falastin",
    "PW": "Palau",
    "QA": "Qatar",
    "RE": "Reyunon",
    "SD": "Sudan",
    "SH": "Muqaddas Yelena, Vozneseniye va Tristan-da-Kunya orollari",
    "SJ": "Shpitsbergen va Yan-Mayen",
    "SM": "San-Marino",
    "SN": "Senegal",
    "SV": "Salvador",
    "SX": "Sint-Marten",
    "SY": "Suriya",
    "SZ": "Esvatini",
    "TD": "Chad",
    "TF": "Fransiya Janubiy hududlari",
    "TG": "Togo",
    "TK": "Tokelau",
    "TL": "Sharqiy Timor",
    "TO": "Tonga",
    "TV": "Tuvalu",
    "UG": "Uganda",
    "UM": "AQSH tashqi kichik orollari",
    "VA": "Vatikan",
    "VG": "Britaniya Virgin orollari",
    "VI": "AQSH Virgin orollari",
    "VU": "Vanuatu",
    "WF": "Uollis va Futuna",
    "WS": "Samoa",
}


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def _translate(language: str, english: str, official: str) -> str:
    """The catalogue's name for the common English name, else for the ISO name, else English (or,
    in a language whose missing names are shown in Russian, nothing)."""
    catalogue = _catalogue(language)
    for source in dict.fromkeys((english, official)):
        translated = catalogue.gettext(source)
        if translated != source:
            return translated
    return "" if language in BLANK_WHEN_MISSING else english


def country_rows() -> list[CountryRow]:
    rows = []
    for country in pycountry.countries:
        official = country.name
        english = getattr(country, "common_name", None) or official
        names = {"en": english} | {lang: _translate(lang, english, official) for lang in TRANSLATED}
        names |= CATALOGUE_GAPS.get(country.alpha_2, {})
        if country.alpha_2 in UZBEK_CATALOGUE_GAPS:
            names["uz"] = UZBEK_CATALOGUE_GAPS[country.alpha_2]
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
                name_tg=names["tg"],
                name_uz=names["uz"],
            )
        )
    return sorted(rows, key=lambda row: row.code)
