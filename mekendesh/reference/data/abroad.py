"""Where Kyrgyzstan's citizens live and work abroad: host regions of the main destinations
(ISO 3166-2 codes) and the consular districts of Kyrgyzstan's embassies and consulates.

A consular district serves whole countries and/or named host regions; a stay belongs to the
district naming its host region, else to the one naming its whole country
(:func:`mekendesh.people.services.consular_district_for`). Each country with a mission here is
named whole by exactly one district (its embassy), so every stay in it finds a district.
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


HOST_REGIONS: list[HostRegionRow] = [
    # Russia
    HostRegionRow("RU-MOW", "Moscow", "Москва", "Москва", "Moskwa"),
    HostRegionRow("RU-MOS", "Moscow Oblast", "Московская область", "Москва облусу", "Moskwa oblasty"),
    HostRegionRow("RU-SPE", "Saint Petersburg", "Санкт-Петербург", "Санкт-Петербург", "Sankt-Peterburg"),
    HostRegionRow("RU-LEN", "Leningrad Oblast", "Ленинградская область", "Ленинград облусу", "Leningrad oblasty"),
    HostRegionRow("RU-SVE", "Sverdlovsk Oblast", "Свердловская область", "Свердловск облусу", "Swerdlowsk oblasty"),
    HostRegionRow("RU-CHE", "Chelyabinsk Oblast", "Челябинская область", "Челябинск облусу", "Çelýabinsk oblasty"),
    HostRegionRow("RU-TYU", "Tyumen Oblast", "Тюменская область", "Тюмень облусу", "Týumen oblasty"),
    HostRegionRow(
        "RU-KHM",
        "Khanty-Mansi Autonomous Okrug – Yugra",
        "Ханты-Мансийский автономный округ — Югра",
        "Ханты-Манси автономиялык округу — Югра",
        "Hanty-Mansi awtonom okrugy — Ýugra",
    ),
    HostRegionRow(
        "RU-YAN",
        "Yamalo-Nenets Autonomous Okrug",
        "Ямало-Ненецкий автономный округ",
        "Ямал-Ненец автономиялык округу",
        "Ýamal-Nenes awtonom okrugy",
    ),
    HostRegionRow("RU-PER", "Perm Krai", "Пермский край", "Пермь крайы", "Perm kraýy"),
    HostRegionRow(
        "RU-BA",
        "Republic of Bashkortostan",
        "Республика Башкортостан",
        "Башкортостан Республикасы",
        "Başgyrdystan Respublikasy",
    ),
    HostRegionRow("RU-NVS", "Novosibirsk Oblast", "Новосибирская область", "Новосибирск облусу", "Nowosibirsk oblasty"),
    HostRegionRow("RU-OMS", "Omsk Oblast", "Омская область", "Омск облусу", "Omsk oblasty"),
    HostRegionRow("RU-TOM", "Tomsk Oblast", "Томская область", "Томск облусу", "Tomsk oblasty"),
    HostRegionRow(
        "RU-KEM",
        "Kemerovo Oblast – Kuzbass",
        "Кемеровская область — Кузбасс",
        "Кемерово облусу — Кузбасс",
        "Kemerowo oblasty — Kuzbass",
    ),
    HostRegionRow("RU-KYA", "Krasnoyarsk Krai", "Красноярский край", "Красноярск крайы", "Krasnoýarsk kraýy"),
    HostRegionRow("RU-IRK", "Irkutsk Oblast", "Иркутская область", "Иркутск облусу", "Irkutsk oblasty"),
    HostRegionRow(
        "RU-TA", "Republic of Tatarstan", "Республика Татарстан", "Татарстан Республикасы", "Tatarystan Respublikasy"
    ),
    HostRegionRow("RU-SAM", "Samara Oblast", "Самарская область", "Самара облусу", "Samara oblasty"),
    HostRegionRow(
        "RU-NIZ", "Nizhny Novgorod Oblast", "Нижегородская область", "Нижний Новгород облусу", "Nižniý Nowgorod oblasty"
    ),
    HostRegionRow("RU-KLU", "Kaluga Oblast", "Калужская область", "Калуга облусу", "Kaluga oblasty"),
    HostRegionRow("RU-TUL", "Tula Oblast", "Тульская область", "Тула облусу", "Tula oblasty"),
    HostRegionRow("RU-VLA", "Vladimir Oblast", "Владимирская область", "Владимир облусу", "Wladimir oblasty"),
    HostRegionRow("RU-YAR", "Yaroslavl Oblast", "Ярославская область", "Ярославль облусу", "Ýaroslawl oblasty"),
    HostRegionRow("RU-KDA", "Krasnodar Krai", "Краснодарский край", "Краснодар крайы", "Krasnodar kraýy"),
    # Kazakhstan
    HostRegionRow("KZ-75", "Almaty", "Алматы", "Алматы", "Almaty"),
    HostRegionRow("KZ-71", "Astana", "Астана", "Астана", "Astana"),
    HostRegionRow("KZ-79", "Shymkent", "Шымкент", "Шымкент", "Şymkent"),
    HostRegionRow("KZ-19", "Almaty Region", "Алматинская область", "Алматы облусу", "Almaty welaýaty"),
    HostRegionRow("KZ-31", "Jambyl Region", "Жамбылская область", "Жамбыл облусу", "Jambyl welaýaty"),
    # Türkiye
    HostRegionRow("TR-34", "Istanbul", "Стамбул", "Стамбул", "Stambul"),
    HostRegionRow("TR-06", "Ankara", "Анкара", "Анкара", "Ankara"),
    HostRegionRow("TR-07", "Antalya", "Анталья", "Анталья", "Antalýa"),
    # South Korea
    HostRegionRow("KR-11", "Seoul", "Сеул", "Сеул", "Seul"),
    HostRegionRow("KR-41", "Gyeonggi Province", "Провинция Кёнгидо", "Кёнгидо провинциясы", "Kýonggido welaýaty"),
    HostRegionRow("KR-28", "Incheon", "Инчхон", "Инчхон", "Inçhon"),
    # United States
    HostRegionRow("US-NY", "New York", "Нью-Йорк", "Нью-Йорк", "Nýu-Ýork"),
    HostRegionRow("US-IL", "Illinois", "Иллинойс", "Иллинойс", "Illinoýs"),
    HostRegionRow("US-CA", "California", "Калифорния", "Калифорния", "Kaliforniýa"),
    HostRegionRow("US-FL", "Florida", "Флорида", "Флорида", "Florida"),
    HostRegionRow(
        "US-DC",
        "Washington, D.C.",
        "Вашингтон (округ Колумбия)",
        "Вашингтон (Колумбия округу)",
        "Waşington (Kolumbiýa okrugy)",
    ),
    # Japan
    HostRegionRow("JP-13", "Tokyo", "Токио", "Токио", "Tokio"),
    HostRegionRow("JP-27", "Osaka", "Осака", "Осака", "Osaka"),
    HostRegionRow("JP-23", "Aichi", "Айти", "Айти", "Aýti"),
    # United Arab Emirates
    HostRegionRow("AE-DU", "Dubai", "Дубай", "Дубай", "Dubaý"),
    HostRegionRow("AE-AZ", "Abu Dhabi", "Абу-Даби", "Абу-Даби", "Abu-Dabi"),
    # Germany
    HostRegionRow("DE-BE", "Berlin", "Берлин", "Берлин", "Berlin"),
    HostRegionRow("DE-BY", "Bavaria", "Бавария", "Бавария", "Bawariýa"),
    HostRegionRow("DE-HE", "Hesse", "Гессен", "Гессен", "Gessen"),
    # United Kingdom
    HostRegionRow("GB-LND", "London", "Лондон", "Лондон", "London"),
    HostRegionRow("GB-MAN", "Manchester", "Манчестер", "Манчестер", "Mançester"),
]


CONSULAR_DISTRICTS: list[ConsularDistrictRow] = [
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
