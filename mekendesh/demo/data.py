"""Proportions of Kyrgyzstan's demo population, from public figures where they exist (its profile,
:mod:`mekendesh.demo.profiles.kg`; the other countries of origin have theirs in their profiles).

Regions of origin: the State Migration Service's counts of migrants by region (2018, via 24.kg,
english/102753) for Batken, Jalal-Abad, Osh region and Chüy; IOM's share of departures from Osh
region and Osh city together (34 % in 2025, via 24.kg english/339124) for the city of Osh; the
other regions are estimates of the same order as Chüy's. Destinations: Russia holds most
(376,000 of 608,000 citizens abroad registered there in January 2025, Kyrgyz MFA); Kazakhstan,
Türkiye, South Korea, the USA, Japan, the UAE, Germany and the UK follow.
"""

from __future__ import annotations

# Region of origin (ISO 3166-2) → number of migrants (thousands).
ORIGIN_WEIGHTS: dict[str, float] = {
    "KG-B": 265,  # Batken, State Migration Service 2018
    "KG-J": 227,  # Jalal-Abad, State Migration Service 2018
    "KG-O": 155,  # Osh region, State Migration Service 2018
    "KG-GO": 60,  # Osh city: estimate, with Osh region about a third of departures (IOM 2025)
    "KG-GB": 30,  # estimate
    "KG-Y": 25,  # estimate
    "KG-N": 22,  # estimate
    "KG-T": 20,  # estimate
    "KG-C": 11,  # Chüy, State Migration Service 2018
}

# Where people lived last before leaving (the stay's last residence), besides their place of
# origin: many move to Bishkek or Chüy first and leave from there (internal migration before
# emigration). Estimates: the share of departures whose last residence is stated, and the share of
# people of a region who lived in the capital or around it before leaving.
RESIDENCE_STATED = 0.8
RESIDENCE_ELSEWHERE: dict[str, dict[str, float]] = {
    "KG-GB": {},
    "KG-C": {"KG-GB": 0.15},
    "KG-GO": {"KG-GB": 0.12, "KG-C": 0.04},
}
RESIDENCE_ELSEWHERE_DEFAULT = {"KG-GB": 0.14, "KG-C": 0.07}
# The share of those who left from their own region but not from their district of origin.
RESIDENCE_OTHER_DISTRICT = 0.08

# The larger districts send more people; every other district weighs 1.
DISTRICT_WEIGHTS: dict[str, float] = {
    "KG-O-KARASUU": 4,
    "KG-O-NOOKAT": 3,
    "KG-O-OZGON": 3,
    "KG-O-ARAVAN": 2.5,
    "KG-O-ALAY": 1.5,
    "KG-J-SUZAK": 3,
    "KG-J-BAZARKORGON": 2.5,
    "KG-J-NOOKEN": 2,
    "KG-J-AKSY": 2,
    "KG-J-JALALABADCITY": 2,
    "KG-B-KADAMJAY": 2.5,
    "KG-B-LEYLEK": 2,
    "KG-B-BATKEN": 1.5,
    "KG-C-ALAMUDUN": 3,
    "KG-C-SOKULUK": 3,
}

# Region of origin → weights of the groups of names found there.
GROUP_WEIGHTS: dict[str, dict[str, float]] = {
    "KG-O": {"kyrgyz": 70, "uzbek": 27, "tajik": 1, "turkmen": 1, "russian": 1},
    "KG-GO": {"kyrgyz": 50, "uzbek": 45, "russian": 3, "tajik": 1, "turkmen": 1},
    "KG-J": {"kyrgyz": 72, "uzbek": 26, "russian": 1, "turkmen": 1},
    "KG-B": {"kyrgyz": 76, "uzbek": 14, "tajik": 8, "turkmen": 2},
    "KG-C": {"kyrgyz": 60, "russian": 20, "dungan": 15, "uzbek": 5},
    "KG-GB": {"kyrgyz": 70, "russian": 20, "uzbek": 5, "dungan": 3, "turkmen": 2},
    "KG-Y": {"kyrgyz": 85, "russian": 10, "dungan": 5},
    "KG-N": {"kyrgyz": 98, "russian": 2},
    "KG-T": {"kyrgyz": 97, "russian": 3},
}

