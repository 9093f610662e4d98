"""Latin spellings of other languages and the accidents of typed lists meet the keys of the
Cyrillic and passport spellings (mekendesh.names.romanize)."""

from __future__ import annotations

import pytest

from mekendesh.names import token_key
from mekendesh.names.romanize import repair_spacing, respell, respell_name, spellings


def _key(word: str) -> str:
    return token_key(respell(word))


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Bajtemir", "Байтемир"),  # j for й, y for ы in one name
        ("Ishenbaj", "Ишенбай"),
        ("Kojbagarow", "Койбагаров"),
        ("Jurij", "Юрий"),  # a word that writes й as j writes ю as ju
    ],
)
def test_a_j_after_a_vowel_is_the_glide_and_so_is_every_j_of_that_word(latin: str, cyrillic: str) -> None:
    assert _key(latin) == token_key(cyrillic)


def test_a_j_before_a_vowel_in_a_word_without_a_glide_j_stays_zh() -> None:
    assert _key("Japarov") == token_key("Жапаров")
    assert _key("Aijan") == token_key("Айжан")


@pytest.mark.parametrize(
    ("german", "cyrillic"),
    [
        ("Tschyngyschew", "Чыңгышев"),  # Tschyngyschew and Чыңгышев are one surname
        ("Chamidow", "Хамидов"),  # w with ch: German, ch is х
        ("Schamschijew", "Шамшиев"),  # sch is ш, j is й
        ("Dschumabek", "Жумабек"),  # dsch is дж
        ("Dshumabek", "Жумабек"),
        ("Scharschenow", "Шаршенов"),
    ],
)
def test_german_spelling_meets_the_cyrillic(german: str, cyrillic: str) -> None:
    assert _key(german) == token_key(cyrillic)


@pytest.mark.parametrize(
    ("french", "cyrillic"),
    [("Tokoumbaev", "Токумбаев"), ("Tchinguiz", "Чингиз"), ("Joumabekov", "Жумабеков"), ("Aïgoul", "Айгүл")],
)
def test_french_spelling_meets_the_cyrillic(french: str, cyrillic: str) -> None:
    assert _key(french) == token_key(cyrillic)


def test_in_turkish_spelling_c_is_zh_and_the_turkish_letters_are_read() -> None:
    assert _key("Cumabekoğlu") == token_key("Жумабекоглу")
    assert _key("Çolponbay") == token_key("Чолпонбай")
    assert _key("Cıldız") == token_key("Жылдыз")


def test_turkmen_latin_keeps_its_own_reading() -> None:
    # Turkmen has no c; ç is ч, and w before ch does not make a word German
    assert _key("Çaryýew") == token_key("Чарыев")
    assert _key("Saparow") == token_key("Сапаров")


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [("O'tkir", "Ўткир"), ("Xurshid", "Хуршид"), ("Qosimov", "Қосимов"), ("Shohrux", "Шоҳрух"), ("Jamshed", "Ҷамшед")],
)
def test_uzbek_and_tajik_latin_meet_the_cyrillic(latin: str, cyrillic: str) -> None:
    assert _key(latin) == token_key(cyrillic)


def test_cyrillic_words_and_english_latin_are_only_lower_cased() -> None:
    assert respell("Жапаров") == "жапаров"
    assert respell("Sherikbek") == "sherikbek"
    assert respell("Kassymbekov") == "kassymbekov"


def test_mixed_case_digraphs_are_one_word_with_the_same_key() -> None:
    assert repair_spacing("SHerikbek ASANOV") == "SHerikbek ASANOV"
    assert _key("SHerikbek") == token_key("Шерикбек")
    assert _key("CHolponbek") == token_key("Чолпонбек")


def test_two_words_run_together_are_split() -> None:
    assert repair_spacing("AigulMamatovna Mamatova") == "Aigul Mamatovna Mamatova"
    assert repair_spacing("ИскандарХуршедович Бобоев") == "Искандар Хуршедович Бобоев"


def test_a_word_split_by_a_stray_space_is_joined() -> None:
    assert repair_spacing("Tokto sunov Erkin") == "Toktosunov Erkin"
    assert repair_spacing("Асан ова Айгүл") == "Асанова Айгүл"
    assert repair_spacing("Mamat ovna Aigul") == "Mamatovna Aigul"


def test_connectors_and_initials_are_not_joined() -> None:
    assert repair_spacing("Нурлан уулу Бакыт") == "Нурлан уулу Бакыт"
    assert repair_spacing("Aigerim Asan kyzy") == "Aigerim Asan kyzy"
    assert repair_spacing("Токонов Б.Т.") == "Токонов Б.Т."
    assert repair_spacing("асанов бакыт") == "асанов бакыт"


