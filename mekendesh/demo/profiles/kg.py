"""Kyrgyzstan's demo population: the figures of :mod:`mekendesh.demo.data` (their sources are
named there) and the name pools of :mod:`mekendesh.demo.names`, written by the generator's own
rules for Kyrgyz names (Kyrgyz Cyrillic, ``уулу``/``кызы`` patronymics)."""

from __future__ import annotations

from functools import partial

from mekendesh.demo import data
from mekendesh.demo.profiles import DemoProfile, reference_districts
from mekendesh.origin import ORIGINS

PROFILE = DemoProfile(
    code="KG",
    script="ky-Cyrl",
    origin_weights=data.ORIGIN_WEIGHTS,
    district_weights=data.DISTRICT_WEIGHTS,
    districts=partial(reference_districts, "KG"),
    residence_stated=data.RESIDENCE_STATED,
    residence_elsewhere=data.RESIDENCE_ELSEWHERE,
    residence_elsewhere_default=data.RESIDENCE_ELSEWHERE_DEFAULT,
    residence_other_district=data.RESIDENCE_OTHER_DISTRICT,
    group_weights=data.GROUP_WEIGHTS,
    destinations=data.DESTINATIONS,
    purposes=data.PURPOSES,
    permits={},
    employers=data.EMPLOYERS,
    streets=data.STREETS,
    phone_prefix=ORIGINS["KG"].phone_prefix,
    # Beeline, MegaCom and O! (the 550/555, 700/702, 770/777, 990/999 and 220/222 ranges).
    phone_operators=("550", "555", "700", "702", "770", "777", "990", "999", "220", "222"),
    phone_digits=6,
    host_phones={"RU": (0.6, "+79", 9)},
    alpha3=ORIGINS["KG"].alpha3,
    passport_prefixes=("AC", "AC", "AN"),
    passport_share=0.88,
    id_card_prefixes=("ID",),
    citizenship_written=("Киргизия", "Киргизия", "Кыргызстан", "Киргизская Республика"),
    list_groups={"kyrgyz": 70, "uzbek": 15, "russian": 8, "tajik": 7},
)
