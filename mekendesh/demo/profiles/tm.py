"""Turkmenistan's demo population.

Destinations: Turkey holds most. Turkey's migration service counted 217,669 permits of Turkmen
citizens in March 2023 (113,449 residence permits, 86,188 short-term, 12,613 student permits; via
the Turkmen Helsinki Foundation, "Turkmen migrants in Turkey: statistics") and some 198,000
Turkmen citizens living in Turkey legally in September 2023 (via RFE/RL, October 2023); Turkey
ended the visa-free regime for Turkmen citizens in 2022 (Eurasianet, 21 May 2025). Russia comes
next, mostly students; then Northern Cyprus (students), the UAE, and, growing since 2024,
Belarus and Uzbekistan (Eurasianet, 21 May 2025, after RFE/RL and Chronicles of Turkmenistan);
Kazakhstan, Ukraine, China and Malaysia take a few. The shares are estimates in that order:
Turkmenistan publishes no count of its citizens abroad.

Regions of origin: estimates (no public count by welaýat); Daşoguz and Lebap, the poorest, send
the most, then Mary, Ashgabat and Ahal, then Balkan. People move to Ashgabat first.

Citizens of Turkmenistan need a visa for Russia and, since 2022, for Turkey: work there takes a
work permit (Russia gives patents to visa-free foreigners only), study a student visa.

Sources: https://tmhelsinki.org/en/article/7c68626f-8d7d-4d2c-b7c1-8caf69aaf474,
https://www.rferl.org/a/turkmen-leave-turkey-pressure-russia/32630102.html,
https://www.intellinews.com/turkmen-labour-migrants-turning-elsewhere-as-turkey-is-less-welcoming-382291/
(Eurasianet's article, republished).
"""

from __future__ import annotations

from functools import partial

from mekendesh.demo import abroad, spelling
from mekendesh.demo.names import KAZAKH, RUSSIAN, TURKMEN_LATIN, UZBEK
from mekendesh.demo.profiles import DemoProfile, NameGroup, reference_districts, written_in_russian, written_natively
from mekendesh.origin import ORIGINS

# Region (ISO 3166-2; Arkadag has no ISO code yet) → weight. Estimates.
ORIGIN_WEIGHTS: dict[str, float] = {
    "TM-D": 24,  # Daşoguz: estimate
    "TM-L": 22,  # Lebap: estimate
    "TM-M": 20,  # Mary: estimate
    "TM-S": 14,  # Ashgabat: estimate
    "TM-A": 11,  # Ahal: estimate
    "TM-B": 8,  # Balkan: estimate
    "TM-ARKADAG": 1,  # Arkadag, a new city (2023): estimate
}

# The cities with the rights of an etrap send more people than a rural etrap; estimates.
DISTRICT_WEIGHTS: dict[str, float] = {
    "TM-L-TURKMENABAT": 3,
    "TM-D-DASHOGUZ": 3,
    "TM-M-MARYCITY": 2,
    "TM-M-BAYRAMALY": 1.5,
    "TM-B-BALKANABAT": 1.5,
    "TM-B-TURKMENBASHYCITY": 1.5,
    "TM-A-TEJEN": 1.5,
    "TM-A-ANEW": 1.2,
    "TM-ARKADAG-KARIZEK": 0.5,
    "TM-ARKADAG-GORJAW": 0.5,
}

# The last residence: many move to Ashgabat (or around it, Ahal) first. Estimates.
RESIDENCE_ELSEWHERE: dict[str, dict[str, float]] = {
    "TM-S": {},
    "TM-A": {"TM-S": 0.2},
    "TM-ARKADAG": {"TM-S": 0.1},
}
RESIDENCE_ELSEWHERE_DEFAULT = {"TM-S": 0.15, "TM-A": 0.03}

# Region → groups of names. Uzbeks live along the Amu Darya (Lebap, Daşoguz), Kazakhs in Balkan
# and Daşoguz, Russians mostly in Ashgabat and Balkan. Estimates after the 1995 census's shares.
GROUP_WEIGHTS: dict[str, dict[str, float]] = {
    "TM-D": {"turkmen": 80, "uzbek": 17, "kazakh": 2, "russian": 1},
    "TM-L": {"turkmen": 78, "uzbek": 20, "russian": 2},
    "TM-S": {"turkmen": 86, "russian": 10, "uzbek": 2, "kazakh": 1},
    "TM-B": {"turkmen": 88, "russian": 6, "kazakh": 6},
    "TM-A": {"turkmen": 95, "russian": 3, "uzbek": 1, "kazakh": 1},
    "TM-M": {"turkmen": 96, "russian": 2, "uzbek": 2},
    "TM-ARKADAG": {"turkmen": 97, "russian": 3},
}

