"""Tajikistan's demo population.

Destinations: overwhelmingly Russia. The Ministry of Labour, Migration and Employment counted
652,014 citizens leaving for work abroad in 2023, 627,028 of them (96 %) to Russia, the rest
mostly to Kazakhstan (press office of the ministry, via centralasia.news, 15 February 2024); in
2016, 504,900 of 517,300 went to Russia and 12,400 to Kazakhstan (the minister at a news
conference, news.tj, 19 January 2017). South Korea, Turkey, the UAE and a few others take the
rest: estimates.

Regions of origin: estimates (Khatlon and Sughd, the most populous regions, send the most, then
the districts of republican subordination; few from Dushanbe and GBAO). People move to Dushanbe
first.

Citizens of Tajikistan enter Russia without a visa and work there on a patent; Russia frees them
from migration registration for 15 days (agreement of 8 February 2013, ratified by Federal Law
No. 393-FZ of 28 December 2013). Tajikistan is not a member of the Eurasian Economic Union.

Sources: http://en.centralasia.news/26846-labour-migration-from-tajikistan-drops-by-16-in-2023.html,
http://www.news.tj/tj/node/235706.
"""

from __future__ import annotations

from functools import partial

from mekendesh.demo import abroad, spelling
from mekendesh.demo.names import KYRGYZ, RUSSIAN, TAJIK_CYRILLIC, UZBEK_TAJIK_CYRILLIC
from mekendesh.demo.profiles import DemoProfile, NameGroup, reference_districts, written_in_russian, written_natively
from mekendesh.origin import ORIGINS


def _same(text: str) -> str:
    return text


ORIGIN_WEIGHTS: dict[str, float] = {
    "TJ-KT": 36,  # Khatlon: estimate
    "TJ-SU": 27,  # Sughd: estimate
    "TJ-RA": 25,  # districts of republican subordination: estimate
    "TJ-DU": 9,  # Dushanbe: estimate
    "TJ-GB": 3,  # Gorno-Badakhshan: estimate
}

# The cities and the large districts send more; estimates.
DISTRICT_WEIGHTS: dict[str, float] = {
    "TJ-SU-KHUJAND": 3,
    "TJ-SU-ISTARAVSHAN": 2,
    "TJ-SU-PANJAKENT": 2.5,
    "TJ-SU-ISFARA": 2,
    "TJ-SU-KONIBODOM": 1.5,
    "TJ-SU-BOBOJONGHAFUROV": 2,
    "TJ-SU-JABBORRASULOV": 1.5,
    "TJ-SU-SPITAMEN": 1.2,
    "TJ-KT-BOKHTAR": 2,
    "TJ-KT-KULOB": 2,
    "TJ-KT-VAKHSH": 1.5,
    "TJ-KT-VOSE": 1.5,
    "TJ-KT-DANGHARA": 1.5,
    "TJ-KT-JAYHUN": 1.2,
    "TJ-KT-FARKHOR": 1.2,
    "TJ-RA-RUDAKI": 3,
    "TJ-RA-VAHDAT": 2.5,
    "TJ-RA-HISOR": 2,
    "TJ-RA-TURSUNZODA": 2.5,
    "TJ-RA-SHAHRINAV": 1.2,
    "TJ-RA-RASHT": 1.5,
}

RESIDENCE_ELSEWHERE: dict[str, dict[str, float]] = {
    "TJ-DU": {},
    "TJ-RA": {"TJ-DU": 0.18},
}
RESIDENCE_ELSEWHERE_DEFAULT = {"TJ-DU": 0.12, "TJ-RA": 0.03}

# Region (or district) → groups of names: Uzbeks in Sughd, the west of the districts of
# republican subordination (Tursunzoda, Shahrinav, Hisor) and southern Khatlon; Kyrgyz in Lakhsh
# (Jirgatol) and Murghob. Estimates after the 2010 census's shares.
GROUP_WEIGHTS: dict[str, dict[str, float]] = {
    "TJ-SU": {"tajik": 78, "uzbek": 20, "russian": 1, "kyrgyz": 1},
    "TJ-KT": {"tajik": 86, "uzbek": 13, "russian": 1},
    "TJ-RA": {"tajik": 88, "uzbek": 10, "russian": 1, "kyrgyz": 1},
    "TJ-DU": {"tajik": 90, "uzbek": 5, "russian": 5},
    "TJ-GB": {"tajik": 96, "kyrgyz": 4},
    "TJ-RA-TURSUNZODA": {"tajik": 60, "uzbek": 39, "russian": 1},
    "TJ-RA-SHAHRINAV": {"tajik": 60, "uzbek": 40},
    "TJ-RA-HISOR": {"tajik": 75, "uzbek": 25},
    "TJ-RA-LAKHSH": {"tajik": 60, "kyrgyz": 40},
    "TJ-GB-MURGHOB": {"kyrgyz": 80, "tajik": 20},
}

