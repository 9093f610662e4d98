"""Parsing full names into surname, given names and patronymic, in any order."""

import pytest

from mekendesh.names import ParsedName, parse_name


def test_kyrgyz_fathers_name_form_is_the_patronymic_in_either_order():
    for text in ("Нурлан уулу Бакыт", "Bakyt Nurlan uulu"):
        parsed = parse_name(text)
        assert parsed.surname is None
        assert len(parsed.given) == 1
        assert parsed.patronymic in ("Нурлан уулу", "Nurlan uulu")
        assert parsed.sex_hint == "M"
    assert parse_name("Нурлан уулу Бакыт").keys() == parse_name("Bakyt Nurlan uulu").keys()


def test_russian_order_with_upper_case_surname_and_patronymic():
    parsed = parse_name("КАСЫМОВ Шамбетали Казыбекович")
    assert parsed == ParsedName(surname="КАСЫМОВ", given=("Шамбетали",), patronymic="Казыбекович", sex_hint="M")


def test_daughter_form_gives_a_female_hint():
    parsed = parse_name("Aigerim Asan qyzy")
    assert parsed.given == ("Aigerim",)
    assert parsed.patronymic == "Asan qyzy"
    assert parsed.sex_hint == "F"
    assert parse_name("Айгерим Асан кызы").sex_hint == "F"
    assert parse_name("Гульнара Ахмедовна Исмаилова").sex_hint == "F"


@pytest.mark.parametrize(
    ("text", "patronymic", "sex"),
    [
        ("Ali Valiyev o'g'li", "Valiyev o'g'li", "M"),
        ("Dilnoza Karimova Anvar qizi", "Anvar qizi", "F"),
        ("Нұрлан Асқарұлы Сейітов", "Асқарұлы", "M"),
        ("Mekan Amanow Baýram ogly", "Baýram ogly", "M"),
        ("Maral Amanowa Baýram gyzy", "Baýram gyzy", "F"),
        ("Жанар Ерланқызы Әлиева", "Ерланқызы", "F"),
    ],
)
def test_turkic_patronymics_are_found_with_the_sex_they_imply(text, patronymic, sex):
    parsed = parse_name(text)
    assert parsed.patronymic == patronymic
    assert parsed.sex_hint == sex


def test_surname_comma_given():
    parsed = parse_name("Kulubaev, Jeenbek")
    assert parsed.surname == "Kulubaev"
    assert parsed.given == ("Jeenbek",)


@pytest.mark.parametrize(
    ("text", "surname", "given"),
    [
        ("Жээнбек Кулубаев", "Кулубаев", ("Жээнбек",)),
        ("Кулубаев Женбек", "Кулубаев", ("Женбек",)),
        ("Sadyr Japarov", "Japarov", ("Sadyr",)),
        ("Döwletgeldi Çaryýew", "Çaryýew", ("Döwletgeldi",)),
        ("Saodat Olimowa", "Olimowa", ("Saodat",)),
        ("Айпери Мөңкөбаева", "Мөңкөбаева", ("Айпери",)),
        ("Гурбангулы Бердымухамедов", "Бердымухамедов", ("Гурбангулы",)),
        ("Эмомалӣ Раҳмон", "Раҳмон", ("Эмомалӣ",)),
        ("Emomali Rahmon", "Rahmon", ("Emomali",)),
        ("MAMYTOV Talant", "MAMYTOV", ("Talant",)),
        ("Қасым-Жомарт Тоқаев", "Тоқаев", ("Қасым-Жомарт",)),
        ("Shavkat Mirziyoyev", "Mirziyoyev", ("Shavkat",)),
    ],
)
def test_surname_is_found_by_its_ending_or_case(text, surname, given):
    parsed = parse_name(text)
    assert (parsed.surname, parsed.given) == (surname, given)


def test_female_surname_ending_gives_a_female_hint():
    assert parse_name("Айпери Мөңкөбаева").sex_hint == "F"
    assert parse_name("Saodat Olimowa").sex_hint == "F"
    assert parse_name("Садыр Жапаров").sex_hint == "M"
    assert parse_name("Emomali Rahmon").sex_hint is None


def test_party_and_organisation_words_are_stray():
    parsed = parse_name("Жапаров Садыр Нургожоевич (Мекеним Кыргызстан)")
    assert parsed.surname == "Жапаров"
    assert parsed.given == ("Садыр",)
    assert parsed.patronymic == "Нургожоевич"
    assert parsed.extra == ("Мекеним", "Кыргызстан")
    assert "Ата-Мекен" in parse_name("Текебаев Омурбек партия Ата-Мекен").extra
    assert parse_name("Imangaziev Almaz - Ata-Jurt").extra == ("Ata-Jurt",)


