"""The columns the engine compares, computed in Python."""

import pytest

from mekendesh.linkage.features import patronymic_root, skeleton
from mekendesh.names import token_key


@pytest.mark.parametrize(
    ("patronymic", "father"),
    [
        ("Асанбекович", "Асанбек"),
        ("Бекболотавна", "Бекболот"),
        ("Алишеровны", "Алишер"),
        ("Мухтарбековин", "Мухтарбек"),
        ("Бактыярвна", "Бактыяр"),
        ("Шухратовч", "Шухрат"),
    ],
)
def test_a_patronymic_with_a_typo_in_its_ending_still_gives_the_fathers_name(patronymic, father):
    assert patronymic_root(token_key(patronymic)) == token_key(father)


@pytest.mark.parametrize(
    ("kazakh", "russian"),
    [
        ("Сәбитұлы", "Сабитович"),
        ("Kemeluly", "Кемелевич"),
        ("Шамшиденқызы", "Шамшиденовна"),
        ("Asanqyzy", "Асановна"),
    ],
)
def test_a_kazakh_patronymic_and_its_russian_form_give_one_fathers_name(kazakh, russian):
    assert patronymic_root(token_key(kazakh), known=True) == patronymic_root(token_key(russian), known=True)


def test_a_turkmen_given_name_in_guly_keeps_its_ending():
    assert patronymic_root(token_key("Gurbanguly"), known=True) == token_key("Gurbanguly")


def test_vowels_a_russian_list_changes_leave_the_skeleton_alone():
    assert skeleton(token_key("Төлөгөн")) == skeleton(token_key("Тёлеген")) == skeleton(token_key("Тологон"))
    assert skeleton(token_key("Бакыт")) != skeleton(token_key("Бакир"))


@pytest.mark.parametrize(
    ("full_name", "father"),
    [
        ("Морозова Юлия Юрьевна", "urevna"),
        ("Ирина Юрьевна Андреева", "urevna"),
        ("Умарова Нилуфар Рустамова", "rustam"),
        ("Абдрахманова Айжан Мамытона", "mamit"),
        ("ЖАПАРОВА Бубусара Токонова", "tokon"),
    ],
)
def test_a_third_word_like_a_patronymic_is_the_fathers_name(full_name, father):
    from mekendesh.linkage.features import name_parts
    from mekendesh.linkage.io import Record

    assert name_parts(Record(id="1", full_name=full_name))[2] == father


def test_a_second_given_name_is_not_taken_for_a_patronymic():
    from mekendesh.linkage.features import name_parts
    from mekendesh.linkage.io import Record

    assert name_parts(Record(id="1", full_name="Иванова Анна Мария"))[2] is None
