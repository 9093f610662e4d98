"""The spellings a person is likely to carry."""

from mekendesh.names import spelling_variants, token_key

KINDS = {"passport_latin", "russian", "informal_latin", "kyrgyz_cyrillic"}


def test_kyrgyz_name_gets_passport_russian_and_informal_spellings():
    v = spelling_variants("Жээнбек Кулубаев")
    assert set(v) == KINDS
    assert v["passport_latin"][0] == "ZHEENBEK KULUBAEV"
    assert v["russian"][0] == "Женбек Кулубаев"
    assert v["informal_latin"][0] == "Jeenbek Kulubaev"
    assert "Zheenbek Kulubaev" in v["informal_latin"]
    assert v["kyrgyz_cyrillic"] == ["Жээнбек Кулубаев"]


def test_kyrgyz_letters_are_written_the_russian_way():
    v = spelling_variants("Айпери Мөңкөбаева")
    assert v["passport_latin"][0] == "AIPERI MONKOBAEVA"
    assert v["russian"][0] == "Айпери Монкобаева"


def test_turkmen_latin_gets_its_russian_spelling():
    v = spelling_variants("Döwletgeldi Çaryýew")
    assert v["russian"][0] == "Довлетгелди Чарыев"
    assert v["informal_latin"][0] == "Dovletgeldi Charyyev"
    assert spelling_variants("Saodat Olimowa")["russian"][0] == "Саодат Олимова"


def test_informal_latin_offers_the_usual_letters_for_kh():
    informal = spelling_variants("Мухтарбек")["informal_latin"]
    assert informal[0] == "Mukhtarbek"
    assert "Muxtarbek" in informal


def test_kyrgyz_cyrillic_is_derived_from_latin():
    assert spelling_variants("Jeenbek Kulubaev")["kyrgyz_cyrillic"][0] == "Жээнбек Кулубаев"
    assert spelling_variants("Sadyr Japarov")["russian"][0] == "Садыр Жапаров"


def test_uzbek_latin_gets_russian_spelling():
    assert spelling_variants("O'tkir")["russian"][0] == "Уткир"
    assert spelling_variants("Shavkat Mirziyoyev")["russian"][0] == "Шавкат Мирзиёев"


def test_every_variant_shares_the_key_of_the_name():
    for name in (
        "Жээнбек Кулубаев",
        "Айпери Мөңкөбаева",
        "Döwletgeldi Çaryýew",
        "Мухтарбек",
        "Бүбүсара Бейшеналиева",
        "Қасым-Жомарт Тоқаев",
        "Sadyr Japarov",
        "Нурлан уулу Бакыт",
        "Эмомалӣ Раҳмон",
        "Ўткир Ғуломов",
        "Шавкат Мирзиёев",
        "Shavkat Mirziyoyev",
        "Айжан Жээнбекова",
        "Нұрсұлтан Назарбаев",
        "Gurbanguly Berdimuhamedow",
        "Алтынай Тойчиева",
    ):
        variants = spelling_variants(name)
        expected = [token_key(w) for w in name.replace("-", " ").split()]
        for kind, spellings in variants.items():
            for spelling in spellings:
                got = [token_key(w) for w in spelling.replace("-", " ").split()]
                assert got == expected, (kind, spelling)


def test_lists_are_deduplicated_and_empty_input_gives_empty_lists():
    v = spelling_variants("Talant")
    assert all(len(items) == len(set(items)) for items in v.values())
    assert spelling_variants("") == {kind: [] for kind in KINDS}


def test_russian_spelling_keeps_the_kyrgyz_connector():
    v = spelling_variants("Нурлан уулу Бакыт")
    assert v["russian"][0] == "Нурлан уулу Бакыт"
    assert v["passport_latin"][0] == "NURLAN UULU BAKYT"


def test_russian_spellings_with_and_without_doubled_vowels():
    assert spelling_variants("Ааламбек Мээримов")["russian"][:2] == [
        "Аламбек Меримов",
        "Ааламбек Мээримов",
    ]


def test_informal_latin_writes_kyrgyz_ai_and_offers_ay():
    assert spelling_variants("Айбек")["informal_latin"] == ["Aibek", "Aybek"]
    assert spelling_variants("Айжан Жээнбекова")["informal_latin"][0] == "Aijan Jeenbekova"


def test_tajik_and_uzbek_letters_get_russian_spellings():
    assert spelling_variants("Эмомалӣ Раҳмон")["russian"][0] == "Эмомали Рахмон"
    assert spelling_variants("Ўткир Ғуломов")["russian"][0] == "Уткир Гуломов"
    assert spelling_variants("Қасым-Жомарт Тоқаев")["russian"][0] == "Касым-Жомарт Токаев"
