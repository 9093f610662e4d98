"""Uzbekistan's demo population.

Destinations: Russia first. By the Agency for External Labour Migration, over a million (63.7 %)
of the 1.5 million citizens working abroad on 1 January 2022 were in Russia (via Sputnik
Uzbekistan, migrant.uz); the president's press secretary put those in Russia at about a million
in June 2024 (UzDaily, 4 June 2024). The agency places workers in Russia, Kazakhstan and South
Korea first, then the UAE, Turkey, Poland and others (kun.uz, 6 April 2022), and its head has
named the UK, Germany, Lithuania, South Korea, Japan and Turkey as destinations (via dzen.ru).
The shares below Russia's are estimates in that order.

Regions of origin: estimates, close to the regions' populations, with more from Samarkand,
Kashkadarya, Surkhandarya, the Fergana valley and Khorezm and fewer from Tashkent. People move to
Tashkent first.

Citizens of Uzbekistan enter Russia without a visa and work there on a patent; Russia frees them
from migration registration for 15 days (agreement of 21 May and 17 June 2021, in force since
4 June 2022). Uzbekistan is not a member of the Eurasian Economic Union.

Sources: https://migrant.uz/uz/tag/migrant-rossiya-noaosti-habarlar-migrant-mobi/,
https://uzdaily.ru/ru/v-rossii-nakhodiatsia-okolo-1-mln-migrantov-iz-uzbekistana,
https://m.kun.uz/en/news/2022/04/06/over-3500-people-employed-abroad-in-q1-2022,
https://dzen.ru/a/ZdYxjCkWV1DzyXY4.
"""

from __future__ import annotations

from functools import partial

from mekendesh.demo import abroad, spelling
from mekendesh.demo.names import (
    KARAKALPAK_LATIN,
    KAZAKH,
    KYRGYZ,
    RUSSIAN,
    TAJIK_CYRILLIC,
    TURKMEN,
    UZBEK_LATIN,
)
from mekendesh.demo.profiles import (
    DemoProfile,
    NameGroup,
    reference_districts,
    written_in_russian,
    written_in_tajik,
    written_natively,
)
from mekendesh.origin import ORIGINS

ORIGIN_WEIGHTS: dict[str, float] = {
    "UZ-SA": 13,  # Samarkand: estimate
    "UZ-QA": 11,  # Kashkadarya: estimate
    "UZ-FA": 11,  # Fergana: estimate
    "UZ-SU": 9,  # Surkhandarya: estimate
    "UZ-AN": 9,  # Andijan: estimate
    "UZ-NG": 8,  # Namangan: estimate
    "UZ-XO": 7,  # Khorezm: estimate
    "UZ-QR": 6,  # Karakalpakstan: estimate
    "UZ-TO": 6,  # Tashkent region: estimate
    "UZ-JI": 5,  # Jizzakh: estimate
    "UZ-BU": 5,  # Bukhara: estimate
    "UZ-TK": 4,  # Tashkent city: estimate
    "UZ-NW": 3,  # Navoiy: estimate
    "UZ-SI": 3,  # Syrdarya: estimate
}

# The large cities send more; every other district weighs 1. Estimates.
DISTRICT_WEIGHTS: dict[str, float] = {
    "UZ-SA-SAMARQANDCITY": 3,
    "UZ-NG-NAMANGANCITY": 3,
    "UZ-AN-ANDIJONCITY": 2.5,
    "UZ-FA-FARGONACITY": 2,
    "UZ-FA-QOQON": 2,
    "UZ-FA-MARGILON": 1.5,
    "UZ-QA-QARSHICITY": 2,
    "UZ-QA-SHAHRISABZCITY": 1.5,
    "UZ-BU-BUXOROCITY": 2,
    "UZ-XO-URGANCHCITY": 2,
    "UZ-QR-NUKUSCITY": 2.5,
    "UZ-SU-TERMIZCITY": 1.5,
    "UZ-JI-JIZZAX": 1.5,
    "UZ-NW-NAVOIY": 1.5,
    "UZ-SI-GULISTONCITY": 1.2,
    "UZ-TO-CHIRCHIQ": 1.5,
    "UZ-TO-ANGREN": 1.5,
    "UZ-TO-OLMALIQ": 1.2,
}

RESIDENCE_ELSEWHERE: dict[str, dict[str, float]] = {
    "UZ-TK": {},
    "UZ-TO": {"UZ-TK": 0.2},
}
RESIDENCE_ELSEWHERE_DEFAULT = {"UZ-TK": 0.12, "UZ-TO": 0.04}

