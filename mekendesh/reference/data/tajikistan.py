"""Tajikistan's regions of origin: Dushanbe, the Sughd and Khatlon regions, the
Gorno-Badakhshan Autonomous Region and the Districts of Republican Subordination
(ISO 3166-2:TJ), and their districts (``tj_districts.csv``): the districts (nohiya), the cities
of regional subordination (which have their own jamoats and no district around them), and
Dushanbe's four city districts.

Source: the administrative-territorial division used by the Agency on Statistics under the
President of the Republic of Tajikistan ("Population of the Republic of Tajikistan as of
1 January", editions 2020 to 2024): 47 districts, 4 city districts of Dushanbe and 18 cities of
republican or regional subordination counting Dushanbe, after the renamings and mergers of
2016–2018 (Qurghonteppa became Bokhtar, the Bokhtar district Kushoniyon, Sarband Levakant,
Ghonchi Devashtich, Qayroqqum Guliston, Chkalovsk Buston, Taboshar Istiqlol, Jirgatol Lakhsh,
Tavildara Sangvor; the districts around Isfara, Istaravshan, Konibodom, Panjakent, Kulob, Norak,
Hisor, Tursunzoda and Vahdat merged into those cities).

Names in Tajik (Cyrillic), Russian, English and Kyrgyz; the Turkmen and Uzbek names of the
districts are left blank (shown in English and Russian respectively).
"""

from __future__ import annotations

from mekendesh.reference.data.divisions import DistrictRow, Divisions, RegionRow, read_districts

COUNTRY = "TJ"

REGIONS: list[RegionRow] = [
    RegionRow(
        "TJ-DU",
        "city",
        "Dushanbe",
        "город Душанбе",
        "Душанбе шаары",
        "Duşenbe şäheri",
        name_tg="шаҳри Душанбе",
        name_uz="Dushanbe shahri",
    ),
    RegionRow(
        "TJ-SU",
        "region",
        "Sughd Region",
        "Согдийская область",
        "Согди облусу",
        "Sogd welaýaty",
        name_tg="вилояти Суғд",
        name_uz="Sugʻd viloyati",
    ),
    RegionRow(
        "TJ-KT",
        "region",
        "Khatlon Region",
        "Хатлонская область",
        "Хатлон облусу",
        "Hatlon welaýaty",
        name_tg="вилояти Хатлон",
        name_uz="Xatlon viloyati",
    ),
    RegionRow(
        "TJ-GB",
        "region",
        "Gorno-Badakhshan Autonomous Region",
        "Горно-Бадахшанская автономная область",
        "Тоолуу Бадахшан автономиялык облусу",
        "Dagly Bedahşan awtonom welaýaty",
        name_tg="Вилояти Мухтори Кӯҳистони Бадахшон",
        name_uz="Togʻli Badaxshon muxtor viloyati",
    ),
    RegionRow(
        "TJ-RA",
        "region",
        "Districts of Republican Subordination",
        "Районы республиканского подчинения",
        "Республикалык баш ийүүдөгү райондор",
        "Respublikan tabynlykdaky etraplar",
        name_tg="Ноҳияҳои тобеи ҷумҳурӣ",
        name_uz="Respublikaga boʻysunuvchi tumanlar",
    ),
]


def district_rows() -> list[DistrictRow]:
    return read_districts("tj_districts.csv")


DIVISIONS = Divisions(COUNTRY, REGIONS, district_rows)
