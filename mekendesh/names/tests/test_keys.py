"""Comparison keys meet across scripts and spellings, and keep different names apart."""

import pytest

from mekendesh.names import name_key, token_key, token_keys

SAME_WORD = [
    ["Жээнбек", "Женбек", "Jeenbek", "Zheenbek", "JEENBEK", "Dzheenbek"],
    ["Кулубаев", "Kulubaev", "Kulubayev", "KULUBAEV"],
    ["Садыр", "Sadyr", "Sadir", "SADYR"],
    ["Жапаров", "Japarov", "Zhaparov", "Dzhaparov"],
    ["Талант", "Talant"],
    ["Мамытов", "Mamytov", "Mamitov"],
    ["Алмаз", "Almaz"],
    ["Имангазиев", "Imangaziev", "Imangaziyev"],
    ["Döwletgeldi", "Довлетгелди", "Dovletgeldi", "DOWLETGELDI"],
    ["Çaryýew", "Чарыев", "Charyev", "Charyyev", "CHARYEV"],
    ["Saodat", "Саодат"],
    ["Olimowa", "Олимова", "Olimova"],
    ["Айпери", "Aiperi", "Ayperi", "AIPERI"],
    ["Мөңкөбаева", "Монкобаева", "Monkobaeva", "Mönkobaeva", "Mongkobaeva", "MONKOBAEVA"],
    ["Мухтарбек", "Muxtarbek", "Mukhtarbek", "Muhtarbek"],
    ["Гурбангулы", "Gurbanguly", "Gurbanguli"],
    ["Бердымухамедов", "Berdimuhamedow", "Berdymukhamedov"],
    ["Бүбүсара", "Bubusara", "Bübüsara", "Бюбюсара"],
    ["Бейшеналиева", "Beyshenalieva", "Beishenalieva", "BEISHENALIEVA"],
    ["Қасым-Жомарт", "Kassym-Jomart", "Касым-Жомарт", "Kasym-Zhomart"],
    ["Тоқаев", "Tokayev", "Tokaev", "Токаев"],
    ["Нұрсұлтан", "Nursultan", "Нурсултан"],
    ["Эмомалӣ", "Emomali", "Эмомали"],
    ["Раҳмон", "Rahmon", "Рахмон", "Rakhmon"],
    ["Shavkat", "Шавкат"],
    ["Mirziyoyev", "Мирзиёев"],
    ["G'ulom", "Гулом", "Ғулом", "Gʻulom", "G‘ulom", "G`ulom"],
    ["O'tkir", "Ўткир", "Oʻtkir", "O’tkir", "Уткир", "UTKIR"],
    ["Дмитрий", "Dmitriy", "Dmitrii", "Dmitry", "Dmitri"],
    ["Ильяс", "Ilyas", "Il'yas", "Iliyas", "ILIAS"],
    ["Жумабек", "Djumabek", "Dzhumabek", "Jumabek", "Джумабек"],
    ["Назарбаев", "Nazarbayev", "Nazarbaev"],
    ["Семёнов", "Semyonov"],
    ["Семенов", "SEMENOV"],
    ["Тюлебаев", "Tyulebaev", "TIULEBAEV"],
    ["Нурлан", "Nurlan"],
    ["Бакыт", "Bakyt", "Bakit", "Бакит"],
    ["Ерлан", "Yerlan", "Erlan", "Эрлан"],
    ["Алиев", "Aliev", "Aliyev", "Alyev"],
    ["Юсупов", "Yusupov", "Iusupov", "YUSUPOV"],
    ["Жусупов", "Jusupov", "Zhusupov"],
    ["Ўрозов", "Урозов", "O'rozov", "Urozov"],
    ["Мөлдир", "Мёлдир", "Молдир", "MOLDIR"],
    ["Төлөгөн", "Тёлёгён", "Тологон", "TOLOGON"],
    ["Үмөталиев", "Юмоталиев", "Умоталиев", "UMOTALIEV"],
    ["Өмүрбеков", "Ёмурбеков", "Омурбеков"],
    ["Гулия", "Guliya", "Gulia"],
    ["Асан", "Hasan", "Хасан", "Asan"],
    ["Цой", "Tsoi", "Tsoy", "Coi"],
    ["Ақниет", "Akniyet", "Aqniet"],
    ["Ҷамшед", "Jamshed", "Джамшед", "Dzhamshed"],
    ["Zäbibe", "Забибе", "Zabibe"],
    ["Мыйзамбек", "Myizambek", "Myyzambek"],
]


@pytest.mark.parametrize("spellings", SAME_WORD, ids=lambda s: s[0])
def test_kyrgyz_russian_and_passport_spellings_share_a_key(spellings):
    keys = {token_key(s) for s in spellings}
    assert len(keys) == 1, dict(zip(spellings, map(token_key, spellings), strict=True))