def test_a_connector_in_any_spelling_is_never_joined() -> None:
    assert repair_spacing("Кубан улу Медет") == "Кубан улу Медет"
    assert repair_spacing("Ormon qizi Aida") == "Ormon qizi Aida"


def test_what_one_word_shows_of_the_spelling_holds_for_the_whole_name() -> None:
    # j for й with -ow: German, so the s between vowels of Asamat is з
    latin, cyrillic = respell_name("Asamat Bajtemirow"), "Азамат Байтемиров"
    assert [token_key(w) for w in str(latin[0]).split()] == [token_key(w) for w in cyrillic.split()]
    assert spellings(["Ajdos", "Sejitkasijew"]) >= {"german", "glide j"}
    assert spellings(["Kurmanalijeva"]) == {"glide j"}
    assert spellings(["Sadyr", "Japarov"]) == frozenset()


def test_respelling_a_name_keeps_the_case_of_its_words() -> None:
    assert respell_name("TSCHYNGYSCHEW Talant") == ["CHYNGYSHEW Talant"]
    assert respell_name("Жапаров Садыр", None) == ["Жапаров Садыр", None]


def test_a_surname_in_capitals_run_into_the_given_name_is_split() -> None:
    assert repair_spacing("АБДЫЛДАЕВОрмон Чынгызович") == "АБДЫЛДАЕВ Ормон Чынгызович"
    assert repair_spacing("BegimaïAsylbekovna") == "Begimaï Asylbekovna"


def test_a_word_in_capitals_split_by_a_stray_space_is_joined() -> None:
    assert repair_spacing("ЖЫРГ АЛБЕКОВА Рахат Кубанычбековна") == "ЖЫРГАЛБЕКОВА Рахат Кубанычбековна"
    assert repair_spacing("ЧЫН ГЫЗ УЛУ Улан") == "ЧЫНГЫЗ УЛУ Улан"
    # a surname and a given name both in capitals stay two words
    assert repair_spacing("ASANOV BAKYT Nurlanovich") == "ASANOV BAKYT Nurlanovich"
    assert repair_spacing("ASANOV BAKYT NURLANOVICH") == "ASANOV BAKYT NURLANOVICH"


def test_w_and_ch_anywhere_in_a_name_make_it_german() -> None:
    latin = respell_name("Rachimsoda Parwina")[0]
    assert [token_key(w) for w in str(latin).split()] == [token_key("Раҳимзода"), token_key("Парвина")]


def test_dsh_and_tsch_are_read_in_a_name_without_other_signs_of_its_spelling() -> None:
    latin = respell_name("Dsheenbekov Temirlan")[0]
    assert [token_key(w) for w in str(latin).split()] == [token_key("Жээнбеков"), token_key("Темирлан")]


@pytest.mark.parametrize(
    ("name", "cyrillic"),
    [
        ("Nursultan Nasarbajew", "Нурсултан Назарбаев"),  # -ajew: German, s between vowels is з
        ("Almasbek Atambajew", "Алмазбек Атамбаев"),  # s before b is з
        ("Kochir Rassulsoda", "Кохир Расулзода"),  # -soda: German, ch is х, ss is с
    ],
)
def test_a_german_name_is_known_by_its_j_before_ew_or_its_soda(name: str, cyrillic: str) -> None:
    assert [token_key(w) for w in str(respell_name(name)[0]).split()] == [token_key(w) for w in cyrillic.split()]


@pytest.mark.parametrize(
    ("name", "cyrillic"),
    [
        ("Kamczybek Taszijew", "Камчыбек Ташиев"),  # Polish cz, sz, j, w
        ("Sadyr Dżaparow", "Садыр Жапаров"),
        ("Feliks Kułow", "Феликс Кулов"),
        ("Alichan Smaiłow", "Алихан Смаилов"),  # Polish ch is х
        ("Kamčybek Tašijev", "Камчыбек Ташиев"),  # Czech č, š, j
        ("Roza Otunbajevová", "Роза Отунбаева"),  # a Czech woman's surname in -ová
        ("Rosa Otounbaïeva", "Роза Отунбаева"),  # French: s between vowels is з
        ("Moukhiddine Kabiri", "Мухиддин Кабири"),  # French: a silent final e
    ],
)
def test_polish_czech_and_french_spellings_meet_the_cyrillic(name: str, cyrillic: str) -> None:
    assert [token_key(w) for w in str(respell_name(name)[0]).split()] == [token_key(w) for w in cyrillic.split()]


def test_a_slavic_spelling_is_not_read_as_german_or_turkish() -> None:
    assert spellings(["Nursułtan", "Nazarbajew"]) == {"polish", "glide j"}
    assert spellings(["Kamčybek", "Tašijev"]) == {"czech", "glide j"}
    # English and passport spellings are left as they are
    assert spellings(["Kassym-Jomart", "Tokayev"]) == frozenset()
    assert spellings(["Mirzo", "Sherali"]) == frozenset()