# Region → groups of names: Karakalpaks, Kazakhs and Turkmens in Karakalpakstan; Tajiks in
# Samarkand, Bukhara, Surkhandarya and the Fergana valley; Kazakhs in the Tashkent region,
# Jizzakh, Navoiy and Syrdarya; Russians in Tashkent; Kyrgyz in the Fergana valley. Estimates.
GROUP_WEIGHTS: dict[str, dict[str, float]] = {
    "UZ-QR": {"karakalpak": 36, "uzbek": 36, "kazakh": 25, "turkmen": 3},
    "UZ-SA": {"uzbek": 82, "tajik": 15, "russian": 2, "kazakh": 1},
    "UZ-BU": {"uzbek": 84, "tajik": 10, "kazakh": 2, "russian": 2, "turkmen": 2},
    "UZ-SU": {"uzbek": 85, "tajik": 12, "turkmen": 2, "russian": 1},
    "UZ-QA": {"uzbek": 90, "tajik": 5, "turkmen": 2, "kazakh": 2, "russian": 1},
    "UZ-TK": {"uzbek": 75, "russian": 15, "tajik": 4, "kazakh": 3, "karakalpak": 1, "kyrgyz": 2},
    "UZ-TO": {"uzbek": 78, "kazakh": 10, "russian": 8, "tajik": 4},
    "UZ-FA": {"uzbek": 86, "tajik": 8, "kyrgyz": 4, "russian": 2},
    "UZ-AN": {"uzbek": 93, "kyrgyz": 4, "russian": 2, "tajik": 1},
    "UZ-NG": {"uzbek": 88, "tajik": 8, "kyrgyz": 3, "russian": 1},
    "UZ-JI": {"uzbek": 87, "kazakh": 6, "tajik": 5, "russian": 2},
    "UZ-NW": {"uzbek": 80, "kazakh": 12, "tajik": 4, "russian": 4},
    "UZ-SI": {"uzbek": 85, "kazakh": 7, "tajik": 3, "russian": 3, "kyrgyz": 2},
    "UZ-XO": {"uzbek": 96, "turkmen": 2, "russian": 1, "kazakh": 1},
}

# Host region (or country) → (per cent of stays, cities). Russia about 65 % (the agency, 2022);
# the rest estimates.
DESTINATIONS: dict[str, tuple[float, tuple[str, ...]]] = {
    # Russia: 65
    "RU-MOW": (23.5, ("Москва",)),
    "RU-MOS": (9, ("Подольск", "Балашиха", "Химки", "Люберцы", "Мытищи", "Одинцово")),
    "RU-SPE": (9, ("Санкт-Петербург",)),
    "RU-LEN": (1.8, ("Всеволожск", "Гатчина", "Мурино", "Кудрово")),
    "RU-SVE": (2.7, ("Екатеринбург", "Нижний Тагил")),
    "RU-CHE": (0.9, ("Челябинск", "Магнитогорск")),
    "RU-TYU": (1.4, ("Тюмень",)),
    "RU-KHM": (1.4, ("Сургут", "Нижневартовск")),
    "RU-YAN": (0.9, ("Новый Уренгой",)),
    "RU-NVS": (1.8, ("Новосибирск",)),
    "RU-KYA": (0.9, ("Красноярск",)),
    "RU-IRK": (0.5, ("Иркутск",)),
    "RU-TA": (1.8, ("Казань", "Набережные Челны")),
    "RU-SAM": (1.4, ("Самара", "Тольятти")),
    "RU-NIZ": (0.9, ("Нижний Новгород",)),
    "RU-KLU": (0.9, ("Калуга",)),
    "RU-TUL": (0.5, ("Тула",)),
    "RU-YAR": (0.5, ("Ярославль",)),
    "RU-KDA": (2.2, ("Краснодар", "Сочи")),
    "RU-ROS": (2.2, ("Ростов-на-Дону",)),
    "RU-PER": (0.5, ("Пермь",)),
    # Kazakhstan: 12
    "KZ-75": (5.5, ("Алматы",)),
    "KZ-71": (3, ("Астана",)),
    "KZ-79": (2.5, ("Шымкент",)),
    "KZ-19": (1, ("Конаев", "Талгар")),
    # Türkiye: 7
    "TR-34": (5.5, ("İstanbul",)),
    "TR-06": (0.8, ("Ankara",)),
    "TR-07": (0.7, ("Antalya",)),
    # South Korea: 4.5
    "KR-41": (2.2, ("Suwon", "Ansan", "Hwaseong")),
    "KR-11": (1.4, ("Seoul",)),
    "KR-28": (0.9, ("Incheon",)),
    # United Arab Emirates: 3
    "AE-DU": (2.4, ("Dubai",)),
    "AE-AZ": (0.6, ("Abu Dhabi",)),
    # United States: 2
    "US-NY": (1.3, ("New York",)),
    "US-IL": (0.4, ("Chicago",)),
    "US-CA": (0.3, ("Los Angeles",)),
    # Poland 2, Germany 1.5, the United Kingdom 1.5, Japan 0.8
    "PL": (2, ("Warszawa", "Kraków", "Wrocław")),
    "DE-BE": (0.5, ("Berlin",)),
    "DE-BY": (0.5, ("München",)),
    "DE-HE": (0.5, ("Frankfurt am Main",)),
    "GB-LND": (0.5, ("London",)),
    "GB": (1, ("Canterbury", "Hereford", "Peterborough")),
    "JP-13": (0.8, ("Tokyo",)),
}