# Host region (or country) → (per cent of stays, cities). Russia 96 (ministry, 2023); the rest
# estimates.
DESTINATIONS: dict[str, tuple[float, tuple[str, ...]]] = {
    # Russia: 96
    "RU-MOW": (33, ("Москва",)),
    "RU-MOS": (13, ("Подольск", "Балашиха", "Химки", "Люберцы", "Мытищи", "Королёв", "Красногорск")),
    "RU-SPE": (10, ("Санкт-Петербург",)),
    "RU-LEN": (2, ("Всеволожск", "Гатчина", "Мурино", "Кудрово")),
    "RU-SVE": (5, ("Екатеринбург", "Нижний Тагил")),
    "RU-CHE": (1.5, ("Челябинск", "Магнитогорск")),
    "RU-TYU": (2, ("Тюмень",)),
    "RU-KHM": (2.5, ("Сургут", "Нижневартовск")),
    "RU-YAN": (1.5, ("Новый Уренгой", "Ноябрьск")),
    "RU-PER": (1, ("Пермь",)),
    "RU-BA": (1, ("Уфа",)),
    "RU-NVS": (3, ("Новосибирск",)),
    "RU-OMS": (0.5, ("Омск",)),
    "RU-TOM": (0.5, ("Томск",)),
    "RU-KEM": (0.5, ("Кемерово", "Новокузнецк")),
    "RU-KYA": (2, ("Красноярск",)),
    "RU-IRK": (1, ("Иркутск",)),
    "RU-TA": (2, ("Казань",)),
    "RU-SAM": (1.5, ("Самара", "Тольятти")),
    "RU-NIZ": (1.5, ("Нижний Новгород",)),
    "RU-KLU": (1, ("Калуга", "Обнинск")),
    "RU-TUL": (1, ("Тула",)),
    "RU-VLA": (0.5, ("Владимир",)),
    "RU-YAR": (0.5, ("Ярославль",)),
    "RU-KDA": (2, ("Краснодар", "Сочи")),
    "RU-ROS": (2, ("Ростов-на-Дону",)),
    # Kazakhstan: 2
    "KZ-75": (1.2, ("Алматы",)),
    "KZ-71": (0.5, ("Астана",)),
    "KZ-79": (0.3, ("Шымкент",)),
    # South Korea, Türkiye, the UAE, the USA: estimates
    "KR-41": (0.5, ("Ansan", "Hwaseong")),
    "KR-11": (0.2, ("Seoul",)),
    "TR-34": (0.6, ("İstanbul",)),
    "AE-DU": (0.5, ("Dubai",)),
    "US-NY": (0.2, ("New York",)),
}

PURPOSES: dict[str, dict[str, float]] = {
    "RU": {"work": 91, "family": 5, "study": 4},
    "KZ": {"work": 88, "family": 6, "study": 6},
    "KR": {"work": 85, "study": 15},
    "TR": {"work": 50, "study": 40, "family": 10},
    "AE": {"work": 100},
    "US": {"work": 40, "study": 50, "family": 10},
}
# Visa-free foreigners work in Russia on a patent (Federal Law No. 115-FZ, article 13.3).
PERMITS = {("RU", "work"): "patent"}

NAMES: dict[str, NameGroup] = {
    "tajik": NameGroup(TAJIK_CYRILLIC, *written_natively(spelling.tajik_to_russian), none_share=0.3),
    "uzbek": NameGroup(UZBEK_TAJIK_CYRILLIC, *written_natively(spelling.tajik_to_russian), none_share=0.15),
    "russian": NameGroup(RUSSIAN, *written_in_russian(_same)),
    "kyrgyz": NameGroup(KYRGYZ, *written_in_russian(_same)),
}

PROFILE = DemoProfile(
    code="TJ",
    script="tg-Cyrl",
    origin_weights=ORIGIN_WEIGHTS,
    district_weights=DISTRICT_WEIGHTS,
    districts=partial(reference_districts, "TJ"),
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
    phone_prefix=ORIGINS["TJ"].phone_prefix,
    # Tcell (92, 93, 77), MegaFon Tajikistan (90, 88), ZET-Mobile (91), Babilon-M (98).
    phone_operators=("92", "93", "93", "77", "90", "88", "91", "98", "98"),
    phone_digits=7,
    host_phones={"RU": (0.65, "+79", 9)},
    alpha3=ORIGINS["TJ"].alpha3,
    # The letters of the demo's passport numbers (not those of a real series).
    passport_prefixes=("A", "B"),
    passport_share=1.0,  # Tajik citizens travel on the foreign passport (Russia, since 2015)
    id_card_prefixes=("ID",),
    names=NAMES,
    patronymic=spelling.tajik_patronymic,
    citizenship_written=("Таджикистан", "Таджикистан", "Республика Таджикистан", "Таджикистан"),
    list_groups={"tajik": 85, "uzbek": 12, "russian": 3},
)
