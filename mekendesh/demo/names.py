"""Name pools for demo people, as the passports of their country write them.

Kyrgyzstan's pools (:data:`POOLS`) are written as in Kyrgyz passports' Cyrillic: each entry is the Kyrgyz Cyrillic spelling, optionally followed by ``|`` and the conventional
Russian spelling where it is not what :func:`mekendesh.names.spelling_variants` derives
(``Гүлнара|Гульнара``). Surnames are given in their masculine form; the feminine adds ``-а``
where the surname ends in ``-ов``, ``-ев`` or ``-ин``.

The groups are those found among Kyrgyzstan's citizens: Kyrgyz, Uzbek, Russian, Dungan, Tajik
and Turkmen.

The pools of the other countries of origin follow (Turkmen in Turkmen Latin, Tajik in Tajik
Cyrillic, Uzbek and Karakalpak in Uzbek Latin, Kazakh in Russian spelling); the profiles of
:mod:`mekendesh.demo.profiles` say which script each is written in, and how it is written in the
country's script and in Russian.
"""

from __future__ import annotations

from dataclasses import dataclass

from mekendesh.names import spelling_variants


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


def russian_of_kyrgyz(word: str) -> str:
    """Russian spelling of a Kyrgyz Cyrillic word: only the Kyrgyz letters ң, ө, ү change."""
    if any(letter in word.lower() for letter in "ңөү"):
        return spelling_variants(word)["russian"][0]
    return word


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


# --- the pools of the other countries of origin ---------------------------------------------
# Entries in the script the pool names, optionally followed by ``|`` and the conventional Russian
# spelling where it is not what the script's rules give (mekendesh.demo.spelling).

# Turkmen names in Turkmen Latin, as Turkmen passports write them (with their Russian spellings).
TURKMEN_LATIN = NamePool(
    male=_split(
        "Batyr Serdar Merdan Döwlet|Довлет Gurban Aman Mekan Begenç|Бегенч Arslan Rowşen|Ровшен Myrat|Мурат "
        "Atamyrat|Атамурат Begmyrat|Бегмурат Dowran|Довран Maksat Parahat Nurmuhammet|Нурмухаммет Ylýas|Ильяс "
        "Ahmet Azat Bahtiýar|Бахтияр Berdi|Берды Kakajan|Какаджан Oraz Hojamyrat|Ходжамурат Resul "
        "Şatlyk|Шатлык Süleýman|Сулейман Ýusup|Юсуп Gurbanguly|Гурбангулы Guwanç|Гуванч Meret Sapar Eziz|Эзиз "
        "Kemal|Кемал Mämmet|Мамед Nury|Нуры Annamyrat|Аннамурад Rahman|Рахман Öwez|Овез Ata "
        "Orazmyrat|Оразмурат Perhat|Перхат Agageldi|Агагельды Jumamyrat|Джумамурат Täçmyrat|Тачмурат "
        "Ýazmyrat|Язмурат Dürdi|Дурды Hudaýberdi|Худайберды"
    ),
    female=_split(
        "Jeren|Джерен Gülşat|Гульшат Maýsa|Майса Ogulgerek|Огульгерек Aýna|Айна Bahar|Бахар Gözel|Гозель "
        "Maýa|Мая Ogulnabat|Огульнабат Gülnara|Гульнара Aýgül|Айгуль Enejan|Энеджан Läle|Лале Sülgün|Сульгун "
        "Jahan|Джахан Mähri|Мяхри Nurjahan|Нурджахан Ogulbike|Огульбике Şirin|Ширин Merjen|Мерджен "
        "Aýjemal|Айджемал Bägül|Бягуль Selbi|Сельби Aknabat|Акнабат Jennet|Дженнет Täzegül|Тязегуль "
        "Leýla|Лейла Zöhre|Зохре Mahym|Махым Ogulşirin|Огульширин Gülälek|Гулялек Aýsoltan|Айсолтан "
        "Sona|Сона Dünýä|Дунья"
    ),
    surnames=_split(
        "Meredow Amanow Baýramow|Байрамов Öwezow|Овезов Berdiýew|Бердыев Ataýew|Атаев Çaryýew|Чарыев "
        "Myradow|Мурадов Geldiýew|Гельдыев Hojaýew|Ходжаев Nuryýew|Нурыев Orazow Gurbanow Annaýew|Аннаев "
        "Durdyýew|Дурдыев Kakaýew|Какаев Saparow Täçmyradow|Тачмурадов Hydyrow|Хыдыров Garaýew|Караев "
        "Allaberdiýew|Аллабердыев Rejepow|Реджепов Jumaýew|Джумаев Nepesow|Непесов Babaýew|Бабаев "
        "Pirliýew|Пирлиев Hudaýberdiýew|Худайбердыев Mämmedow|Мамедов Gylyjow|Гылыджов Ýazmyradow|Язмурадов "
        "Begmyradow|Бегмурадов Esenow|Есенов Ahmedow|Ахмедов Rahmanow|Рахманов Annamuhammedow|Аннамухаммедов "
        "Orazmuhammedow|Оразмухаммедов Söýünow|Союнов Baýlyýew|Байлыев Halmyradow|Халмурадов Şyhyýew|Шихиев"
    ),
)