PURPOSES: dict[str, dict[str, float]] = {
    "RU": {"work": 91, "family": 5, "study": 4},
    "KZ": {"work": 88, "family": 6, "study": 6},
    "TR": {"work": 65, "study": 20, "family": 15},
    "KR": {"work": 85, "study": 15},
    "AE": {"work": 100},
    "US": {"work": 50, "study": 40, "family": 10},
    "PL": {"work": 90, "study": 10},
    "DE": {"work": 50, "study": 50},
    "GB": {"work": 90, "study": 10},  # seasonal farm work for the most part
    "JP": {"work": 60, "study": 40},
}
# Visa-free foreigners work in Russia on a patent (Federal Law No. 115-FZ, article 13.3).
PERMITS = {("RU", "work"): "patent"}

NAMES: dict[str, NameGroup] = {
    "uzbek": NameGroup(
        UZBEK_LATIN, *written_natively(spelling.uzbek_to_russian), connector="uzbek", connector_share=0.45
    ),
    "karakalpak": NameGroup(
        KARAKALPAK_LATIN, *written_natively(spelling.uzbek_to_russian), connector="karakalpak", connector_share=0.3
    ),
    "tajik": NameGroup(TAJIK_CYRILLIC, *written_in_tajik(spelling.tajik_to_uzbek)),
    "kazakh": NameGroup(KAZAKH, *written_in_russian(spelling.russian_to_uzbek)),
    "russian": NameGroup(RUSSIAN, *written_in_russian(spelling.russian_to_uzbek)),
    "turkmen": NameGroup(TURKMEN, *written_in_russian(spelling.russian_to_uzbek)),
    "kyrgyz": NameGroup(KYRGYZ, *written_in_russian(spelling.russian_to_uzbek)),
}

PROFILE = DemoProfile(
    code="UZ",
    script="uz-Latn",
    origin_weights=ORIGIN_WEIGHTS,
    district_weights=DISTRICT_WEIGHTS,
    districts=partial(reference_districts, "UZ"),
    residence_stated=0.8,
    residence_elsewhere=RESIDENCE_ELSEWHERE,
    residence_elsewhere_default=RESIDENCE_ELSEWHERE_DEFAULT,
    residence_other_district=0.08,
    group_weights=GROUP_WEIGHTS,
    destinations=DESTINATIONS,
    purposes=PURPOSES,
    permits=PERMITS,
    employers=abroad.EMPLOYERS,
    streets=abroad.STREETS,
    phone_prefix=ORIGINS["UZ"].phone_prefix,
    # Beeline (90, 91), Ucell (93, 94, 50), Mobiuz (97, 88), Uzmobile (99, 95, 77), Humans (33).
    phone_operators=("90", "90", "91", "93", "94", "50", "97", "97", "88", "99", "95", "77", "33"),
    phone_digits=7,
    host_phones={"RU": (0.6, "+79", 9)},
    alpha3=ORIGINS["UZ"].alpha3,
    # The letters of the demo's passport numbers (not those of a real series).
    passport_prefixes=("FA", "FA", "AB", "AC", "AD"),
    passport_share=0.95,
    id_card_prefixes=("ID",),
    names=NAMES,
    patronymic=spelling.uzbek_patronymic,
    citizenship_written=("Узбекистан", "Узбекистан", "Республика Узбекистан", "Узбекистан"),
    list_groups={"uzbek": 85, "tajik": 6, "karakalpak": 4, "russian": 5},
)
