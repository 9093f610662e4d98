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


def test_vowels_a_russian_list_changes_leave_the_skeleton_alone():
    assert skeleton(token_key("Төлөгөн")) == skeleton(token_key("Тёлеген")) == skeleton(token_key("Тологон"))
    assert skeleton(token_key("Бакыт")) != skeleton(token_key("Бакир"))