def test_keys_of_the_parts():
    keys = parse_name("КАСЫМОВ Шамбетали Казыбекович").keys()
    assert keys == {
        "surname": "kasimov",
        "given": "xambetali",
        "patronymic": "kazibekovic",
        "extra": "",
    }
    assert parse_name("Нурлан уулу Бакыт").keys()["patronymic"] == "nurlan uulu"


def test_empty_and_single_word_names():
    assert parse_name("") == ParsedName()
    single = parse_name("Бакыт")
    assert single.given == ("Бакыт",) and single.surname is None


def test_run_together_initials_are_given_name_and_patronymic():
    parsed = parse_name("Касымов Ш.К.")
    assert (parsed.surname, parsed.given, parsed.patronymic) == ("Касымов", ("Ш",), "К")


def test_hyphenated_connector_is_split():
    parsed = parse_name("Нурлан-уулу Бакыт")
    assert parsed.patronymic == "Нурлан уулу"
    assert parsed.family == "Нурлан уулу"


def test_words_after_a_comma_that_follows_a_full_name_are_stray():
    parsed = parse_name("Мамытов Талант, партия Ата-Журт")
    assert (parsed.surname, parsed.given) == ("Мамытов", ("Талант",))
    assert parsed.extra == ("партия", "Ата-Журт")


def test_birth_year_after_a_name_is_stray():
    parsed = parse_name("Мирзоев Фаррух Азизович 1990 г.р.")
    assert parsed.given == ("Фаррух",)
    assert "1990" in parsed.extra


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Ширин Мередова", "Мередова"),
        ("Эркин Усонбекович Юмоталиев", "Юмоталиев"),
        ("Фаррух Шарифзода", "Шарифзода"),
        ("Пушкин Александр Сергеевич", "Пушкин"),
        ("Мадина Асанова", "Асанова"),
        ("Нигина Рахимова", "Рахимова"),
        ("Зарина Алиева", "Алиева"),
        ("Алиева Зарина", "Алиева"),
        ("Эркин Асанов", "Асанов"),
        ("Мередова Ширин", "Мередова"),
    ],
)
def test_a_clear_surname_ending_beats_an_ending_given_names_share(text, surname):
    assert parse_name(text).surname == surname


def test_a_mistyped_russian_patronymic_is_still_the_patronymic():
    parsed = parse_name("Оскон Бакытоивч Усонов")
    assert (parsed.surname, parsed.given, parsed.patronymic) == ("Усонов", ("Оскон",), "Бакытоивч")
    assert parse_name("Абдыкадырова Таттыбубу Азимбековны").patronymic == "Азимбековны"


@pytest.mark.parametrize(
    "text", ["Мирлан уулу Нурдин", "Нурдин Мирлан уулу", "Mirlan uulu Nurdin", "Асан уулу Эркин", "Бакыт кызы Мадина"]
)
def test_a_given_name_ending_in_in_beside_a_fathers_name_group_is_the_given_name(text):
    parsed = parse_name(text)
    assert parsed.surname is None
    assert len(parsed.given) == 1 and parsed.patronymic is not None


def test_a_real_surname_beside_a_fathers_name_group_stays_the_surname():
    parsed = parse_name("Мирлан уулу Асанов")
    assert parsed.surname == "Асанов" and parsed.patronymic == "Мирлан уулу"


def test_parsing_and_word_keys_are_cached_inside_the_library():
    from mekendesh.names import token_key
    from mekendesh.names.parse import _parse_cached

    parse_name("Кулубаев Жээнбек Асанович")
    hits = _parse_cached.cache_info().hits
    parse_name("Кулубаев Жээнбек Асанович")
    assert _parse_cached.cache_info().hits == hits + 1
    key_hits = token_key.cache_info().hits
    token_key("Кулубаев")
    assert token_key.cache_info().hits == key_hits + 1


def test_the_word_before_a_russian_patronymic_is_the_given_name():
    parsed = parse_name("Мирлан Доолотбекович Омурбекв")  # a typo took the surname's ending
    assert (parsed.surname, parsed.given, parsed.patronymic) == ("Омурбекв", ("Мирлан",), "Доолотбекович")


def test_an_initial_g_is_an_initial_not_the_abbreviation_of_a_year_or_city():
    parsed = parse_name("Фролов Г.Е.")
    assert (parsed.surname, parsed.given, parsed.patronymic, parsed.extra) == ("Фролов", ("Г",), "Е", ())
    assert "г." in parse_name("Асанов Бакыт, г. Бишкек").extra
