"""Employers and streets of the countries of destination, as the demo writes them in a stay's
address and employer (in the country's own language). Invented names, none of them a real firm.

Kyrgyzstan's demo keeps its own (:mod:`mekendesh.demo.data`); the profiles of the other countries
of origin take theirs from here.
"""

from __future__ import annotations

EMPLOYERS: dict[str, tuple[str, ...]] = {
    "RU": (
        "ООО «СтройМонтаж»",
        "ООО «ГородСервис»",
        "ООО «Логистик-Центр»",
        "ООО «Швейная фабрика Восток»",
        "ООО «ТехноСклад»",
        "ООО «Курьер-Экспресс»",
        "ООО «Чистый дом»",
        "ООО «АвтоМойка Плюс»",
        "ООО «Тепличный комбинат»",
        "ООО «Пекарня Хлебный дом»",
        "ООО «Северный мост»",
        "ООО «ЖилКомСервис»",
    ),
    "KZ": (
        "ТОО «Алтын Курылыс»",
        "ТОО «Бахыт Трейд»",
        "ТОО «Жетысу Агро»",
        "ТОО «Астана Сервис»",
        "ТОО «Каспий Строй»",
    ),
    "TR": (
        "Yıldız Tekstil A.Ş.",
        "Anadolu İnşaat Ltd. Şti.",
        "Boğaz Otelcilik A.Ş.",
        "Kardeşler Lokantası",
        "Marmara Konfeksiyon Ltd. Şti.",
        "Güneş Bakım Hizmetleri",
        "Ege Tarım Ürünleri A.Ş.",
    ),
    "CY": ("Girne Otelcilik Ltd.", "Lefkoşa İnşaat Ltd.", "Mağusa Market Ltd."),
    "KR": ("Hanil Precision Co.", "Daesung Farm", "Seohae Fisheries", "Mirae Logistics Co."),
    "US": ("Sunrise Home Care LLC", "Lakeview Trucking Inc.", "Metro Construction LLC"),
    "JP": ("Tokai Food Processing K.K.", "Sakura Care Services", "Kansai Logistics K.K."),
    "AE": ("Al Noor Facilities Management LLC", "Gulf Hospitality LLC", "Desert Rose Construction"),
    "DE": ("Pflegedienst Sonnenschein GmbH", "Spargelhof Müller", "Berliner Bau GmbH"),
    "GB": ("Green Valley Farms Ltd", "Kent Fruit Growers Ltd", "City Care Services Ltd"),
    "PL": ("Sad Owocowy Kowalski Sp. z o.o.", "Budmax Sp. z o.o.", "Trans-Logistyka Sp. z o.o."),
    "BY": ("ООО «СтройДом-Минск»", "ОАО «Гомельский текстиль»", "ЧУП «ЛогистТранс»"),
    "UA": ("ТОВ «БудМонтаж»", "ТОВ «Агро-Схід»"),
    "UZ": ("«Toshkent Qurilish» MChJ", "«Xorazm Paxta» MChJ", "«Samarqand Savdo» MChJ"),
    "CN": ("Urumqi Trading Co., Ltd.", "Yiwu Export Services Co., Ltd."),
    "MY": ("Klang Valley Services Sdn Bhd", "Penang Electronics Sdn Bhd"),
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
    "TR": ("Atatürk Cd.", "Cumhuriyet Cd.", "İnönü Cd.", "Fatih Sk.", "Gazi Osman Paşa Cd.", "Mimar Sinan Sk."),
    "CY": ("Dereboyu Cd.", "Ecevit Cd.", "Salamis Yolu", "Ziya Rızkı Cd."),
    "KR": ("Jungang-ro", "Sejong-daero", "Gongdan-ro"),
    "US": ("Main Street", "Ocean Avenue", "Lake Shore Drive", "Park Avenue"),
    "JP": ("Chūō-dōri", "Sakura-dōri", "Ekimae"),
    "AE": ("Al Wasl Road", "Sheikh Zayed Road", "Al Khail Road"),
    "DE": ("Hauptstraße", "Bahnhofstraße", "Gartenstraße"),
    "GB": ("High Street", "Station Road", "Church Lane"),
    "PL": ("ul. Polna", "ul. Lipowa", "ul. Kościuszki"),
    "BY": ("пр. Независимости", "ул. Советская", "ул. Ленина"),
    "UA": ("вул. Сумська", "вул. Шевченка", "просп. Науки"),
    "UZ": ("Amir Temur shoh koʻchasi", "Mustaqillik koʻchasi", "Navoiy koʻchasi"),
    "CN": ("Renmin Road", "Jiefang Road", "Zhongshan Road"),
    "MY": ("Jalan Ampang", "Jalan Tun Razak", "Jalan Bukit Bintang"),
}
