"""Uzbekistan's regions of origin: the twelve viloyats, the Republic of Karakalpakstan and the
city of Tashkent (ISO 3166-2:UZ), and their districts (``uz_districts.csv``): the tumans, the
cities of regional (or republican) subordination, and Tashkent city's twelve tumans.

Source: the SOATO classifier (system of designation of administrative-territorial units) kept by
the Statistics Agency under the President of the Republic of Uzbekistan, as it stands after the
changes of 2017–2022: 175 tumans counting Tashkent city's twelve, with the Boʻzatov and Taxiatosh
tumans of Karakalpakstan (2019), Koʻkdala (Qashqadaryo, 2019), Tuproqqalʼa (Xorazm), Bandixon
(Surxondaryo, restored 2020) and Yangihayot (Tashkent city, 2020), the Boʻz tuman renamed
Boʻston, and the cities of regional subordination (Nurafshon is the Tashkent region's centre,
Gʻozgʻon a city of the Navoiy region). The tumans formed inside the city of Namangan (Davlatobod,
Yangi Namangan) are not listed: a person from there is from the city of Namangan.

Names in Uzbek (Latin script, with ʻ U+02BB in oʻ and gʻ and ʼ U+02BC for the tutuq belgisi),
Russian, English and Kyrgyz; the Turkmen and Tajik names of the tumans are left blank (shown in
English and Russian respectively).
"""

from __future__ import annotations

from mekendesh.reference.data.divisions import DistrictRow, Divisions, RegionRow, read_districts

COUNTRY = "UZ"

REGIONS: list[RegionRow] = [
    RegionRow(
        "UZ-AN",
        "region",
        "Andijan Region",
        "Андижанская область",
        "Андижан облусу",
        "Andijan welaýaty",
        name_tg="вилояти Андиҷон",
        name_uz="Andijon viloyati",
    ),
    RegionRow(
        "UZ-BU",
        "region",
        "Bukhara Region",
        "Бухарская область",
        "Бухара облусу",
        "Buhara welaýaty",
        name_tg="вилояти Бухоро",
        name_uz="Buxoro viloyati",
    ),
    RegionRow(
        "UZ-FA",
        "region",
        "Fergana Region",
        "Ферганская область",
        "Фергана облусу",
        "Fergana welaýaty",
        name_tg="вилояти Фарғона",
        name_uz="Fargʻona viloyati",
    ),
    RegionRow(
        "UZ-JI",
        "region",
        "Jizzakh Region",
        "Джизакская область",
        "Жиззах облусу",
        "Jizzah welaýaty",
        name_tg="вилояти Ҷиззах",
        name_uz="Jizzax viloyati",
    ),
    RegionRow(
        "UZ-NG",
        "region",
        "Namangan Region",
        "Наманганская область",
        "Наманган облусу",
        "Namangan welaýaty",
        name_tg="вилояти Наманган",
        name_uz="Namangan viloyati",
    ),
    RegionRow(
        "UZ-NW",
        "region",
        "Navoiy Region",
        "Навоийская область",
        "Навои облусу",
        "Nowaýy welaýaty",
        name_tg="вилояти Навоӣ",
        name_uz="Navoiy viloyati",
    ),
    RegionRow(
        "UZ-QA",
        "region",
        "Kashkadarya Region",
        "Кашкадарьинская область",
        "Кашкадария облусу",
        "Kaşgaderýa welaýaty",
        name_tg="вилояти Қашқадарё",
        name_uz="Qashqadaryo viloyati",
    ),
    RegionRow(
        "UZ-QR",
        "region",
        "Republic of Karakalpakstan",
        "Республика Каракалпакстан",
        "Каракалпакстан Республикасы",
        "Garagalpagystan Respublikasy",
        name_tg="Ҷумҳурии Қароқалпоқистон",
        name_uz="Qoraqalpogʻiston Respublikasi",
    ),
    RegionRow(
        "UZ-SA",
        "region",
        "Samarkand Region",
        "Самаркандская область",
        "Самарканд облусу",
        "Samarkant welaýaty",
        name_tg="вилояти Самарқанд",
        name_uz="Samarqand viloyati",
    ),
    RegionRow(
        "UZ-SI",
        "region",
        "Syrdarya Region",
        "Сырдарьинская область",
        "Сырдария облусу",
        "Syrderýa welaýaty",
        name_tg="вилояти Сирдарё",
        name_uz="Sirdaryo viloyati",
    ),
    RegionRow(
        "UZ-SU",
        "region",
        "Surkhandarya Region",
        "Сурхандарьинская область",
        "Сурхандария облусу",
        "Surhanderýa welaýaty",
        name_tg="вилояти Сурхондарё",
        name_uz="Surxondaryo viloyati",
    ),
    RegionRow(
        "UZ-TO",
        "region",
        "Tashkent Region",
        "Ташкентская область",
        "Ташкент облусу",
        "Daşkent welaýaty",
        name_tg="вилояти Тошкент",
        name_uz="Toshkent viloyati",
    ),
    RegionRow(
        "UZ-XO",
        "region",
        "Khorezm Region",
        "Хорезмская область",
        "Хорезм облусу",
        "Horezm welaýaty",
        name_tg="вилояти Хоразм",
        name_uz="Xorazm viloyati",
    ),
    RegionRow(
        "UZ-TK",
        "city",
        "Tashkent",
        "город Ташкент",
        "Ташкент шаары",
        "Daşkent şäheri",
        name_tg="шаҳри Тошкент",
        name_uz="Toshkent shahri",
    ),
]


def district_rows() -> list[DistrictRow]:
    return read_districts("uz_districts.csv")


DIVISIONS = Divisions(COUNTRY, REGIONS, district_rows)
