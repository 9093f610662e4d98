"""Name pools for demo people, as they are written in Kyrgyz passports' Cyrillic.

Each entry is the Kyrgyz Cyrillic spelling, optionally followed by ``|`` and the conventional
Russian spelling where it is not what :func:`mekendesh.names.spelling_variants` derives
(``Гүлнара|Гульнара``). Surnames are given in their masculine form; the feminine adds ``-а``
where the surname ends in ``-ов``, ``-ев`` or ``-ин``.

The groups are those found among Kyrgyzstan's citizens: Kyrgyz, Uzbek, Russian, Dungan, Tajik
and Turkmen.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NamePool:
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    # Share of people whose patronymic is Kyrgyz style ("Асан уулу", "Асан кызы") rather than
    # Russian style ("Асанович", "Асановна").
    uulu_share: float = 0.0


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


KYRGYZ = NamePool(
    male=_split(
        "Азамат Бакыт Нурлан Эрлан Талант Улан Бектур Мирлан Айбек Канат Жыргалбек Нурбек Темирлан "
        "Адилет Дастан Эмил Бекжан Максат Жоомарт Руслан Марат Чыңгыз|Чингиз Үмүтбек|Умутбек Асан Үсөн|Усен "
        "Таалайбек Нурсултан Бакытбек Эрмек Айдар Алмаз Кубанычбек Мелис Самат Санжар Тилек Урмат "
        "Жанболот Мирбек Курманбек Өмүрбек|Омурбек Көкүл|Кокул Замир Кайрат Медер Эламан Исламбек "
        "Шайлообек Эркин Сапар Токтосун Жусуп Абдыкадыр Бообек Дөөлөт|Довлет Нурдин Атай"
    ),
    female=_split(
        "Айгерим Айзада Гүлнара|Гульнара Жылдыз Нургүл|Нургуль Айпери Бегимай Асел Чолпон Мээрим "
        "Динара Назира Айжан Бүбүсара|Бюбюсара Гүлзат|Гульзат Элнура Айсулуу Акмөөр|Акмоор Мөлдир|Мольдир "
        "Жаңыл|Жаныл Айнура Бактыгүл|Бактыгуль Гүлмира|Гульмира Перизат Сезим Адинай Калыйман Каныкей "
        "Жибек Назгүл|Назгуль Аида Алтынай Бурулай Гүлайым|Гулайым Уулжан Кундуз Толгонай Салтанат "
        "Айдана Эльвира Зарема Нуриза Жумагүл|Жумагуль Айтурган Асылкан Канышай"
    ),
    surnames=_split(
        "Асанов Токтосунов Мамытов Садыков Жумабаев Турдубаев Абдыкадыров Осмонов Бакиев Эшматов "
        "Ташиев Кадыров Акматов Сыдыков Үсөнов|Усенов Жээнбеков Бекназаров Маматов Исаков "
        "Шаршеналиев Орозбеков Касымбеков Мырзабеков Токтогулов Карыбеков Абдрахманов Алымбеков "
        "Бейшеналиев Дүйшөнбеков|Дуйшенбеков Жапаров Кулубаев Молдокматов Ныязов Өмүралиев|Омуралиев "
        "Сатыбалдиев Талипов Тыныбеков Уметалиев Чотонов Эргешов Жусупов Арзыбаев Байгазиев "
        "Сагынбаев Абдыраимов Курманбеков Нурманбетов Маматкулов Ташполотов"
    ),
    uulu_share=0.35,
)

UZBEK = NamePool(
    male=_split(
        "Шерзод Бахтиёр Улугбек Жасур Дилшод Азизбек Илхом Фаррух Ботир Рустам Ислом Акбар Алишер "
        "Равшан Шухрат Отабек Журабек Баходир Даврон Хуршид Мухаммадали Абдулла Нодир Тимур Зафар"
    ),
    female=_split(
        "Дилноза Мохира Гулнора Нилуфар Шахноза Зарина Феруза Малика Наргиза Умида Дилфуза Мадина "
        "Гулчехра Саодат Юлдуз Зулфия Барно Махлиё Севара Ширин"
    ),
    surnames=_split(
        "Рахимов Юсупов Турсунов Каримов Эргашев Мирзаев Абдуллаев Холматов Назаров Султанов Умаров "
        "Исмоилов Хамидов Мамажонов Абдужалилов Тожибоев Жураев Каримжонов Усмонов Хакимов Алимов"
    ),
)

RUSSIAN = NamePool(
    male=_split("Александр Сергей Дмитрий Андрей Алексей Иван Евгений Николай Владимир Максим Павел Роман Олег Виктор"),
    female=_split("Елена Ольга Наталья Татьяна Ирина Светлана Анна Мария Екатерина Юлия Оксана Людмила Галина Вера"),
    surnames=_split(
        "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Федоров Морозов Волков "
        "Лебедев Семенов Егоров Павлов Козлов Степанов Никитин Макаров"
    ),
)

DUNGAN = NamePool(
    male=_split("Мухамед Юсуп Исмаил Хусей Ибрагим Ахмед Усман Дауд Мансур Ильяс Хасан Абдулла"),
    female=_split("Фатима Айша Хадижа Мариям Ханифа Зейнаб Амина Сания Рабия Халима"),
    surnames=_split("Ма Ху Ян Лю Ван Шиваза Ванахун Дауров Мансуров Сулейманов Хасанов Ясыров Шимаров Баев"),
)

TAJIK = NamePool(
    male=_split("Фирдавс Фаридун Сухроб Шамсиддин Мирзо Баходур Джамшед Носир Рустам Умед Абдулло"),
    female=_split("Мехрангез Тахмина Парвина Манижа Нигина Фарзона Гулрухсор Зарина Шабнам"),
    surnames=_split("Рахмонов Саидов Назаров Шарипов Холов Сафаров Раджабов Давлатов Каримов Одинаев"),
)

TURKMEN = NamePool(
    male=_split("Мерген Довлет Батыр Гурбан Аман Сердар Мекан Бегенч Арслан Ровшен"),
    female=_split("Огулджан Гульшат Джерен Майса Огулгерек Айна Бахар Гозел Мая"),
    surnames=_split("Аманов Байрамов Овезов Бердыев Атаев Чарыев Мурадов Гельдыев Ходжаев Нурыев"),
)

POOLS: dict[str, NamePool] = {
    "kyrgyz": KYRGYZ,
    "uzbek": UZBEK,
    "russian": RUSSIAN,
    "dungan": DUNGAN,
    "tajik": TAJIK,
    "turkmen": TURKMEN,
}


def spelling(entry: str) -> tuple[str, str | None]:
    """The Kyrgyz Cyrillic spelling of a pool entry and its Russian one, if the pool gives it."""
    kyrgyz, _, russian = entry.partition("|")
    return kyrgyz, russian or None


def feminine_surname(surname: str) -> str:
    return surname + "а" if surname.endswith(("ов", "ев", "ин")) else surname


def russian_patronymic(father: str, sex: str) -> str:
    """Russian-style patronymic from a father's given name (``Асан`` → ``Асанович``/``Асановна``)."""
    if father.endswith("й"):
        return father[:-1] + ("евич" if sex == "M" else "евна")
    if father.endswith(("а", "я", "о", "е", "и", "у", "ы", "э")):
        return father + ("евич" if sex == "M" else "евна")
    return father + ("ович" if sex == "M" else "овна")


def kyrgyz_patronymic(father: str, sex: str) -> str:
    """Kyrgyz-style patronymic: ``Асан уулу`` (son of Asan) or ``Асан кызы`` (daughter of Asan)."""
    return f"{father} {'уулу' if sex == 'M' else 'кызы'}"