# Host region (ISO 3166-2) → (weight in per cent of stays, cities as written locally).
DESTINATIONS: dict[str, tuple[float, tuple[str, ...]]] = {
    # Russia: 76
    "RU-MOW": (30, ("Москва",)),
    "RU-MOS": (9, ("Подольск", "Балашиха", "Химки", "Люберцы", "Мытищи", "Королёв")),
    "RU-SPE": (12, ("Санкт-Петербург",)),
    "RU-LEN": (2, ("Всеволожск", "Гатчина", "Мурино", "Кудрово")),
    "RU-SVE": (6, ("Екатеринбург", "Нижний Тагил", "Первоуральск")),
    "RU-CHE": (1.5, ("Челябинск", "Магнитогорск")),
    "RU-TYU": (1.5, ("Тюмень", "Тобольск")),
    "RU-KHM": (1.5, ("Сургут", "Нижневартовск", "Ханты-Мансийск")),
    "RU-YAN": (0.5, ("Новый Уренгой", "Ноябрьск")),
    "RU-PER": (0.5, ("Пермь",)),
    "RU-BA": (0.5, ("Уфа",)),
    "RU-NVS": (3, ("Новосибирск",)),
    "RU-OMS": (0.5, ("Омск",)),
    "RU-TOM": (0.5, ("Томск",)),
    "RU-KEM": (0.5, ("Кемерово", "Новокузнецк")),
    "RU-KYA": (1.5, ("Красноярск", "Норильск")),
    "RU-IRK": (1.5, ("Иркутск", "Братск")),
    "RU-TA": (2, ("Казань", "Набережные Челны")),
    "RU-SAM": (1, ("Самара", "Тольятти")),
    "RU-NIZ": (0.5, ("Нижний Новгород",)),
    "RU-KLU": (0.5, ("Калуга", "Обнинск")),
    "RU-TUL": (0.5, ("Тула",)),
    "RU-VLA": (0.3, ("Владимир",)),
    "RU-YAR": (0.3, ("Ярославль",)),
    "RU-KDA": (1, ("Краснодар", "Сочи")),
    # Kazakhstan: 10
    "KZ-75": (6, ("Алматы",)),
    "KZ-71": (2, ("Астана",)),
    "KZ-79": (1, ("Шымкент",)),
    "KZ-19": (0.5, ("Конаев", "Талгар")),
    "KZ-31": (0.5, ("Тараз",)),
    # Türkiye: 5
    "TR-34": (3.5, ("İstanbul",)),
    "TR-06": (1, ("Ankara",)),
    "TR-07": (0.5, ("Antalya", "Alanya")),
    # South Korea: 3.5
    "KR-11": (1.5, ("Seoul",)),
    "KR-41": (1.5, ("Suwon", "Ansan", "Hwaseong")),
    "KR-28": (0.5, ("Incheon",)),
    # United States: 2
    "US-NY": (0.8, ("New York",)),
    "US-IL": (0.5, ("Chicago",)),
    "US-CA": (0.3, ("Los Angeles", "Sacramento")),
    "US-FL": (0.2, ("Miami",)),
    "US-DC": (0.2, ("Washington",)),
    # Japan: 1
    "JP-13": (0.6, ("Tokyo",)),
    "JP-27": (0.2, ("Osaka",)),
    "JP-23": (0.2, ("Nagoya",)),
    # United Arab Emirates: 1
    "AE-DU": (0.7, ("Dubai",)),
    "AE-AZ": (0.3, ("Abu Dhabi",)),
    # Germany: 0.8
    "DE-BE": (0.4, ("Berlin",)),
    "DE-BY": (0.2, ("München",)),
    "DE-HE": (0.2, ("Frankfurt am Main",)),
    # United Kingdom: 0.7
    "GB-LND": (0.6, ("London",)),
    "GB-MAN": (0.1, ("Manchester",)),
}