# Tajik names in Tajik Cyrillic (the Russian spelling follows by the letters: ҳ → х, ҷ → дж …);
# surnames in -ов/-ев, in -зода and in -ӣ, as Tajik passports carry them today.
TAJIK_CYRILLIC = NamePool(
    male=_split(
        "Фирдавс Фаридун Суҳроб Шамсиддин Мирзо Баҳодур Ҷамшед Носир Рустам Умед Абдулло Фаррух Далер Илҳом "
        "Алишер Манучеҳр Парвиз Зафар Дилшод Фирӯз Комрон Шаҳром Беҳруз Исмоил Ҳусейн Навруз Сорбон Хуршед "
        "Бахтиёр Абдураҳмон Наҷмиддин Ҳикматулло Қурбон Шоҳрух Муҳаммад Азиз Аброр Амирҷон Саидҷон"
    ),
    female=_split(
        "Меҳрангез Таҳмина Парвина Манижа Нигина Фарзона Гулрухсор Зарина Шабнам Мадина Дилноза Нилуфар "
        "Сабоҳат Гулчеҳра Моҳира Зулайхо Ситора Фотима Шаҳноза Малика Дилафрӯз Наргис Мунира Озода Рухшона "
        "Саида Меҳри Ширин Гулноза Бунафша Замира Мавзуна Сурайё Зебо"
    ),
    surnames=_split(
        "Раҳмонов Саидов Назаров Шарипов Холов Сафаров Раҷабов Давлатов Каримов Одинаев Раҳимов Қурбонов "
        "Ҳасанов Мирзоев Исмоилов Бобоев Ғафуров Ҷураев Аминов Юсуфов Латипов Зоиров Файзуллоев Абдуллоев "
        "Шарифов Назриев Амонов Қодиров Ҳайдаров Зиёев Раҳимзода Каримзода Ҳасанзода Шарифзода Абдуллозода "
        "Назарзода Давлатзода Сафарзода Мирзозода Қурбонзода Раҷабзода Юсуфзода Амонзода Шарифӣ Саидӣ "
        "Ҷалолӣ Раҳмонӣ"
    ),
)

# The Uzbeks of Tajikistan, their names as Tajik passports write them (Tajik Cyrillic).
UZBEK_TAJIK_CYRILLIC = NamePool(
    male=_split(
        "Улуғбек Шуҳрат Баҳодир Ботир Равшан Дилмурод Отабек Азизбек Санҷар Ҷаҳонгир Тоҳир Шерзод Хуршид Анвар"
    ),
    female=_split("Гулноза Дилфуза Муҳаббат Нодира Зулфия Гулчеҳра Шоира Ҳилола Наргиза Феруза Мавлуда Дилором"),
    surnames=_split(
        "Тошматов Эргашев Юлдошев Турсунов Холматов Мамадалиев Абдуллаев Содиқов Ҷӯраев Усмонов Ҳакимов "
        "Алимов Рӯзиев Мирзаев Тоҷибоев Ҳамроев"
    ),
)

