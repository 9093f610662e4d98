"""Comparing two full names, part by part, with reasons."""

import pytest

from mekendesh.names import NameComparison, compare_names, jaro_winkler

SAME_PERSON = [
    ("Жээнбек Кулубаев", "Jeenbek Kulubaev"),
    ("Жээнбек Кулубаев", "Кулубаев Женбек"),
    ("Жээнбек Кулубаев", "ZHEENBEK KULUBAEV"),
    ("Садыр Жапаров", "Sadyr Japarov"),
    ("Садыр Жапаров", "Sadyr Zhaparov"),
    ("Талант Мамытов", "Talant Mamytov"),
    ("Алмаз Имангазиев", "Almaz Imangaziev"),
    ("Döwletgeldi Çaryýew", "Довлетгелди Чарыев"),
    ("Saodat Olimowa", "Саодат Олимова"),
    ("Нурлан уулу Бакыт", "Bakyt Nurlan uulu"),
    ("Айпери Мөңкөбаева", "Aiperi Monkobaeva"),
    ("Гурбангулы Бердымухамедов", "Gurbanguly Berdimuhamedow"),
    ("Бүбүсара Бейшеналиева", "Bubusara Beyshenalieva"),
    ("Қасым-Жомарт Тоқаев", "Kassym-Jomart Tokayev"),
    ("Эмомалӣ Раҳмон", "Emomali Rahmon"),
    ("Shavkat Mirziyoyev", "Шавкат Мирзиёев"),
    ("Мухтарбек Асанов", "Muxtarbek Asanov"),
]


@pytest.mark.parametrize(("left", "right"), SAME_PERSON)
def test_spellings_of_one_person_score_high(left, right):
    result = compare_names(left, right)
    assert result.score >= 0.95, result
    assert result == compare_names(left, right)  # deterministic


@pytest.mark.parametrize(("left", "right"), SAME_PERSON)
def test_comparison_is_symmetric(left, right):
    assert compare_names(left, right).score == compare_names(right, left).score


DIFFERENT_PEOPLE = [
    ("Садыр Жапаров", "Талант Мамытов"),
    ("Жээнбек Кулубаев", "Алмаз Имангазиев"),
    ("Айпери Мөңкөбаева", "Бүбүсара Бейшеналиева"),
    ("Döwletgeldi Çaryýew", "Gurbanguly Berdimuhamedow"),
    ("Нурлан уулу Бакыт", "Азамат уулу Эрлан"),
]


@pytest.mark.parametrize(("left", "right"), DIFFERENT_PEOPLE)
def test_different_people_score_low(left, right):
    assert compare_names(left, right).score < 0.6


def test_a_namesake_with_a_similar_surname_stays_below_a_match():
    assert compare_names("Shavkat Mirziyoyev", "Shavkat Mirzoev").score < 0.9


def test_relatives_with_one_surname_are_not_a_match():
    result = compare_names("Бакыт Асанов", "Бакир Асанов")
    assert 0.5 < result.score < 0.8
    given = result.part("given")
    assert given is not None and given.reason.startswith("different")


def test_every_part_has_a_score_and_a_reason():
    result = compare_names("КАСЫМОВ Шамбетали Казыбекович", "Kasymov Shambetali")
    assert isinstance(result, NameComparison)
    parts = {p.part: p for p in result.parts}
    assert parts["surname"].reason == "same key" and parts["surname"].score == 1.0
    assert parts["given"].reason == "same key"
    assert parts["patronymic"].reason == "missing on right"
    assert result.score >= 0.95  # a missing patronymic costs nothing


def test_swapped_order_is_reported():
    result = compare_names("Жапаров Садыр", "Жапаров Садыр").parts
    assert all(p.reason == "same key" for p in result)
    swapped = compare_names("Mamytov, Talant", "Mamytov Talant")  # comma: surname first
    assert swapped.score == 1.0
    odd = compare_names("Talant, Mamytov", "Talant Mamytov")  # the list put the given name first
    assert odd.score > 0.9
    assert any("swapped order" in p.reason for p in odd.parts)


def test_a_typo_is_a_spelling_variant():
    result = compare_names("Жээнбек Кулубаев", "Жээнбек Кулубеав")
    surname = result.part("surname")
    assert surname is not None and surname.reason.startswith("typo")
    assert 0.85 <= result.score < 1.0


def test_an_initial_matches_the_full_name():
    result = compare_names("Kasymov S.", "Касымов Шамбетали")
    given = result.part("given")
    assert given is not None and given.reason == "initial"
    assert result.score > 0.85
    assert compare_names("Kasymov T.", "Касымов Шамбетали").score < 0.6


def test_fathers_name_and_russian_patronymic_agree():
    result = compare_names("Бакыт Нурлан уулу Асанов", "Асанов Бакыт Нурланович")
    patronymic = result.part("patronymic")
    assert patronymic is not None and patronymic.reason == "same father's name"
    assert result.score > 0.95


def test_stray_words_do_not_count():
    result = compare_names("Садыр Жапаров (Мекеним Кыргызстан)", "Sadyr Japarov")
    assert result.score == 1.0
    extra = result.part("extra")
    assert extra is not None and extra.reason == "ignored"


def test_empty_names_score_zero():
    assert compare_names("", "Садыр Жапаров").score == 0.0
    assert compare_names("", "").score == 0.0


def test_jaro_winkler_matches_textbook_values():
    assert jaro_winkler("martha", "marhta") == pytest.approx(0.961, abs=1e-3)
    assert jaro_winkler("dwayne", "duane") == pytest.approx(0.84, abs=1e-3)
    assert jaro_winkler("dixon", "dicksonx") == pytest.approx(0.813, abs=1e-3)
    assert jaro_winkler("", "abc") == 0.0
    assert jaro_winkler("abc", "abc") == 1.0


def test_a_fathers_name_turned_surname_matches_the_kyrgyz_form():
    result = compare_names("Нурлан уулу Бакыт", "Нурланов Бакыт")
    surname = result.part("surname")
    assert surname is not None and surname.reason == "surname from father's name"
    assert result.score > 0.9
    assert compare_names("Нурлан уулу Бакыт", "Асанов Бакыт").score < 0.6


def test_russian_initials_match_given_name_and_patronymic():
    full = "КАСЫМОВ Шамбетали Казыбекович"
    assert compare_names("Касымов Ш.К.", full).score > 0.9
    assert compare_names("Касымов Ш.Т.", full).score < compare_names("Касымов Ш.К.", full).score


def test_vowels_russian_writing_confuses_are_a_variant():
    result = compare_names("Үсөн Асанов", "Усен Асанов")
    given = result.part("given")
    assert given is not None and given.reason.startswith("vowel variant")
    assert result.score > 0.9
    assert compare_names("Әсел Омарова", "Есел Омарова").score > 0.9
    assert compare_names("Марат Асанов", "Мурат Асанов").score < 0.7


def test_male_and_female_forms_of_a_surname_are_relatives():
    result = compare_names("Айпери Кулубаева", "Айпери Кулубаев")
    surname = result.part("surname")
    assert surname is not None and surname.reason == "other sex form of the surname"
    assert result.score < 0.8


def test_a_russian_yo_and_its_plain_e_spelling_compare_as_a_vowel_variant():
    result = compare_names("Семёнов Пётр", "СЕМЕНОВ ПЕТР")
    assert result.score >= 0.8
    surname = result.part("surname")
    assert surname is not None and "vowel variant" in surname.reason