# Country → (purpose → weight), and the permit each purpose needs there. Citizens of Kyrgyzstan
# work in Russia and Kazakhstan on an employment contract (Eurasian Economic Union), no permit.
PURPOSES: dict[str, dict[str, float]] = {
    "RU": {"work": 92, "family": 5, "study": 3},
    "KZ": {"work": 90, "family": 6, "study": 4},
    "TR": {"work": 60, "study": 25, "family": 15},
    "KR": {"work": 90, "study": 10},
    "US": {"work": 50, "study": 40, "family": 10},
    "JP": {"work": 60, "study": 40},
    "AE": {"work": 100},
    "DE": {"study": 60, "work": 40},
    "GB": {"work": 90, "study": 10},
}
EAEU = {"RU", "KZ"}
PERMITS: dict[str, str] = {"work": "work_permit", "study": "student_visa", "family": "residence"}

EMPLOYERS: dict[str, tuple[str, ...]] = {
    "RU": (
        "ООО «СтройМонтаж»",
        "ООО «ГородСервис»",
        "ООО «Логистик-Центр»",
        "ООО «Швейная фабрика Восток»",
        "ООО «ТехноСклад»",
        "ООО «Кафе Ала-Тоо»",
        "ООО «Курьер-Экспресс»",
        "ООО «Чистый дом»",
        "ООО «АвтоМойка Плюс»",
        "ООО «Тепличный комбинат»",
        "ИП Маматов Б. А.",
        "ООО «Пекарня Хлебный дом»",
    ),
    "KZ": ("ТОО «Алтын Курылыс»", "ТОО «Бахыт Трейд»", "ТОО «Жетысу Агро»", "ИП Сейткали", "ТОО «Астана Сервис»"),
    "TR": ("Yıldız Tekstil A.Ş.", "Anadolu İnşaat Ltd. Şti.", "Boğaz Otelcilik A.Ş.", "Kardeşler Lokantası"),
    "KR": ("Hanil Precision Co.", "Daesung Farm", "Seohae Fisheries", "Mirae Logistics Co."),
    "US": ("Sunrise Home Care LLC", "Lakeview Trucking Inc.", "Metro Construction LLC"),
    "JP": ("Tokai Food Processing K.K.", "Sakura Care Services", "Kansai Logistics K.K."),
    "AE": ("Al Noor Facilities Management LLC", "Gulf Hospitality LLC", "Desert Rose Construction"),
    "DE": ("Pflegedienst Sonnenschein GmbH", "Spargelhof Müller", "Berliner Bau GmbH"),
    "GB": ("Green Valley Farms Ltd", "Kent Fruit Growers Ltd", "City Care Services Ltd"),
}
STREETS: dict[str, tuple[str, ...]] = {
    "RU": (
        "ул. Профсоюзная",
        "ул. Ленина",
        "пр. Мира",
        "ул. Садовая",
        "ул. Гагарина",
        "ул. Школьная",
        "ул. Молодёжная",
        "ул. Лесная",
        "ул. Советская",
        "ул. Новая",
    ),
    "KZ": ("ул. Абая", "пр. Райымбека", "мкр. Аксай-4", "ул. Толе би", "пр. Кабанбай батыра"),
    "TR": ("Atatürk Cd.", "Cumhuriyet Cd.", "İnönü Cd.", "Fatih Sk."),
    "KR": ("Jungang-ro", "Sejong-daero", "Gongdan-ro"),
    "US": ("Main Street", "Ocean Avenue", "Lake Shore Drive", "Park Avenue"),
    "JP": ("Chūō-dōri", "Sakura-dōri", "Ekimae"),
    "AE": ("Al Wasl Road", "Sheikh Zayed Road", "Al Khail Road"),
    "DE": ("Hauptstraße", "Bahnhofstraße", "Gartenstraße"),
    "GB": ("High Street", "Station Road", "Church Lane"),
}
