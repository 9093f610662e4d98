"""Registers of Turkmenistan, Tajikistan and Uzbekistan, in their own scripts, against lists written
in Russian: the same people match, their brothers and namesakes of another age do not."""

from __future__ import annotations

from mekendesh.linkage import Record, link


def _decisions(register: list[Record], host: list[Record]) -> dict[tuple[str, str], str]:
    return {(p.left_id, p.right_id): p.decision for p in link(register, host).pairs}


TURKMEN_REGISTER = [
    Record("t1", "Meredow Batyr Orazowiç", "1991-04-17", "M"),
    Record("t2", "Annaýewa Ogulgerek Döwletowna", "1996-09-02", "F"),
    Record("t3", "Hojamyradow Serdar Şamyradowiç", "1988-01-25", "M"),
    Record("t4", "Meredow Merdan Orazowiç", "1994-06-30", "M"),  # Batyr's brother
    Record("t5", "Çaryýew Nurmuhammet Gurbanowiç", "1985-12-11", "M"),
]


def test_a_turkmen_register_finds_its_citizens_on_a_russian_list():
    host = [
        Record("r1", "Мередов Батыр Оразович", "1991-04-17"),
        Record("r2", "Аннаева Огулгерек Довлетовна", "1996-09-02"),
        Record("r3", "Ходжамурадов Сердар Шамурадович", "1988-01-25"),
        Record("r4", "Чарыев Нурмухаммет", "1985-12-11"),  # no patronymic on the list
    ]
    decisions = _decisions(TURKMEN_REGISTER, host)
    assert decisions.get(("t1", "r1")) == "match"
    assert decisions.get(("t2", "r2")) == "match"
    assert decisions.get(("t3", "r3")) == "match"
    assert decisions.get(("t5", "r4")) in {"match", "review"}
    assert decisions.get(("t4", "r1")) != "match"  # the brother is not Batyr


def test_a_turkmen_name_in_passport_latin_on_a_list_matches_the_register():
    decisions = _decisions(TURKMEN_REGISTER, [Record("r1", "MEREDOV BATYR", "1991-04-17")])
    assert decisions.get(("t1", "r1")) == "match"
    assert decisions.get(("t4", "r1")) != "match"


def test_a_tajik_register_in_tajik_cyrillic_matches_russian_spellings():
    register = [
        Record("j1", "Раҳимов Ҷамшед Қаҳҳорович", "1990-03-08", "M"),
        Record("j2", "Шарифзода Фирӯза", "1995-10-19", "F"),
        Record("j3", "Раҳимов Ҷаҳонгир Қаҳҳорович", "1993-07-01", "M"),  # brother
    ]
    host = [Record("r1", "Рахимов Джамшед Каххорович", "1990-03-08"), Record("r2", "Шарифзода Фируза", "1995-10-19")]
    decisions = _decisions(register, host)
    assert decisions.get(("j1", "r1")) == "match"
    assert decisions.get(("j2", "r2")) == "match"
    assert decisions.get(("j3", "r1")) != "match"


def test_an_uzbek_register_in_uzbek_latin_matches_russian_spellings():
    register = [
        Record("u1", "Karimov Jasur Olimovich", "1992-02-14", "M"),
        Record("u2", "Gʻulomova Oʻgʻiloy Shavkatovna", "1997-05-23", "F"),
        Record("u3", "Karimov Sardor Olimovich", "1989-11-30", "M"),  # brother
    ]
    host = [
        Record("r1", "Каримов Жасур Олимович", "1992-02-14"),
        Record("r2", "Гуломова Угилой Шавкатовна", "1997-05-23"),
    ]
    decisions = _decisions(register, host)
    assert decisions.get(("u1", "r1")) == "match"
    assert decisions.get(("u2", "r2")) == "match"
    assert decisions.get(("u3", "r1")) != "match"