# Uzbek names in Uzbek Latin, oʻ and gʻ with U+02BB as the alphabet writes them.
UZBEK_LATIN = NamePool(
    male=_split(
        "Jasur Sherzod Baxtiyor|Бахтиёр Ulugʻbek|Улугбек Dilshod Azizbek Ilhom|Ильхом Farrux|Фаррух Botir Rustam "
        "Islom Akbar Alisher Ravshan Shuhrat|Шухрат Otabek Joʻrabek|Джурабек Bahodir Davron Xurshid Abdulla "
        "Nodir Temur Zafar Sardor Jamshid|Джамшид Anvar Akmal Bekzod Doniyor Eldor Elyor Oybek|Ойбек Sanjar "
        "Shoxrux|Шохрух Umid Javohir|Джавохир Komil Qahramon|Кахрамон Oʻtkir|Уткир Gʻayrat|Гайрат Behzod "
        "Mirjalol|Мирджалол Olim Rahmatillo|Рахматилло"
    ),
    female=_split(
        "Dilnoza Mohira Gulnora Nilufar Shahnoza Zarina Feruza Malika Nargiza Umida Dilfuza Madina "
        "Gulchehra|Гульчехра Saodat Yulduz Zulfiya|Зульфия Barno Mahliyo Sevara Shirin Oʻgʻiloy|Угилой Nodira "
        "Hilola|Хилола Maftuna Sitora Durdona Kamola Munisa Gulbahor|Гульбахор Zebo Mavluda Shahlo Dildora "
        "Iroda Ziyoda Lola Nasiba Oydin|Ойдин"
    ),
    surnames=_split(
        "Karimov Rahimov|Рахимов Yusupov Tursunov Ergashev Mirzayev Abdullayev Xolmatov Nazarov Sultonov Umarov "
        "Ismoilov|Исмоилов Hamidov Mamajonov|Мамаджонов Abdujalilov|Абдуджалилов Toʻxtayev Joʻrayev Usmonov Hakimov|Хакимов "
        "Alimov Qodirov Sobirov Rasulov Yoʻldoshev|Юлдашев Toshmatov Saidov|Саидов Azimov Sharipov Musayev "
        "Ahmedov|Ахмедов Boboyev Xudoyberdiyev|Худайбердиев Normatov Eshmatov Qosimov|Касымов Zokirov|Закиров "
        "Gʻulomov|Гулямов Oʻrinov Safarov Haydarov|Хайдаров Fayzullayev Murodov Olimov"
    ),
)

# Karakalpak names as Uzbek passports write them (Uzbek Latin).
KARAKALPAK_LATIN = NamePool(
    male=_split(
        "Berdaq|Бердах Ajiniyaz|Ажинияз Dauletbay|Даулетбай Marat Rustem Azamat Arislan|Арыслан Polat Timur "
        "Ruslan Aybek|Айбек Baxtiyar|Бахтияр Muratbay|Муратбай Janibek|Жанибек Sarsenbay|Сарсенбай"
    ),
    female=_split(
        "Gulnaz|Гульназ Ayimxan|Айымхан Roza Aygul|Айгуль Saule|Сауле Zamira Gulmira|Гульмира Dilbar|Дильбар "
        "Aziza Ayjamal|Айжамал Gulshara|Гульшара Janar|Жанар Raygul|Райгуль"
    ),
    surnames=_split(
        "Seytmuratov|Сейтмуратов Allambergenov Kalimbetov Tajimuratov|Тажимуратов Orazimbetov|Оразымбетов "
        "Reymov|Реймов Aytmuratov|Айтмуратов Dauletov Bekmuratov Pirnazarov Kamalov Embergenov Sapayev "
        "Tleumuratov Nurimbetov|Нурымбетов"
    ),
)

# Kazakh names in Russian spelling (the Kazakhs of Turkmenistan and Uzbekistan).
KAZAKH = NamePool(
    male=_split("Нурлан Ерлан Серик Асхат Данияр Ержан Кайрат Марат Талгат Арман Даурен Жандос Бахытжан Ербол Мурат"),
    female=_split("Айгерим Жанар Гульнара Динара Асель Сауле Айжан Мадина Жансая Акерке Салтанат Гульмира Алия"),
    surnames=_split(
        "Сейткалиев Ахметов Жумабаев Нурланов Омаров Искаков Сулейменов Абдрахманов Бекмуханов Турсунбаев "
        "Есенов Утебаев Кенжебаев Байжанов Тулегенов"
    ),
)
