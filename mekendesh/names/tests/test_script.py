"""Script detection, mixed-script words and homoglyph repair."""

from mekendesh.names import detect_script, fix_homoglyphs, mixed_script_words


def test_each_word_gets_its_script():
    assert detect_script("Жээнбек") == "cyrillic"
    assert detect_script("Мөңкөбаева") == "cyrillic"
    assert detect_script("Döwletgeldi") == "latin"
    assert detect_script("O'tkir") == "latin"
    assert detect_script("Bаkyt") == "mixed"  # Cyrillic а
    assert detect_script("محمد") == "other"
    assert detect_script("1234") == "other"
    assert detect_script("") == "empty"
    assert detect_script("   ") == "empty"


def test_mixed_script_words_are_named_for_the_web_form():
    assert mixed_script_words("Bаkyt Nurlan uulu") == ["Bаkyt"]
    assert mixed_script_words("Садыр Жaпаров, Sadyr") == ["Жaпаров"]
    assert mixed_script_words("Жээнбек Кулубаев") == []
    assert mixed_script_words("") == []


def test_cyrillic_look_alikes_in_a_latin_word_become_latin():
    fixed = fix_homoglyphs("Bаkyt Kulubаеv")
    assert fixed == "Bakyt Kulubaev"
    assert detect_script(fixed.replace(" ", "")) == "latin"


def test_latin_look_alikes_in_a_cyrillic_word_become_cyrillic():
    assert fix_homoglyphs("Жaпapов") == "Жапаров"
    assert fix_homoglyphs("KУЛУБAEВ") == "КУЛУБАЕВ"


def test_words_in_one_script_are_left_alone():
    text = "Жээнбек Kulubaev, O'tkir"
    assert fix_homoglyphs(text) == text


def test_a_word_with_real_letters_of_both_scripts_is_not_guessed():
    # ж has no Latin twin and z no Cyrillic one: nothing safe to do.
    assert fix_homoglyphs("жz") == "жz"
