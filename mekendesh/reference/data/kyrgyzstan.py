"""Kyrgyzstan's regions of origin: seven oblasts and the two cities of national status, with
their ISO 3166-2 codes, and their districts (``kg_districts.csv``): the 40 raions, the cities
of regional status, Bishkek's four city districts, and the city of Osh as a whole (it has no
districts of its own). The regions also carry their Uzbek and Tajik names; the districts' Uzbek
and Tajik names are left blank (shown in Russian)."""

from __future__ import annotations

from mekendesh.reference.data.divisions import DistrictRow, Divisions, RegionRow, read_districts

COUNTRY = "KG"

REGIONS: list[RegionRow] = [
    RegionRow(
        "KG-B",
        "region",
        "Batken Region",
        "Баткенская область",
        "Баткен облусу",
        "Batken welaýaty",
        name_tg="вилояти Боткен",
        name_uz="Botken viloyati",
    ),
    RegionRow(
        "KG-C",
        "region",
        "Chüy Region",
        "Чуйская область",
        "Чүй облусу",
        "Çüý welaýaty",
        name_tg="вилояти Чуй",
        name_uz="Chuy viloyati",
    ),
    RegionRow(
        "KG-Y",
        "region",
        "Issyk-Kul Region",
        "Иссык-Кульская область",
        "Ысык-Көл облусу",
        "Ysykköl welaýaty",
        name_tg="вилояти Иссиқкӯл",
        name_uz="Issiqkoʻl viloyati",
    ),
    RegionRow(
        "KG-J",
        "region",
        "Jalal-Abad Region",
        "Джалал-Абадская область",
        "Жалал-Абад облусу",
        "Jalal-Abat welaýaty",
        name_tg="вилояти Ҷалолобод",
        name_uz="Jalolobod viloyati",
    ),
    RegionRow(
        "KG-N",
        "region",
        "Naryn Region",
        "Нарынская область",
        "Нарын облусу",
        "Naryn welaýaty",
        name_tg="вилояти Норин",
        name_uz="Norin viloyati",
    ),
    RegionRow(
        "KG-O",
        "region",
        "Osh Region",
        "Ошская область",
        "Ош облусу",
        "Oş welaýaty",
        name_tg="вилояти Ӯш",
        name_uz="Oʻsh viloyati",
    ),
    RegionRow(
        "KG-T",
        "region",
        "Talas Region",
        "Таласская область",
        "Талас облусу",
        "Talas welaýaty",
        name_tg="вилояти Талас",
        name_uz="Talas viloyati",
    ),
    RegionRow(
        "KG-GB",
        "city",
        "Bishkek",
        "город Бишкек",
        "Бишкек шаары",
        "Bişkek şäheri",
        name_tg="шаҳри Бишкек",
        name_uz="Bishkek shahri",
    ),
    RegionRow(
        "KG-GO",
        "city",
        "Osh (city)",
        "город Ош",
        "Ош шаары",
        "Oş şäheri",
        name_tg="шаҳри Ӯш",
        name_uz="Oʻsh shahri",
    ),
]


def district_rows() -> list[DistrictRow]:
    return read_districts("kg_districts.csv")


DIVISIONS = Divisions(COUNTRY, REGIONS, district_rows)
