"""Turkmenistan's regions of origin: the five welaýats and the city of Ashgabat (ISO 3166-2:TM),
the city of Arkadag, and their districts (``tm_districts.csv``): the etraps, the cities with the
rights of an etrap, and the etraps (boroughs) of Ashgabat and Arkadag.

The division is the one in force after the Mejlis resolutions of 2022–2025, as published:

- The list of administrative-territorial units of Turkmenistan (Mejlis resolution 112-IV of
  10 May 2010, as amended), which the State Committee of Turkmenistan on Statistics reports by.
- Mejlis resolution "On questions of the administrative-territorial division of Turkmenistan"
  of 9 November 2022 (Milli Geňeşiň Maglumatlary 2022, No 4, art. 136): the Gubadag and
  Gurbansoltan eje etraps (Daşoguz), Farap and Döwletli (Lebap), Serhetabat and Oguzhan (Mary)
  were abolished, the cities of Tejen, Gumdag, Hazar, Serdar and Köneürgenç lost the rights of
  an etrap, and the Kenar borough of Türkmenbaşy was abolished, leaving 37 etraps and 6 cities
  with the rights of an etrap (Änew, Balkanabat, Türkmenbaşy, Daşoguz, Türkmenabat, Mary). The
  etrap and city of Serdar (Balkan) took back their former name, Gyzylarbat, in 2022.
- Mejlis resolution of December 2022 (Maglumatlary 2022, No 4, art. 142) making the new
  administrative centre of Ahal the city of Arkadag; the Law "On the city of Arkadag" (in force
  23 March 2023) making it a city of national significance and a separate administrative unit;
  and the Mejlis resolution of March 2023 forming its Kärizek and Gorjaw etraps.
- Mejlis resolution of September 2025 (as reported by the state news agency TDH, 20 September
  2025): new etraps Altyn Asyr (Ahal), Garaşsyzlyk, centred on Andalyp, and Gubadag (Daşoguz),
  Döwletli, Farap and Garabekewül (Lebap), and Oguzhan (Mary).

Arkadag has no ISO 3166-2 code yet (ISO lists Turkmenistan's five welaýats and Ashgabat only):
it is listed here under ``TM-ARKADAG``, a code that cannot collide with one ISO may give it.

Uncertain: whether Änew kept the rights of an etrap once Ahal's centre moved to Arkadag (it is
listed as it stood in November 2022), and the 2025 changes, known from the news agency's report
rather than the published resolution. Tajik and Uzbek names of the etraps are left blank (shown in
Russian); their Kyrgyz names follow the Russian spelling.
"""

from __future__ import annotations

from mekendesh.reference.data.divisions import DistrictRow, Divisions, RegionRow, read_districts

COUNTRY = "TM"

# Regions of origin without an ISO 3166-2 code: the code used here, and why.
NOT_IN_ISO_3166_2: dict[str, str] = {
    "TM-ARKADAG": "city of national significance since 2023; ISO 3166-2:TM has no code for it yet",
}

REGIONS: list[RegionRow] = [
    RegionRow(
        "TM-A",
        "region",
        "Ahal Region",
        "Ахалский велаят",
        "Ахал велаяты",
        "Ahal welaýaty",
        name_tg="вилояти Аҳал",
        name_uz="Ahal viloyati",
    ),
    RegionRow(
        "TM-B",
        "region",
        "Balkan Region",
        "Балканский велаят",
        "Балкан велаяты",
        "Balkan welaýaty",
        name_tg="вилояти Балкан",
        name_uz="Balkan viloyati",
    ),
    RegionRow(
        "TM-D",
        "region",
        "Daşoguz Region",
        "Дашогузский велаят",
        "Дашогуз велаяты",
        "Daşoguz welaýaty",
        name_tg="вилояти Дашоғуз",
        name_uz="Dashoguz viloyati",
    ),
    RegionRow(
        "TM-L",
        "region",
        "Lebap Region",
        "Лебапский велаят",
        "Лебап велаяты",
        "Lebap welaýaty",
        name_tg="вилояти Лебоб",
        name_uz="Lebap viloyati",
    ),
    RegionRow(
        "TM-M",
        "region",
        "Mary Region",
        "Марыйский велаят",
        "Мары велаяты",
        "Mary welaýaty",
        name_tg="вилояти Мари",
        name_uz="Mari viloyati",
    ),
    RegionRow(
        "TM-S",
        "city",
        "Ashgabat",
        "город Ашхабад",
        "Ашхабад шаары",
        "Aşgabat şäheri",
        name_tg="шаҳри Ашқобод",
        name_uz="Ashxobod shahri",
    ),
    RegionRow(
        "TM-ARKADAG",
        "city",
        "Arkadag",
        "город Аркадаг",
        "Аркадаг шаары",
        "Arkadag şäheri",
        name_tg="шаҳри Аркадаг",
        name_uz="Arkadag shahri",
    ),
]


def district_rows() -> list[DistrictRow]:
    return read_districts("tm_districts.csv")


DIVISIONS = Divisions(COUNTRY, REGIONS, district_rows)