# Host region (or country) → (per cent of stays, cities). Northern Cyprus is recorded as Cyprus
# (CY): ISO 3166 has no code of its own for it, and the register records the island's country;
# Turkmenistan has no mission there, so those stays fall in no consular district (nor do those in
# Malaysia).
DESTINATIONS: dict[str, tuple[float, tuple[str, ...]]] = {
    # Türkiye: 55 (Istanbul, Ankara and Antalya: the reference data names no other Turkish host
    # region, and a stay in a country of two consulates needs its host region)
    "TR-34": (42, ("İstanbul",)),
    "TR-06": (7, ("Ankara",)),
    "TR-07": (6, ("Antalya", "Alanya")),
    # Russia: 18
    "RU-MOW": (5, ("Москва",)),
    "RU-MOS": (1.5, ("Балашиха", "Химки", "Подольск")),
    "RU-SPE": (2.5, ("Санкт-Петербург",)),
    "RU-TA": (2.5, ("Казань",)),
    "RU-AST": (2, ("Астрахань",)),
    "RU-ROS": (1.5, ("Ростов-на-Дону",)),
    "RU-NVS": (1, ("Новосибирск",)),
    "RU-KDA": (1, ("Краснодар",)),
    "RU-SVE": (0.5, ("Екатеринбург",)),
    "RU-SAM": (0.5, ("Самара", "Тольятти")),
    # Northern Cyprus: 7
    "CY": (7, ("Lefkoşa", "Girne", "Gazimağusa", "Güzelyurt")),
    # United Arab Emirates: 5
    "AE-DU": (4, ("Dubai",)),
    "AE-AZ": (1, ("Abu Dhabi",)),
    # Belarus: 5
    "BY": (5, ("Минск", "Гомель", "Витебск", "Гродно")),
    # Uzbekistan: 3
    "UZ": (3, ("Toshkent", "Urganch", "Xiva")),
    # Kazakhstan: 2
    "KZ-75": (0.8, ("Алматы",)),
    "KZ-71": (0.4, ("Астана",)),
    "KZ": (0.8, ("Актау", "Жанаозен")),
    # Ukraine, China, Malaysia: 1.5, 1, 1
    "UA": (1.5, ("Харків", "Київ", "Одеса")),
    "CN": (1, ("Beijing", "Shanghai", "Ürümqi")),
    "MY": (1, ("Kuala Lumpur",)),
    # Germany, the USA: 0.5 each
    "DE-BE": (0.5, ("Berlin",)),
    "US-NY": (0.5, ("New York",)),
}

# Country → purpose → weight. Turkmen in Turkey and the Gulf work; in Russia, Belarus, Cyprus,
# Ukraine, China and Malaysia most study. Estimates.
PURPOSES: dict[str, dict[str, float]] = {
    "TR": {"work": 70, "study": 15, "family": 15},
    "RU": {"study": 55, "work": 35, "family": 10},
    "CY": {"study": 90, "work": 10},
    "AE": {"work": 95, "family": 5},
    "BY": {"study": 60, "work": 40},
    "UZ": {"work": 80, "study": 15, "family": 5},
    "KZ": {"work": 70, "study": 20, "family": 10},
    "UA": {"study": 100},
    "CN": {"study": 90, "work": 10},
    "MY": {"study": 80, "work": 20},
    "DE": {"study": 70, "work": 30},
    "US": {"study": 50, "work": 40, "family": 10},
}

NAMES: dict[str, NameGroup] = {
    "turkmen": NameGroup(
        TURKMEN_LATIN, *written_natively(spelling.turkmen_to_russian), connector="turkmen", connector_share=0.15
    ),
    "uzbek": NameGroup(
        UZBEK, *written_in_russian(spelling.russian_to_turkmen), connector="turkmen", connector_share=0.1
    ),
    "russian": NameGroup(RUSSIAN, *written_in_russian(spelling.russian_to_turkmen)),
    "kazakh": NameGroup(KAZAKH, *written_in_russian(spelling.russian_to_turkmen)),
}

PROFILE = DemoProfile(
    code="TM",
    script="tk-Latn",
    origin_weights=ORIGIN_WEIGHTS,
    district_weights=DISTRICT_WEIGHTS,
    districts=partial(reference_districts, "TM"),
    residence_stated=0.8,
    residence_elsewhere=RESIDENCE_ELSEWHERE,
    residence_elsewhere_default=RESIDENCE_ELSEWHERE_DEFAULT,
    residence_other_district=0.08,
    group_weights=GROUP_WEIGHTS,
    destinations=DESTINATIONS,
    purposes=PURPOSES,
    permits={},
    employers=abroad.EMPLOYERS,
    streets=abroad.STREETS,
    phone_prefix=ORIGINS["TM"].phone_prefix,
    # TMCELL (Altyn Asyr): 61–65 and 71; MTS Turkmenistan: 66–68.
    phone_operators=("61", "62", "63", "64", "65", "65", "71", "71", "66", "67"),
    phone_digits=6,
    host_phones={"RU": (0.4, "+79", 9), "TR": (0.5, "+905", 9)},
    alpha3=ORIGINS["TM"].alpha3,
    # The letters of the demo's passport numbers (not those of a real series).
    passport_prefixes=("A", "A", "B"),
    passport_share=1.0,  # Turkmenistan issues no identity card for use abroad
    id_card_prefixes=("ID",),
    names=NAMES,
    patronymic=spelling.turkmen_patronymic,
    citizenship_written=("Туркменистан", "Туркменистан", "Туркмения", "Туркменистан"),
    list_groups={"turkmen": 88, "uzbek": 8, "russian": 4},
)