DIFFERENT = [
    ("Бакыт", "Бакир"),
    ("Bakyt", "Bakir"),
    ("Садыр", "Сардар"),
    ("Талант", "Таалай"),
    ("Алмаз", "Алмас"),
    ("Мирзиёев", "Мирзоев"),
    ("Айбек", "Абек"),
    ("Шамбетали", "Самбетали"),
    ("Асель", "Асия"),
    ("Кулубаев", "Кулубаева"),
    ("Азамат", "Азат"),
    ("Нурлан", "Нурбек"),
    ("Жапаров", "Жолдошев"),
]


@pytest.mark.parametrize(("left", "right"), DIFFERENT)
def test_different_names_keep_different_keys(left, right):
    assert token_key(left) != token_key(right)


def test_key_is_ascii_and_lower_case():
    for word in ("Мөңкөбаева", "Döwletgeldi", "Қасым-Жомарт", "Эмомалӣ", "O'tkir"):
        key = token_key(word)
        assert key.isascii() and key == key.lower() and key.isalpha()


def test_key_ignores_case_accents_and_whitespace():
    assert token_key("  ЖЭЭНБЕК ") == token_key("жээнбек") == token_key("Jéénbek")


def test_homoglyphs_inside_a_word_do_not_change_the_key():
    # Cyrillic а and о typed inside a Latin word, Latin a inside a Cyrillic one.
    assert token_key("Bаkyt") == token_key("Bakyt")
    assert token_key("Жaпaров") == token_key("Жапаров")


def test_soft_endings_and_soft_signs_are_absorbed():
    assert token_key("Алий") == token_key("Aliy") == token_key("Ali") == token_key("Alii")
    assert token_key("Марьям") == token_key("Maryam") == token_key("Мариям")
    assert token_key("Асель") == token_key("Asel")


def test_doubled_consonants_and_vowels_are_single():
    assert token_key("Kassym") == token_key("Kasym")
    assert token_key("Ааламбек") == token_key("Alambek")
    assert token_key("Шооруков") == token_key("Shorukov")


def test_empty_and_letterless_tokens_have_an_empty_key():
    assert token_key("") == ""
    assert token_key("  ") == ""
    assert token_key("123") == ""


def test_full_name_key_ignores_word_order_and_connectors():
    assert name_key("Жээнбек Кулубаев") == name_key("Кулубаев Женбек") == name_key("KULUBAEV ZHEENBEK")
    assert name_key("Нурлан уулу Бакыт") == name_key("Bakyt Nurlan uulu")
    assert name_key("Döwletgeldi Çaryýew") == name_key("Чарыев Довлетгелди")
    assert name_key("Қасым-Жомарт Тоқаев") == name_key("Kassym-Jomart Tokayev")


def test_word_keys_keep_order_and_normalise_connectors():
    assert token_keys("Нурлан уулу Бакыт") == ["nurlan", "uulu", "bakit"]
    assert token_keys("Bakyt Nurlan uulu") == ["bakit", "nurlan", "uulu"]
    assert token_keys("Айгерим Асан кызы") == ["aigerim", "asan", "kyzy"]
    assert token_keys("Aigerim Asan qyzy")[-1] == "kyzy"
    assert token_keys("Ali Valiyev o'g'li")[-1] == "ogly"
    assert token_keys("Нұрсұлтан Әбішұлы")[:1] == ["nursultan"]
    assert token_keys("Aziz Karim ўғли")[-1] == "ogly"


def test_uzbek_short_u_meets_the_russian_u_of_a_list():
    # Ўрозов in an Uzbek register, Урозов on a Russian list, O'rozov in Uzbek Latin.
    assert token_key("Ўрозов") == token_key("Урозов") == token_key("O'rozov") == "urozov"


def test_russian_yo_for_kyrgyz_front_o_meets_the_kyrgyz_spelling():
    assert token_key("Мёлдир") == token_key("Мөлдир")
    assert token_key("Тёлёгён") == token_key("Төлөгөн")
    assert token_key("Кёкён") == token_key("Көкөн")


def test_a_yo_after_a_consonant_is_an_o_in_cyrillic_and_latin_alike():
    assert token_key("Пётр") == token_key("Pyotr")
    assert token_key("Дилёра") == token_key("Dilyora")
    # the price: ICAO writes ё as E, so these meet only in the comparison (vowel variant)
    assert token_key("Семёнов") != token_key("SEMENOV")


def test_word_initial_yu_for_kyrgyz_u_meets_the_kyrgyz_spelling():
    assert token_key("Юмоталиев") == token_key("Үмөталиев") == token_key("Umotaliev")
    assert token_key("Юсуп") == token_key("Yusup") == token_key("Iusup")


def test_kyrgyz_zhusup_and_uzbek_yusup_are_different_names():
    assert token_key("Жусупов") != token_key("Юсупов")
