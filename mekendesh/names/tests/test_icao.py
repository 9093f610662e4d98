"""ICAO 9303 passport Latin."""

import pytest

from mekendesh.names import icao_latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Жээнбек Кулубаев", "ZHEENBEK KULUBAEV"),
        ("Айпери Мөңкөбаева", "AIPERI MONKOBAEVA"),
        ("Садыр Жапаров", "SADYR ZHAPAROV"),
        ("Бүбүсара Бейшеналиева", "BUBUSARA BEISHENALIEVA"),
        ("Мухтарбек", "MUKHTARBEK"),
        ("Шавкат Мирзиёев", "SHAVKAT MIRZIEEV"),
        ("Юлия Цой", "IULIIA TSOI"),
        ("Щукина Марья", "SHCHUKINA MARIA"),
        ("Подъячев", "PODIEIACHEV"),
        ("Қасым-Жомарт Тоқаев", "KASYM-ZHOMART TOKAEV"),
        ("Нұрсұлтан Әбішұлы", "NURSULTAN ABISHULY"),
        ("Эмомалӣ Раҳмон", "EMOMALI RAHMON"),
        ("Ҷамшед", "JAMSHED"),
        ("Ўткир", "UTKIR"),
    ],
)
def test_cyrillic_names_get_their_passport_latin(cyrillic, latin):
    assert icao_latin(cyrillic) == latin


def test_latin_input_is_upper_cased_without_diacritics_or_apostrophes():
    assert icao_latin("Döwletgeldi Çaryýew") == "DOWLETGELDI CARYYEW"
    assert icao_latin("O'tkir G‘ulom") == "OTKIR GULOM"
    assert icao_latin("Jeenbek  Kulubaev ") == "JEENBEK KULUBAEV"


def test_passport_latin_is_plain_ascii():
    assert icao_latin("Мөңкөбаева Ғұлнәр Һ").isascii()


def test_uzbek_latin_loses_its_modifier_apostrophes_in_the_passport_spelling():
    # oʻ and gʻ are written with U+02BB, the tutuq belgisi with U+02BC; a passport has neither
    assert icao_latin("Gʻulomova Oʻgʻiloy") == "GULOMOVA OGILOY"
    assert icao_latin("Maʼruf") == "MARUF"
