"""Where the citizens of each country of origin live and work abroad: host regions of the main
destinations (ISO 3166-2 codes), and the consular districts of each country of origin's embassies
and consulates (:data:`CONSULAR_DISTRICTS`, by origin; an installation loads its own origin's).

A consular district serves whole countries and/or named host regions; a stay belongs to the
district naming its host region, else to the one naming its whole country
(:func:`mekendesh.people.services.consular_district_for`). In each origin's list, each country
with a mission is named whole by exactly one district (its embassy), so every stay in it finds
a district; a consulate names the host regions of its consular district. Codes are
``<host country>-<seat>`` and only unique within one origin's list.

Sources of the missions and their consular districts, besides Kyrgyzstan's list:

- Turkmenistan: the Ministry of Foreign Affairs of Turkmenistan's list of consular offices
  (mfa.gov.tm, "Consular activity", December 2022): consulates general in Herat, Mazar-i-Sharif,
  Mashhad, Istanbul, Kazan and Dubai, and the consulate in Astrakhan, whose district is Astrakhan,
  Volgograd and Rostov regions, Kalmykia, Krasnodar and Stavropol krais (as the consulate states);
  embassies in the capitals listed below.
- Tajikistan: the Ministry of Foreign Affairs of Tajikistan (mfa.tj) and its announcements:
  consulates general in Yekaterinburg (2009), Ufa (2011), Dubai (2011), Saint Petersburg (its
  district the North-Western Federal District) and Novosibirsk (2017), and Almaty; embassies in
  the capitals listed below (Seoul since 2015).
- Uzbekistan: the Ministry of Foreign Affairs of Uzbekistan (mfa.uz) and its table of consular
  districts in Russia (November 2018): the embassy's consular section serves the Central Federal
  District, the consulates general in Saint Petersburg, Novosibirsk, Vladivostok, Yekaterinburg
  and Kazan the North-Western, Siberian, Far Eastern, Ural and Volga federal districts, the one in
  Rostov-on-Don the Southern and North Caucasian ones; consulates general in Almaty, Istanbul,
  Dubai, New York, Frankfurt am Main, Shanghai, Osh, Khujand and Turkmenabat.

Where a consulate's district is not published, only its seat's region is named, and the rest of
the country falls to the embassy; the ministry completes the districts in the administration.
Missions whose existence could not be confirmed are left out (a Tajik consulate general in
Kazan, a Turkmen consulate in Trabzon). Northern Cyprus, where Turkmen students study, has no
ISO 3166 code and no mission of Turkmenistan, so it is not listed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HostRegionRow:
    code: str
    name_en: str
    name_ru: str
    name_ky: str
    name_tk: str
    name_tg: str = ""
    name_uz: str = ""

    @property
    def country(self) -> str:
        return self.code.split("-")[0]


@dataclass(frozen=True)
class ConsularDistrictRow:
    code: str
    city: str
    name_en: str
    name_ru: str
    name_ky: str
    name_tk: str
    countries: tuple[str, ...] = ()
    host_regions: tuple[str, ...] = ()
    name_tg: str = ""
    name_uz: str = ""


HOST_REGIONS: list[HostRegionRow] = [
    # Russia
    HostRegionRow("RU-MOW", "Moscow", "Москва", "Москва", "Moskwa", name_tg="Маскав", name_uz="Moskva"),
    HostRegionRow(
        "RU-MOS",
        "Moscow Oblast",
        "Московская область",
        "Москва облусу",
        "Moskwa oblasty",
        name_tg="вилояти Маскав",
        name_uz="Moskva viloyati",
    ),
    HostRegionRow(
        "RU-SPE",
        "Saint Petersburg",
        "Санкт-Петербург",
        "Санкт-Петербург",
        "Sankt-Peterburg",
        name_tg="Санкт-Петербург",
        name_uz="Sankt-Peterburg",
    ),
    HostRegionRow(
        "RU-LEN",
        "Leningrad Oblast",
        "Ленинградская область",
        "Ленинград облусу",
        "Leningrad oblasty",
        name_tg="вилояти Ленинград",
        name_uz="Leningrad viloyati",
    ),
    HostRegionRow(
        "RU-SVE",
        "Sverdlovsk Oblast",
        "Свердловская область",
        "Свердловск облусу",
        "Swerdlowsk oblasty",
        name_tg="вилояти Свердловск",
        name_uz="Sverdlovsk viloyati",
    ),
    HostRegionRow(
        "RU-CHE",
        "Chelyabinsk Oblast",
        "Челябинская область",
        "Челябинск облусу",
        "Çelýabinsk oblasty",
        name_tg="вилояти Челябинск",
        name_uz="Chelyabinsk viloyati",
    ),
    HostRegionRow(
        "RU-TYU",
        "Tyumen Oblast",
        "Тюменская область",
        "Тюмень облусу",
        "Týumen oblasty",
        name_tg="вилояти Тюмен",
        name_uz="Tyumen viloyati",
    ),
    HostRegionRow(
        "RU-KHM",
        "Khanty-Mansi Autonomous Okrug – Yugra",
        "Ханты-Мансийский автономный округ — Югра",
        "Ханты-Манси автономиялык округу — Югра",
        "Hanty-Mansi awtonom okrugy — Ýugra",
        name_tg="",
        name_uz="Xanti-Mansi avtonom okrugi — Yugra",
    ),
    HostRegionRow(
        "RU-YAN",
        "Yamalo-Nenets Autonomous Okrug",
        "Ямало-Ненецкий автономный округ",
        "Ямал-Ненец автономиялык округу",
        "Ýamal-Nenes awtonom okrugy",
        name_tg="",
        name_uz="Yamal-Nenets avtonom okrugi",
    ),
    HostRegionRow(
        "RU-PER", "Perm Krai", "Пермский край", "Пермь крайы", "Perm kraýy", name_tg="", name_uz="Perm oʻlkasi"
    ),
    HostRegionRow(
        "RU-BA",
        "Republic of Bashkortostan",
        "Республика Башкортостан",
        "Башкортостан Республикасы",
        "Başgyrdystan Respublikasy",
        name_tg="Ҷумҳурии Бошқирдистон",
        name_uz="Boshqirdiston Respublikasi",
    ),
    HostRegionRow(
        "RU-NVS",
        "Novosibirsk Oblast",
        "Новосибирская область",
        "Новосибирск облусу",
        "Nowosibirsk oblasty",
        name_tg="вилояти Новосибирск",
        name_uz="Novosibirsk viloyati",
    ),
    HostRegionRow(
        "RU-OMS",
        "Omsk Oblast",
        "Омская область",
        "Омск облусу",
        "Omsk oblasty",
        name_tg="вилояти Омск",
        name_uz="Omsk viloyati",
    ),
    HostRegionRow(
        "RU-TOM",
        "Tomsk Oblast",
        "Томская область",
        "Томск облусу",
        "Tomsk oblasty",
        name_tg="вилояти Томск",
        name_uz="Tomsk viloyati",
    ),
    HostRegionRow(
        "RU-KEM",
        "Kemerovo Oblast – Kuzbass",
        "Кемеровская область — Кузбасс",
        "Кемерово облусу — Кузбасс",
        "Kemerowo oblasty — Kuzbass",
        name_tg="вилояти Кемерово — Кузбасс",
        name_uz="Kemerovo viloyati — Kuzbass",
    ),
    HostRegionRow(
        "RU-KYA",
        "Krasnoyarsk Krai",
        "Красноярский край",
        "Красноярск крайы",
        "Krasnoýarsk kraýy",
        name_tg="",
        name_uz="Krasnoyarsk oʻlkasi",
    ),
    HostRegionRow(
        "RU-IRK",
        "Irkutsk Oblast",
        "Иркутская область",
        "Иркутск облусу",
        "Irkutsk oblasty",
        name_tg="вилояти Иркутск",
        name_uz="Irkutsk viloyati",
    ),
    HostRegionRow(
        "RU-TA",
        "Republic of Tatarstan",
        "Республика Татарстан",
        "Татарстан Республикасы",
        "Tatarystan Respublikasy",
        name_tg="Ҷумҳурии Тотористон",
        name_uz="Tatariston Respublikasi",
    ),
    HostRegionRow(
        "RU-SAM",
        "Samara Oblast",
        "Самарская область",
        "Самара облусу",
        "Samara oblasty",
        name_tg="вилояти Самара",
        name_uz="Samara viloyati",
    ),
    HostRegionRow(
        "RU-NIZ",
        "Nizhny Novgorod Oblast",
        "Нижегородская область",
        "Нижний Новгород облусу",
        "Nižniý Nowgorod oblasty",
        name_tg="вилояти Нижний Новгород",
        name_uz="Nijniy Novgorod viloyati",
    ),
    HostRegionRow(
        "RU-KLU",
        "Kaluga Oblast",
        "Калужская область",
        "Калуга облусу",
        "Kaluga oblasty",
        name_tg="вилояти Калуга",
        name_uz="Kaluga viloyati",
    ),
    HostRegionRow(
        "RU-TUL",
        "Tula Oblast",
        "Тульская область",
        "Тула облусу",
        "Tula oblasty",
        name_tg="вилояти Тула",
        name_uz="Tula viloyati",
    ),
    HostRegionRow(
        "RU-VLA",
        "Vladimir Oblast",
        "Владимирская область",
        "Владимир облусу",
        "Wladimir oblasty",
        name_tg="вилояти Владимир",
        name_uz="Vladimir viloyati",
    ),
    HostRegionRow(
        "RU-YAR",
        "Yaroslavl Oblast",
        "Ярославская область",
        "Ярославль облусу",
        "Ýaroslawl oblasty",
        name_tg="вилояти Ярославл",
        name_uz="Yaroslavl viloyati",
    ),
    HostRegionRow(
        "RU-KDA",
        "Krasnodar Krai",
        "Краснодарский край",
        "Краснодар крайы",
        "Krasnodar kraýy",
        name_tg="",
        name_uz="Krasnodar oʻlkasi",
    ),
    HostRegionRow(
        "RU-BEL",
        "Belgorod Oblast",
        "Белгородская область",
        "Белгород облусу",
        "Belgorod oblasty",
        name_tg="вилояти Белгород",
        name_uz="Belgorod viloyati",
    ),
    HostRegionRow(
        "RU-BRY",
        "Bryansk Oblast",
        "Брянская область",
        "Брянск облусу",
        "Brýansk oblasty",
        name_tg="вилояти Брянск",
        name_uz="Bryansk viloyati",
    ),
    HostRegionRow(
        "RU-IVA",
        "Ivanovo Oblast",
        "Ивановская область",
        "Иваново облусу",
        "Iwanowo oblasty",
        name_tg="вилояти Иваново",
        name_uz="Ivanovo viloyati",
    ),
    HostRegionRow(
        "RU-KOS",
        "Kostroma Oblast",
        "Костромская область",
        "Кострома облусу",
        "Kostroma oblasty",
        name_tg="вилояти Кострома",
        name_uz="Kostroma viloyati",
    ),
    HostRegionRow(
        "RU-KRS",
        "Kursk Oblast",
        "Курская область",
        "Курск облусу",
        "Kursk oblasty",
        name_tg="вилояти Курск",
        name_uz="Kursk viloyati",
    ),
    HostRegionRow(
        "RU-LIP",
        "Lipetsk Oblast",
        "Липецкая область",
        "Липецк облусу",
        "Lipesk oblasty",
        name_tg="вилояти Липетск",
        name_uz="Lipetsk viloyati",
    ),
    HostRegionRow(
        "RU-ORL",
        "Oryol Oblast",
        "Орловская область",
        "Орёл облусу",
        "Orýol oblasty",
        name_tg="вилояти Орёл",
        name_uz="Oryol viloyati",
    ),
    HostRegionRow(
        "RU-RYA",
        "Ryazan Oblast",
        "Рязанская область",
        "Рязань облусу",
        "Rýazan oblasty",
        name_tg="вилояти Рязан",
        name_uz="Ryazan viloyati",
    ),
    HostRegionRow(
        "RU-SMO",
        "Smolensk Oblast",
        "Смоленская область",
        "Смоленск облусу",
        "Smolensk oblasty",
        name_tg="вилояти Смоленск",
        name_uz="Smolensk viloyati",
    ),
    HostRegionRow(
        "RU-TAM",
        "Tambov Oblast",
        "Тамбовская область",
        "Тамбов облусу",
        "Tambow oblasty",
        name_tg="вилояти Тамбов",
        name_uz="Tambov viloyati",
    ),
    HostRegionRow(
        "RU-TVE",
        "Tver Oblast",
        "Тверская область",
        "Тверь облусу",
        "Twer oblasty",
        name_tg="вилояти Твер",
        name_uz="Tver viloyati",
    ),
    HostRegionRow(
        "RU-VOR",
        "Voronezh Oblast",
        "Воронежская область",
        "Воронеж облусу",
        "Woronež oblasty",
        name_tg="вилояти Воронеж",
        name_uz="Voronej viloyati",
    ),
    HostRegionRow(
        "RU-KR",
        "Republic of Karelia",
        "Республика Карелия",
        "Карелия Республикасы",
        "Kareliýa Respublikasy",
        name_tg="Ҷумҳурии Карелия",
        name_uz="Kareliya Respublikasi",
    ),
    HostRegionRow(
        "RU-KO",
        "Komi Republic",
        "Республика Коми",
        "Коми Республикасы",
        "Komi Respublikasy",
        name_tg="Ҷумҳурии Коми",
        name_uz="Komi Respublikasi",
    ),
    HostRegionRow(
        "RU-ARK",
        "Arkhangelsk Oblast",
        "Архангельская область",
        "Архангельск облусу",
        "Arhangelsk oblasty",
        name_tg="вилояти Архангелск",
        name_uz="Arxangelsk viloyati",
    ),
    HostRegionRow(
        "RU-NEN",
        "Nenets Autonomous Okrug",
        "Ненецкий автономный округ",
        "Ненец автономиялык округу",
        "Nenes awtonom okrugy",
        name_tg="",
        name_uz="Nenets avtonom okrugi",
    ),
    HostRegionRow(
        "RU-VLG",
        "Vologda Oblast",
        "Вологодская область",
        "Вологда облусу",
        "Wologda oblasty",
        name_tg="вилояти Вологда",
        name_uz="Vologda viloyati",
    ),
    HostRegionRow(
        "RU-KGD",
        "Kaliningrad Oblast",
        "Калининградская область",
        "Калининград облусу",
        "Kaliningrad oblasty",
        name_tg="вилояти Калининград",
        name_uz="Kaliningrad viloyati",
    ),
    HostRegionRow(
        "RU-MUR",
        "Murmansk Oblast",
        "Мурманская область",
        "Мурманск облусу",
        "Murmansk oblasty",
        name_tg="вилояти Мурманск",
        name_uz="Murmansk viloyati",
    ),
    HostRegionRow(
        "RU-NGR",
        "Novgorod Oblast",
        "Новгородская область",
        "Новгород облусу",
        "Nowgorod oblasty",
        name_tg="вилояти Новгород",
        name_uz="Novgorod viloyati",
    ),
    HostRegionRow(
        "RU-PSK",
        "Pskov Oblast",
        "Псковская область",
        "Псков облусу",
        "Pskow oblasty",
        name_tg="вилояти Псков",
        name_uz="Pskov viloyati",
    ),
    HostRegionRow(
        "RU-AD",
        "Republic of Adygea",
        "Республика Адыгея",
        "Адыгея Республикасы",
        "Adygeýa Respublikasy",
        name_tg="Ҷумҳурии Адигея",
        name_uz="Adigeya Respublikasi",
    ),
    HostRegionRow(
        "RU-KL",
        "Republic of Kalmykia",
        "Республика Калмыкия",
        "Калмыкия Республикасы",
        "Kalmykiýa Respublikasy",
        name_tg="Ҷумҳурии Калмикия",
        name_uz="Kalmikiya Respublikasi",
    ),
    HostRegionRow(
        "RU-AST",
        "Astrakhan Oblast",
        "Астраханская область",
        "Астрахань облусу",
        "Astrahan oblasty",
        name_tg="вилояти Астрахан",
        name_uz="Astraxan viloyati",
    ),
    HostRegionRow(
        "RU-VGG",
        "Volgograd Oblast",
        "Волгоградская область",
        "Волгоград облусу",
        "Wolgograd oblasty",
        name_tg="вилояти Волгоград",
        name_uz="Volgograd viloyati",
    ),
    HostRegionRow(
        "RU-ROS",
        "Rostov Oblast",
        "Ростовская область",
        "Ростов облусу",
        "Rostow oblasty",
        name_tg="вилояти Ростов",
        name_uz="Rostov viloyati",
    ),
    HostRegionRow(
        "RU-DA",
        "Republic of Dagestan",
        "Республика Дагестан",
        "Дагестан Республикасы",
        "Dagystan Respublikasy",
        name_tg="Ҷумҳурии Доғистон",
        name_uz="Dogʻiston Respublikasi",
    ),
    HostRegionRow(
        "RU-IN",
        "Republic of Ingushetia",
        "Республика Ингушетия",
        "Ингушетия Республикасы",
        "Inguşetiýa Respublikasy",
        name_tg="Ҷумҳурии Ингушетия",
        name_uz="Ingushetiya Respublikasi",
    ),
    HostRegionRow(
        "RU-KB",
        "Kabardino-Balkar Republic",
        "Кабардино-Балкарская Республика",
        "Кабарда-Балкар Республикасы",
        "Kabardin-Balkar Respublikasy",
        name_tg="Ҷумҳурии Кабардино-Балкария",
        name_uz="Kabardin-Bolqor Respublikasi",
    ),
    HostRegionRow(
        "RU-KC",
        "Karachay-Cherkess Republic",
        "Карачаево-Черкесская Республика",
        "Карачай-Черкес Республикасы",
        "Karaçaý-Çerkes Respublikasy",
        name_tg="Ҷумҳурии Қарачай-Черкесия",
        name_uz="Qorachoy-Cherkes Respublikasi",
    ),
    HostRegionRow(
        "RU-SE",
        "Republic of North Ossetia–Alania",
        "Республика Северная Осетия — Алания",
        "Түндүк Осетия — Алания Республикасы",
        "Demirgazyk Osetiýa — Alaniýa Respublikasy",
        name_tg="Ҷумҳурии Осетияи Шимолӣ — Алания",
        name_uz="Shimoliy Osetiya — Alaniya Respublikasi",
    ),
    HostRegionRow(
        "RU-CE",
        "Chechen Republic",
        "Чеченская Республика",
        "Чечен Республикасы",
        "Çeçen Respublikasy",
        name_tg="Ҷумҳурии Чеченистон",
        name_uz="Chechen Respublikasi",
    ),
    HostRegionRow(
        "RU-STA",
        "Stavropol Krai",
        "Ставропольский край",
        "Ставрополь крайы",
        "Stawropol kraýy",
        name_tg="",
        name_uz="Stavropol oʻlkasi",
    ),
    HostRegionRow(
        "RU-ME",
        "Mari El Republic",
        "Республика Марий Эл",
        "Марий Эл Республикасы",
        "Mariý El Respublikasy",
        name_tg="Ҷумҳурии Марий Эл",
        name_uz="Mariy El Respublikasi",
    ),
    HostRegionRow(
        "RU-MO",
        "Republic of Mordovia",
        "Республика Мордовия",
        "Мордовия Республикасы",
        "Mordowiýa Respublikasy",
        name_tg="Ҷумҳурии Мордовия",
        name_uz="Mordoviya Respublikasi",
    ),
    HostRegionRow(
        "RU-UD",
        "Udmurt Republic",
        "Удмуртская Республика",
        "Удмурт Республикасы",
        "Udmurt Respublikasy",
        name_tg="Ҷумҳурии Удмуртия",
        name_uz="Udmurtiya Respublikasi",
    ),
    HostRegionRow(
        "RU-CU",
        "Chuvash Republic",
        "Чувашская Республика",
        "Чуваш Республикасы",
        "Çuwaş Respublikasy",
        name_tg="Ҷумҳурии Чувашия",
        name_uz="Chuvashiya Respublikasi",
    ),
    HostRegionRow(
        "RU-KIR",
        "Kirov Oblast",
        "Кировская область",
        "Киров облусу",
        "Kirow oblasty",
        name_tg="вилояти Киров",
        name_uz="Kirov viloyati",
    ),
    HostRegionRow(
        "RU-ORE",
        "Orenburg Oblast",
        "Оренбургская область",
        "Оренбург облусу",
        "Orenburg oblasty",
        name_tg="вилояти Оренбург",
        name_uz="Orenburg viloyati",
    ),
    HostRegionRow(
        "RU-PNZ",
        "Penza Oblast",
        "Пензенская область",
        "Пенза облусу",
        "Penza oblasty",
        name_tg="вилояти Пенза",
        name_uz="Penza viloyati",
    ),
    HostRegionRow(
        "RU-SAR",
        "Saratov Oblast",
        "Саратовская область",
        "Саратов облусу",
        "Saratow oblasty",
        name_tg="вилояти Саратов",
        name_uz="Saratov viloyati",
    ),
    HostRegionRow(
        "RU-ULY",
        "Ulyanovsk Oblast",
        "Ульяновская область",
        "Ульяновск облусу",
        "Ulýanowsk oblasty",
        name_tg="вилояти Уляновск",
        name_uz="Ulyanovsk viloyati",
    ),
    HostRegionRow(
        "RU-KGN",
        "Kurgan Oblast",
        "Курганская область",
        "Курган облусу",
        "Kurgan oblasty",
        name_tg="вилояти Курган",
        name_uz="Kurgan viloyati",
    ),
    HostRegionRow(
        "RU-AL",
        "Altai Republic",
        "Республика Алтай",
        "Алтай Республикасы",
        "Altaý Respublikasy",
        name_tg="Ҷумҳурии Олтой",
        name_uz="Oltoy Respublikasi",
    ),
    HostRegionRow(
        "RU-TY",
        "Tuva Republic",
        "Республика Тыва",
        "Тыва Республикасы",
        "Tywa Respublikasy",
        name_tg="Ҷумҳурии Тува",
        name_uz="Tuva Respublikasi",
    ),
    HostRegionRow(
        "RU-KK",
        "Republic of Khakassia",
        "Республика Хакасия",
        "Хакасия Республикасы",
        "Hakasiýa Respublikasy",
        name_tg="Ҷумҳурии Хакасия",
        name_uz="Xakasiya Respublikasi",
    ),
    HostRegionRow(
        "RU-ALT", "Altai Krai", "Алтайский край", "Алтай крайы", "Altaý kraýy", name_tg="", name_uz="Oltoy oʻlkasi"
    ),
    HostRegionRow(
        "RU-SA",
        "Sakha (Yakutia) Republic",
        "Республика Саха (Якутия)",
        "Саха (Якутия) Республикасы",
        "Saha (Ýakutiýa) Respublikasy",
        name_tg="Ҷумҳурии Саха (Якутия)",
        name_uz="Saxa (Yoqutiya) Respublikasi",
    ),
    HostRegionRow(
        "RU-KAM",
        "Kamchatka Krai",
        "Камчатский край",
        "Камчатка крайы",
        "Kamçatka kraýy",
        name_tg="",
        name_uz="Kamchatka oʻlkasi",
    ),
    HostRegionRow(
        "RU-PRI",
        "Primorsky Krai",
        "Приморский край",
        "Приморье крайы",
        "Primorýe kraýy",
        name_tg="",
        name_uz="Primorye oʻlkasi",
    ),
    HostRegionRow(
        "RU-KHA",
        "Khabarovsk Krai",
        "Хабаровский край",
        "Хабаровск крайы",
        "Habarowsk kraýy",
        name_tg="",
        name_uz="Xabarovsk oʻlkasi",
    ),
    HostRegionRow(
        "RU-AMU",
        "Amur Oblast",
        "Амурская область",
        "Амур облусу",
        "Amur oblasty",
        name_tg="вилояти Амур",
        name_uz="Amur viloyati",
    ),
    HostRegionRow(
        "RU-MAG",
        "Magadan Oblast",
        "Магаданская область",
        "Магадан облусу",
        "Magadan oblasty",
        name_tg="вилояти Магадан",
        name_uz="Magadan viloyati",
    ),
    HostRegionRow(
        "RU-SAK",
        "Sakhalin Oblast",
        "Сахалинская область",
        "Сахалин облусу",
        "Sahalin oblasty",
        name_tg="вилояти Сахалин",
        name_uz="Saxalin viloyati",
    ),
    HostRegionRow(
        "RU-YEV",
        "Jewish Autonomous Oblast",
        "Еврейская автономная область",
        "Еврей автономиялык облусу",
        "Ýewreý awtonom oblasty",
        name_tg="",
        name_uz="Yahudiy avtonom viloyati",
    ),
    HostRegionRow(
        "RU-CHU",
        "Chukotka Autonomous Okrug",
        "Чукотский автономный округ",
        "Чукотка автономиялык округу",
        "Çukotka awtonom okrugy",
        name_tg="",
        name_uz="Chukotka avtonom okrugi",
    ),
    HostRegionRow(
        "RU-BU",
        "Republic of Buryatia",
        "Республика Бурятия",
        "Бурятия Республикасы",
        "Buratiýa Respublikasy",
        name_tg="Ҷумҳурии Бурятия",
        name_uz="Buryatiya Respublikasi",
    ),
    HostRegionRow(
        "RU-ZAB",
        "Zabaykalsky Krai",
        "Забайкальский край",
        "Забайкалье крайы",
        "Zabaýkalýe kraýy",
        name_tg="",
        name_uz="Zabaykalye oʻlkasi",
    ),
    # Kazakhstan
    HostRegionRow("KZ-75", "Almaty", "Алматы", "Алматы", "Almaty", name_tg="Алмаато", name_uz="Olmaota"),
    HostRegionRow("KZ-71", "Astana", "Астана", "Астана", "Astana", name_tg="Остона", name_uz="Astana"),
    HostRegionRow("KZ-79", "Shymkent", "Шымкент", "Шымкент", "Şymkent", name_tg="Чимкент", name_uz="Chimkent"),
    HostRegionRow(
        "KZ-19",
        "Almaty Region",
        "Алматинская область",
        "Алматы облусу",
        "Almaty welaýaty",
        name_tg="вилояти Алмаато",
        name_uz="Olmaota viloyati",
    ),
    HostRegionRow(
        "KZ-31",
        "Jambyl Region",
        "Жамбылская область",
        "Жамбыл облусу",
        "Jambyl welaýaty",
        name_tg="вилояти Ҷамбул",
        name_uz="Jambul viloyati",
    ),
    # Türkiye
    HostRegionRow("TR-34", "Istanbul", "Стамбул", "Стамбул", "Stambul", name_tg="Истанбул", name_uz="Istanbul"),
    HostRegionRow("TR-06", "Ankara", "Анкара", "Анкара", "Ankara", name_tg="Анқара", name_uz="Anqara"),
    HostRegionRow("TR-07", "Antalya", "Анталья", "Анталья", "Antalýa", name_tg="Анталия", name_uz="Antaliya"),
    # South Korea
    HostRegionRow("KR-11", "Seoul", "Сеул", "Сеул", "Seul", name_tg="Сеул", name_uz="Seul"),
    HostRegionRow(
        "KR-41",
        "Gyeonggi Province",
        "Провинция Кёнгидо",
        "Кёнгидо провинциясы",
        "Kýonggido welaýaty",
        name_tg="вилояти Кёнгидо",
        name_uz="Kyonggido viloyati",
    ),
    HostRegionRow("KR-28", "Incheon", "Инчхон", "Инчхон", "Inçhon", name_tg="Инчхон", name_uz="Inchxon"),
    # United States
    HostRegionRow("US-NY", "New York", "Нью-Йорк", "Нью-Йорк", "Nýu-Ýork", name_tg="Ню-Йорк", name_uz="Nyu-York"),
    HostRegionRow("US-IL", "Illinois", "Иллинойс", "Иллинойс", "Illinoýs", name_tg="Иллинойс", name_uz="Illinoys"),
    HostRegionRow(
        "US-CA", "California", "Калифорния", "Калифорния", "Kaliforniýa", name_tg="Калифорния", name_uz="Kaliforniya"
    ),
    HostRegionRow("US-FL", "Florida", "Флорида", "Флорида", "Florida", name_tg="Флорида", name_uz="Florida"),
    HostRegionRow(
        "US-DC",
        "Washington, D.C.",
        "Вашингтон (округ Колумбия)",
        "Вашингтон (Колумбия округу)",
        "Waşington (Kolumbiýa okrugy)",
        name_tg="Вашингтон (Округи Колумбия)",
        name_uz="Vashington (Kolumbiya okrugi)",
    ),
    # Japan
    HostRegionRow("JP-13", "Tokyo", "Токио", "Токио", "Tokio", name_tg="Токио", name_uz="Tokio"),
    HostRegionRow("JP-27", "Osaka", "Осака", "Осака", "Osaka", name_tg="Осака", name_uz="Osaka"),
    HostRegionRow("JP-23", "Aichi", "Айти", "Айти", "Aýti", name_tg="Айчи", name_uz="Aichi"),
    # United Arab Emirates
    HostRegionRow("AE-DU", "Dubai", "Дубай", "Дубай", "Dubaý", name_tg="Дубай", name_uz="Dubay"),
    HostRegionRow("AE-AZ", "Abu Dhabi", "Абу-Даби", "Абу-Даби", "Abu-Dabi", name_tg="Абу-Дабӣ", name_uz="Abu-Dabi"),
    # Germany
    HostRegionRow("DE-BE", "Berlin", "Берлин", "Берлин", "Berlin", name_tg="Берлин", name_uz="Berlin"),
    HostRegionRow("DE-BY", "Bavaria", "Бавария", "Бавария", "Bawariýa", name_tg="Бавария", name_uz="Bavariya"),
    HostRegionRow("DE-HE", "Hesse", "Гессен", "Гессен", "Gessen", name_tg="Гессен", name_uz="Gessen"),
    # United Kingdom
    HostRegionRow("GB-LND", "London", "Лондон", "Лондон", "London", name_tg="Лондон", name_uz="London"),
    HostRegionRow(
        "GB-MAN", "Manchester", "Манчестер", "Манчестер", "Mançester", name_tg="Манчестер", name_uz="Manchester"
    ),
    # China
    HostRegionRow("CN-SH", "Shanghai", "Шанхай", "Шанхай", "Şanhaý", name_tg="Шанхай", name_uz="Shanxay"),
    # Iran
    HostRegionRow(
        "IR-09",
        "Razavi Khorasan Province",
        "провинция Хорасан-Резави",
        "Разави Хорасан провинциясы",
        "Horasan-Rezewi welaýaty",
        name_tg="устони Хуросони Разавӣ",
        name_uz="Xurosoni Razaviy ostoni",
    ),
    # Afghanistan
    HostRegionRow(
        "AF-HER",
        "Herat Province",
        "провинция Герат",
        "Герат провинциясы",
        "Hyrat welaýaty",
        name_tg="вилояти Ҳирот",
        name_uz="Hirot viloyati",
    ),
    HostRegionRow(
        "AF-BAL",
        "Balkh Province",
        "провинция Балх",
        "Балх провинциясы",
        "Balh welaýaty",
        name_tg="вилояти Балх",
        name_uz="Balx viloyati",
    ),
    # Kyrgyzstan
    HostRegionRow(
        "KG-O",
        "Osh Region",
        "Ошская область",
        "Ош облусу",
        "Oş welaýaty",
        name_tg="вилояти Ӯш",
        name_uz="Oʻsh viloyati",
    ),
    HostRegionRow(
        "KG-GO", "Osh (city)", "город Ош", "Ош шаары", "Oş şäheri", name_tg="шаҳри Ӯш", name_uz="Oʻsh shahri"
    ),
    # Tajikistan
    HostRegionRow(
        "TJ-SU",
        "Sughd Region",
        "Согдийская область",
        "Согди облусу",
        "Sogd welaýaty",
        name_tg="вилояти Суғд",
        name_uz="Sugʻd viloyati",
    ),
    # Turkmenistan
    HostRegionRow(
        "TM-L",
        "Lebap Region",
        "Лебапский велаят",
        "Лебап велаяты",
        "Lebap welaýaty",
        name_tg="вилояти Лебоб",
        name_uz="Lebap viloyati",
    ),
]


KYRGYZSTAN: list[ConsularDistrictRow] = [
    ConsularDistrictRow(
        "RU-MOSCOW",
        "Moscow",
        "Embassy in Moscow",
        "Посольство в Москве",
        "Москвадагы элчилик",
        "Moskwadaky ilçihana",
        countries=("RU",),
        host_regions=("RU-MOW", "RU-MOS", "RU-KLU", "RU-TUL", "RU-VLA", "RU-YAR", "RU-KDA"),
    ),
    ConsularDistrictRow(
        "RU-STPETERSBURG",
        "Saint Petersburg",
        "Consulate General in Saint Petersburg",
        "Генеральное консульство в Санкт-Петербурге",
        "Санкт-Петербургдагы башкы консулдук",
        "Sankt-Peterburgdaky baş konsullyk",
        host_regions=("RU-SPE", "RU-LEN"),
    ),
    ConsularDistrictRow(
        "RU-YEKATERINBURG",
        "Yekaterinburg",
        "Consulate General in Yekaterinburg",
        "Генеральное консульство в Екатеринбурге",
        "Екатеринбургдагы башкы консулдук",
        "Ýekaterinburgdaky baş konsullyk",
        host_regions=("RU-SVE", "RU-CHE", "RU-TYU", "RU-KHM", "RU-YAN", "RU-PER", "RU-BA"),
    ),
    ConsularDistrictRow(
        "RU-NOVOSIBIRSK",
        "Novosibirsk",
        "Consulate General in Novosibirsk",
        "Генеральное консульство в Новосибирске",
        "Новосибирсктеги башкы консулдук",
        "Nowosibirskdäki baş konsullyk",
        host_regions=("RU-NVS", "RU-OMS", "RU-TOM", "RU-KEM", "RU-KYA", "RU-IRK"),
    ),
    ConsularDistrictRow(
        "RU-KAZAN",
        "Kazan",
        "Consulate General in Kazan",
        "Генеральное консульство в Казани",
        "Казандагы башкы консулдук",
        "Kazandaky baş konsullyk",
        host_regions=("RU-TA", "RU-SAM", "RU-NIZ"),
    ),
    ConsularDistrictRow(
        "KZ-ASTANA",
        "Astana",
        "Embassy in Astana",
        "Посольство в Астане",
        "Астанадагы элчилик",
        "Astanadaky ilçihana",
        countries=("KZ",),
        host_regions=("KZ-71",),
    ),
    ConsularDistrictRow(
        "KZ-ALMATY",
        "Almaty",
        "Consulate General in Almaty",
        "Генеральное консульство в Алматы",
        "Алматыдагы башкы консулдук",
        "Almatydaky baş konsullyk",
        host_regions=("KZ-75", "KZ-19", "KZ-79", "KZ-31"),
    ),
    ConsularDistrictRow(
        "TR-ANKARA",
        "Ankara",
        "Embassy in Ankara",
        "Посольство в Анкаре",
        "Анкарадагы элчилик",
        "Ankaradaky ilçihana",
        countries=("TR",),
        host_regions=("TR-06", "TR-07"),
    ),
    ConsularDistrictRow(
        "TR-ISTANBUL",
        "Istanbul",
        "Consulate General in Istanbul",
        "Генеральное консульство в Стамбуле",
        "Стамбулдагы башкы консулдук",
        "Stambuldaky baş konsullyk",
        host_regions=("TR-34",),
    ),
    ConsularDistrictRow(
        "KR-SEOUL",
        "Seoul",
        "Embassy in Seoul",
        "Посольство в Сеуле",
        "Сеулдагы элчилик",
        "Seuldaky ilçihana",
        countries=("KR",),
    ),
    ConsularDistrictRow(
        "US-WASHINGTON",
        "Washington",
        "Embassy in Washington",
        "Посольство в Вашингтоне",
        "Вашингтондогу элчилик",
        "Waşingtondaky ilçihana",
        countries=("US",),
    ),
    ConsularDistrictRow(
        "JP-TOKYO",
        "Tokyo",
        "Embassy in Tokyo",
        "Посольство в Токио",
        "Токиодогу элчилик",
        "Tokiodaky ilçihana",
        countries=("JP",),
    ),
    ConsularDistrictRow(
        "AE-ABUDHABI",
        "Abu Dhabi",
        "Embassy in Abu Dhabi",
        "Посольство в Абу-Даби",
        "Абу-Дабидеги элчилик",
        "Abu-Dabidäki ilçihana",
        countries=("AE",),
        host_regions=("AE-AZ",),
    ),
    ConsularDistrictRow(
        "AE-DUBAI",
        "Dubai",
        "Consulate General in Dubai",
        "Генеральное консульство в Дубае",
        "Дубайдагы башкы консулдук",
        "Dubaýdaky baş konsullyk",
        host_regions=("AE-DU",),
    ),
    ConsularDistrictRow(
        "DE-BERLIN",
        "Berlin",
        "Embassy in Berlin",
        "Посольство в Берлине",
        "Берлиндеги элчилик",
        "Berlindäki ilçihana",
        countries=("DE",),
    ),
    ConsularDistrictRow(
        "GB-LONDON",
        "London",
        "Embassy in London",
        "Посольство в Лондоне",
        "Лондондогу элчилик",
        "Londondaky ilçihana",
        countries=("GB",),
    ),
    ConsularDistrictRow(
        "UZ-TASHKENT",
        "Tashkent",
        "Embassy in Tashkent",
        "Посольство в Ташкенте",
        "Ташкенттеги элчилик",
        "Daşkentdäki ilçihana",
        countries=("UZ",),
    ),
    ConsularDistrictRow(
        "TJ-DUSHANBE",
        "Dushanbe",
        "Embassy in Dushanbe",
        "Посольство в Душанбе",
        "Душанбедеги элчилик",
        "Duşenbedäki ilçihana",
        countries=("TJ",),
    ),
    ConsularDistrictRow(
        "CN-BEIJING",
        "Beijing",
        "Embassy in Beijing",
        "Посольство в Пекине",
        "Пекиндеги элчилик",
        "Pekindäki ilçihana",
        countries=("CN",),
    ),
]

# Russia's federal subjects by federal district (ISO 3166-2:RU).
RU_CENTRAL = (
    "RU-BEL",
    "RU-BRY",
    "RU-VLA",
    "RU-VOR",
    "RU-IVA",
    "RU-KLU",
    "RU-KOS",
    "RU-KRS",
    "RU-LIP",
    "RU-MOS",
    "RU-MOW",
    "RU-ORL",
    "RU-RYA",
    "RU-SMO",
    "RU-TAM",
    "RU-TVE",
    "RU-TUL",
    "RU-YAR",
)
RU_NORTH_WEST = (
    "RU-KR",
    "RU-KO",
    "RU-ARK",
    "RU-NEN",
    "RU-VLG",
    "RU-KGD",
    "RU-LEN",
    "RU-MUR",
    "RU-NGR",
    "RU-PSK",
    "RU-SPE",
)
RU_SOUTH = ("RU-AD", "RU-KL", "RU-KDA", "RU-AST", "RU-VGG", "RU-ROS")
RU_NORTH_CAUCASUS = ("RU-DA", "RU-IN", "RU-KB", "RU-KC", "RU-SE", "RU-CE", "RU-STA")
RU_VOLGA = (
    "RU-BA",
    "RU-ME",
    "RU-MO",
    "RU-TA",
    "RU-UD",
    "RU-CU",
    "RU-PER",
    "RU-KIR",
    "RU-NIZ",
    "RU-ORE",
    "RU-PNZ",
    "RU-SAM",
    "RU-SAR",
    "RU-ULY",
)
RU_URAL = ("RU-KGN", "RU-SVE", "RU-TYU", "RU-KHM", "RU-YAN", "RU-CHE")
RU_SIBERIA = ("RU-AL", "RU-TY", "RU-KK", "RU-ALT", "RU-KYA", "RU-IRK", "RU-KEM", "RU-NVS", "RU-OMS", "RU-TOM")
RU_FAR_EAST = (
    "RU-SA",
    "RU-KAM",
    "RU-PRI",
    "RU-KHA",
    "RU-AMU",
    "RU-MAG",
    "RU-SAK",
    "RU-YEV",
    "RU-CHU",
    "RU-BU",
    "RU-ZAB",
)


@dataclass(frozen=True)
class _Seat:
    """A mission's city, with what its names need in each language: the Russian prepositional
    phrase, the Kyrgyz and Turkmen locative adjectives, the Tajik and Uzbek names."""

    en: str
    ru_in: str  # "в Москве"
    ky_at: str  # "Москвадагы"
    tk_at: str  # "Moskwadaky"
    tg: str
    uz: str


def _seat(en: str, ru_in: str, ky: str, tk: str, tg: str, uz: str) -> _Seat:
    """A city whose Kyrgyz and Turkmen names take "the city of" (шаары, şäheri) before the
    locative, which needs no vowel harmony."""
    return _Seat(en, ru_in, f"{ky} шаарындагы", f"{tk} şäherindäki", tg, uz)


SEATS: dict[str, _Seat] = {
    "Moscow": _Seat("Moscow", "в Москве", "Москвадагы", "Moskwadaky", "Маскав", "Moskva"),
    "Saint Petersburg": _Seat(
        "Saint Petersburg",
        "в Санкт-Петербурге",
        "Санкт-Петербургдагы",
        "Sankt-Peterburgdaky",
        "Санкт-Петербург",
        "Sankt-Peterburg",
    ),
    "Yekaterinburg": _Seat(
        "Yekaterinburg", "в Екатеринбурге", "Екатеринбургдагы", "Ýekaterinburgdaky", "Екатеринбург", "Yekaterinburg"
    ),
    "Novosibirsk": _Seat(
        "Novosibirsk", "в Новосибирске", "Новосибирсктеги", "Nowosibirskdäki", "Новосибирск", "Novosibirsk"
    ),
    "Kazan": _Seat("Kazan", "в Казани", "Казандагы", "Kazandaky", "Қазон", "Qozon"),
    "Ufa": _seat("Ufa", "в Уфе", "Уфа", "Ufa", "Уфа", "Ufa"),
    "Rostov-on-Don": _seat(
        "Rostov-on-Don", "в Ростове-на-Дону", "Ростов-на-Дону", "Rostow-na-Donu", "Ростов-на-Дону", "Rostov-na-Donu"
    ),
    "Vladivostok": _seat("Vladivostok", "во Владивостоке", "Владивосток", "Wladiwostok", "Владивосток", "Vladivostok"),
    "Astrakhan": _seat("Astrakhan", "в Астрахани", "Астрахань", "Astrahan", "Астрахан", "Astraxan"),
    "Astana": _Seat("Astana", "в Астане", "Астанадагы", "Astanadaky", "Остона", "Astana"),
    "Almaty": _Seat("Almaty", "в Алматы", "Алматыдагы", "Almatydaky", "Алмаато", "Olmaota"),
    "Ankara": _Seat("Ankara", "в Анкаре", "Анкарадагы", "Ankaradaky", "Анқара", "Anqara"),
    "Istanbul": _Seat("Istanbul", "в Стамбуле", "Стамбулдагы", "Stambuldaky", "Истанбул", "Istanbul"),
    "Abu Dhabi": _Seat("Abu Dhabi", "в Абу-Даби", "Абу-Дабидеги", "Abu-Dabidäki", "Абу-Дабӣ", "Abu-Dabi"),
    "Dubai": _Seat("Dubai", "в Дубае", "Дубайдагы", "Dubaýdaky", "Дубай", "Dubay"),
    "Seoul": _Seat("Seoul", "в Сеуле", "Сеулдагы", "Seuldaky", "Сеул", "Seul"),
    "Washington": _Seat("Washington", "в Вашингтоне", "Вашингтондогу", "Waşingtondaky", "Вашингтон", "Vashington"),
    "New York": _seat("New York", "в Нью-Йорке", "Нью-Йорк", "Nýu-Ýork", "Ню-Йорк", "Nyu-York"),
    "Berlin": _Seat("Berlin", "в Берлине", "Берлиндеги", "Berlindäki", "Берлин", "Berlin"),
    "Frankfurt am Main": _seat(
        "Frankfurt am Main",
        "во Франкфурте-на-Майне",
        "Франкфурт-на-Майне",
        "Frankfurt-na-Maýne",
        "Франкфурт",
        "Frankfurt",
    ),
    "London": _Seat("London", "в Лондоне", "Лондондогу", "Londondaky", "Лондон", "London"),
    "Tokyo": _Seat("Tokyo", "в Токио", "Токиодогу", "Tokiodaky", "Токио", "Tokio"),
    "Beijing": _Seat("Beijing", "в Пекине", "Пекиндеги", "Pekindäki", "Пекин", "Pekin"),
    "Shanghai": _seat("Shanghai", "в Шанхае", "Шанхай", "Şanhaý", "Шанхай", "Shanxay"),
    "Tehran": _seat("Tehran", "в Тегеране", "Тегеран", "Tähran", "Теҳрон", "Tehron"),
    "Mashhad": _seat("Mashhad", "в Мешхеде", "Мешхед", "Meşhet", "Машҳад", "Mashhad"),
    "Kabul": _seat("Kabul", "в Кабуле", "Кабул", "Kabul", "Кобул", "Kobul"),
    "Herat": _seat("Herat", "в Герате", "Герат", "Hyrat", "Ҳирот", "Hirot"),
    "Mazar-i-Sharif": _seat(
        "Mazar-i-Sharif", "в Мазари-Шарифе", "Мазари-Шариф", "Mazar-y-Şerif", "Мазори Шариф", "Mozori Sharif"
    ),
    "Minsk": _seat("Minsk", "в Минске", "Минск", "Minsk", "Минск", "Minsk"),
    "Kyiv": _seat("Kyiv", "в Киеве", "Киев", "Kiýew", "Киев", "Kiyev"),
    "Baku": _seat("Baku", "в Баку", "Баку", "Baku", "Боку", "Boku"),
    "Warsaw": _seat("Warsaw", "в Варшаве", "Варшава", "Warşawa", "Варшава", "Varshava"),
    "Tashkent": _Seat("Tashkent", "в Ташкенте", "Ташкенттеги", "Daşkentdäki", "Тошкент", "Toshkent"),
    "Dushanbe": _Seat("Dushanbe", "в Душанбе", "Душанбедеги", "Duşenbedäki", "Душанбе", "Dushanbe"),
    "Bishkek": _seat("Bishkek", "в Бишкеке", "Бишкек", "Bişkek", "Бишкек", "Bishkek"),
    "Ashgabat": _seat("Ashgabat", "в Ашхабаде", "Ашхабад", "Aşgabat", "Ашқобод", "Ashxobod"),
    "Osh": _seat("Osh", "в Оше", "Ош", "Oş", "Ӯш", "Oʻsh"),
    "Khujand": _seat("Khujand", "в Худжанде", "Кожент", "Hojent", "Хуҷанд", "Xoʻjand"),
    "Turkmenabat": _seat("Turkmenabat", "в Туркменабате", "Түркмөнабат", "Türkmenabat", "Туркманобод", "Turkmanobod"),
}


def _mission(
    kind: str, code: str, city: str, countries: tuple[str, ...] = (), host_regions: tuple[str, ...] = ()
) -> ConsularDistrictRow:
    seat = SEATS[city]
    en, ru, ky, tk, tg, uz = {
        "embassy": ("Embassy", "Посольство", "элчилик", "ilçihana", "Сафорат", "elchixona"),
        "consulate general": (
            "Consulate General",
            "Генеральное консульство",
            "башкы консулдук",
            "baş konsullyk",
            "Консулгарии генералӣ",
            "bosh konsulxona",
        ),
        "consulate": ("Consulate", "Консульство", "консулдук", "konsullyk", "Консулгарӣ", "konsulxona"),
    }[kind]
    return ConsularDistrictRow(
        code,
        seat.en,
        f"{en} in {seat.en}",
        f"{ru} {seat.ru_in}",
        f"{seat.ky_at} {ky}",
        f"{seat.tk_at} {tk}",
        countries=countries,
        host_regions=host_regions,
        name_tg=f"{tg} дар шаҳри {seat.tg}",
        name_uz=f"{seat.uz} shahridagi {uz}",
    )


def _embassy(code: str, city: str, country: str, *host_regions: str) -> ConsularDistrictRow:
    """The embassy serves its whole country (besides the consulates' districts) and names the
    host regions of its own consular section, where they are known."""
    return _mission("embassy", code, city, countries=(country,), host_regions=host_regions)


def _consulate_general(code: str, city: str, *host_regions: str) -> ConsularDistrictRow:
    return _mission("consulate general", code, city, host_regions=host_regions)


def _consulate(code: str, city: str, *host_regions: str) -> ConsularDistrictRow:
    return _mission("consulate", code, city, host_regions=host_regions)


TURKMENISTAN: list[ConsularDistrictRow] = [
    _embassy("RU-MOSCOW", "Moscow", "RU", "RU-MOW", "RU-MOS"),
    _consulate_general("RU-KAZAN", "Kazan", "RU-TA"),
    _consulate("RU-ASTRAKHAN", "Astrakhan", "RU-AST", "RU-VGG", "RU-ROS", "RU-KL", "RU-KDA", "RU-STA"),
    _embassy("KZ-ASTANA", "Astana", "KZ", "KZ-71"),
    _embassy("TR-ANKARA", "Ankara", "TR", "TR-06"),
    _consulate_general("TR-ISTANBUL", "Istanbul", "TR-34"),
    _embassy("AE-ABUDHABI", "Abu Dhabi", "AE", "AE-AZ"),
    _consulate_general("AE-DUBAI", "Dubai", "AE-DU"),
    _embassy("KR-SEOUL", "Seoul", "KR"),
    _embassy("US-WASHINGTON", "Washington", "US"),
    _embassy("DE-BERLIN", "Berlin", "DE"),
    _embassy("GB-LONDON", "London", "GB"),
    _embassy("JP-TOKYO", "Tokyo", "JP"),
    _embassy("CN-BEIJING", "Beijing", "CN"),
    _embassy("BY-MINSK", "Minsk", "BY"),
    _embassy("UA-KYIV", "Kyiv", "UA"),
    _embassy("IR-TEHRAN", "Tehran", "IR"),
    _consulate_general("IR-MASHHAD", "Mashhad", "IR-09"),
    _embassy("UZ-TASHKENT", "Tashkent", "UZ"),
    _embassy("AZ-BAKU", "Baku", "AZ"),
    _embassy("AF-KABUL", "Kabul", "AF"),
    _consulate_general("AF-HERAT", "Herat", "AF-HER"),
    _consulate_general("AF-MAZARISHARIF", "Mazar-i-Sharif", "AF-BAL"),
]

TAJIKISTAN: list[ConsularDistrictRow] = [
    _embassy("RU-MOSCOW", "Moscow", "RU", "RU-MOW", "RU-MOS"),
    _consulate_general("RU-STPETERSBURG", "Saint Petersburg", *RU_NORTH_WEST),
    _consulate_general("RU-YEKATERINBURG", "Yekaterinburg", "RU-SVE"),
    _consulate_general("RU-UFA", "Ufa", "RU-BA"),
    _consulate_general("RU-NOVOSIBIRSK", "Novosibirsk", "RU-NVS"),
    _embassy("KZ-ASTANA", "Astana", "KZ", "KZ-71"),
    _consulate_general("KZ-ALMATY", "Almaty", "KZ-75"),
    _embassy("TR-ANKARA", "Ankara", "TR", "TR-06"),
    _embassy("AE-ABUDHABI", "Abu Dhabi", "AE", "AE-AZ"),
    _consulate_general("AE-DUBAI", "Dubai", "AE-DU"),
    _embassy("KR-SEOUL", "Seoul", "KR"),
    _embassy("US-WASHINGTON", "Washington", "US"),
    _embassy("DE-BERLIN", "Berlin", "DE"),
    _embassy("GB-LONDON", "London", "GB"),
    _embassy("JP-TOKYO", "Tokyo", "JP"),
    _embassy("CN-BEIJING", "Beijing", "CN"),
    _embassy("UZ-TASHKENT", "Tashkent", "UZ"),
    _embassy("KG-BISHKEK", "Bishkek", "KG"),
    _embassy("TM-ASHGABAT", "Ashgabat", "TM"),
    _embassy("IR-TEHRAN", "Tehran", "IR"),
]

UZBEKISTAN: list[ConsularDistrictRow] = [
    _embassy("RU-MOSCOW", "Moscow", "RU", *RU_CENTRAL),
    _consulate_general("RU-STPETERSBURG", "Saint Petersburg", *RU_NORTH_WEST),
    _consulate_general("RU-NOVOSIBIRSK", "Novosibirsk", *RU_SIBERIA),
    _consulate_general("RU-VLADIVOSTOK", "Vladivostok", *RU_FAR_EAST),
    _consulate_general("RU-YEKATERINBURG", "Yekaterinburg", *RU_URAL),
    _consulate_general("RU-KAZAN", "Kazan", *RU_VOLGA),
    _consulate_general("RU-ROSTOVONDON", "Rostov-on-Don", *RU_SOUTH, *RU_NORTH_CAUCASUS),
    _embassy("KZ-ASTANA", "Astana", "KZ", "KZ-71"),
    _consulate_general("KZ-ALMATY", "Almaty", "KZ-75"),
    _embassy("TR-ANKARA", "Ankara", "TR", "TR-06"),
    _consulate_general("TR-ISTANBUL", "Istanbul", "TR-34"),
    _embassy("AE-ABUDHABI", "Abu Dhabi", "AE", "AE-AZ"),
    _consulate_general("AE-DUBAI", "Dubai", "AE-DU"),
    _embassy("KR-SEOUL", "Seoul", "KR"),
    _embassy("US-WASHINGTON", "Washington", "US"),
    _consulate_general("US-NEWYORK", "New York", "US-NY"),
    _embassy("DE-BERLIN", "Berlin", "DE"),
    _consulate_general("DE-FRANKFURT", "Frankfurt am Main", "DE-HE"),
    _embassy("GB-LONDON", "London", "GB"),
    _embassy("JP-TOKYO", "Tokyo", "JP"),
    _embassy("CN-BEIJING", "Beijing", "CN"),
    _consulate_general("CN-SHANGHAI", "Shanghai", "CN-SH"),
    _embassy("KG-BISHKEK", "Bishkek", "KG"),
    _consulate_general("KG-OSH", "Osh", "KG-O", "KG-GO"),
    _embassy("TJ-DUSHANBE", "Dushanbe", "TJ"),
    _consulate_general("TJ-KHUJAND", "Khujand", "TJ-SU"),
    _embassy("TM-ASHGABAT", "Ashgabat", "TM"),
    _consulate_general("TM-TURKMENABAT", "Turkmenabat", "TM-L"),
    _embassy("PL-WARSAW", "Warsaw", "PL"),
]

# Origin country (ISO 3166-1 alpha-2) → its embassies and consulates.
CONSULAR_DISTRICTS: dict[str, list[ConsularDistrictRow]] = {
    "KG": KYRGYZSTAN,
    "TM": TURKMENISTAN,
    "TJ": TAJIKISTAN,
    "UZ": UZBEKISTAN,
}
