"""The same person across Kyrgyz, Russian, passport Latin and Turkmen spellings."""

from __future__ import annotations

import csv
from pathlib import Path

from mekendesh.linkage import Model, Record, link
from mekendesh.linkage.cli import main
from mekendesh.linkage.engine import DEFAULT_MODEL_PATH

REGISTER = [
    Record("k1", "Жээнбек Кулубаев", "1985-03-12", "M"),
    Record("k2", "Садыр Жапаров", "1968-12-06", "M"),
    Record("k3", "Айпери Мөңкөбаева", "1994-07-21", "F"),
    Record("t1", "Döwletgeldi Çaryýew", "1979-01-30", "M"),
    Record("k4", "Нурлан уулу Бакыт", "1990-05-05", "M"),
    Record("k5", "Бүбүсара Бейшеналиева", "1988-11-02", "F"),
    Record("k6", "Жээнбек Асанов", "1985-03-12", "M"),  # same given name and birth date
    Record("k7", "Кулубаев Азамат", "1992-08-14", "M"),  # same surname: a brother
]


def _pairs(result) -> dict[tuple[str, str], str]:
    return {(p.left_id, p.right_id): p.decision for p in result.pairs}


def test_kyrgyz_russian_and_passport_spellings_of_one_man_match():
    host = [
        Record("r1", "Кулубаев Женбек", "1985-03-12"),
        Record("r2", "ZHEENBEK KULUBAEV", "1985-03-12"),
        Record("r3", "JEENBEK KULUBAEV", "1985-12-03"),  # day and month swapped
    ]
    for row in host:  # three lists, one spelling each
        decisions = _pairs(link(REGISTER, [row]))
        assert decisions.get(("k1", row.id)) == "match", row.id
        assert decisions.get(("k6", row.id)) != "match"
        assert decisions.get(("k7", row.id)) != "match"


def test_one_list_naming_a_registered_man_twice_under_two_spellings_matches_both_rows():
    host = [Record("r1", "Кулубаев Женбек", "1985-03-12"), Record("r2", "ZHEENBEK KULUBAEV", "1985-03-12")]
    decisions = _pairs(link(REGISTER, host))
    assert decisions[("k1", "r1")] == decisions[("k1", "r2")] == "match"


def test_a_registered_person_matched_by_one_row_is_not_matched_again_by_a_weaker_row():
    # the list names Asanov Bakyt Nurlanovich and, in another row, a namesake without a
    # father's name; the register has only the first
    register = [Record("a1", "Асанов Бакыт Нурланович"), Record("a2", "Жапаров Садыр Нургожоевич")]
    host = [Record("r1", "Асанов Бакыт Нурланович"), Record("r2", "Асанов Бакыт")]
    decisions = _pairs(link(register, host))
    assert decisions[("a1", "r1")] == "match"
    assert decisions.get(("a1", "r2")) == "review"
    # a list known to repeat people: the weaker row may be the same man too
    decisions = _pairs(link(register, host, right_may_repeat=True))
    assert decisions[("a1", "r1")] == decisions[("a1", "r2")] == "match"


def test_a_list_row_two_registered_people_could_be_goes_to_review():
    register = [Record("a1", "Асанов Бакыт Нурланович"), Record("a2", "Асанов Бакыт Эрланович")]
    decisions = _pairs(link(register, [Record("r1", "Асанов Бакыт")]))
    assert decisions.get(("a1", "r1")) == decisions.get(("a2", "r1")) == "review"


def test_turkmen_latin_and_russian_cyrillic_match():
    result = link(REGISTER, [Record("r1", "Довлетгелди Чарыев", "1979-01-30")])
    assert _pairs(result).get(("t1", "r1")) == "match"


def test_father_name_form_and_russian_renderings_match():
    host = [
        Record("r1", "Бакыт Нурлан уулу", "1990-05-05"),
        Record("r2", "Монкобаева Айпери", "1994-07-21"),
        Record("r3", "Бубусара Бейшеналиева", "1988"),  # only the year known
        Record("r4", "Sadyr Japarov", None),
    ]
    decisions = _pairs(link(REGISTER, host))
    assert decisions.get(("k4", "r1")) == "match"
    assert decisions.get(("k3", "r2")) == "match"
    assert decisions.get(("k5", "r3")) == "match"
    assert ("k2", "r4") in decisions  # name only: at least a candidate for review


def test_name_only_files_link_and_a_brother_is_not_a_match():
    register = [Record(r.id, r.full_name) for r in REGISTER]
    host = [
        Record("r1", "КУЛУБАЕВ Женбек"),
        Record("r2", "Çaryýew Döwletgeldi"),
        Record("r3", "Кулубаев Эрлан"),
    ]
    decisions = _pairs(link(register, host))
    assert decisions.get(("k1", "r1")) == "match"
    assert decisions.get(("t1", "r2")) == "match"
    assert decisions.get(("k7", "r3")) != "match"
    assert decisions.get(("k1", "r3")) != "match"


def test_every_pair_explains_each_comparison_with_a_level_and_a_weight():
    result = link(REGISTER, [Record("r1", "Кулубаев Женбек", "1985-03-12")])
    pair = next(p for p in result.pairs if p.left_id == "k1")
    assert set(pair.explanation) == {"surname", "given_name", "patronymic", "birth_date", "sex"}
    assert pair.explanation["surname"][0] == "exact"
    assert pair.explanation["birth_date"][0] == "exact"
    # no father's name on either side: agreement on its absence, worth something
    label, weight = pair.explanation["patronymic"]
    assert label == "both missing" and weight > 0
    assert abs(sum(w for _, w in pair.explanation.values()) - pair.match_weight) < 30  # prior is the rest


def test_dict_rows_are_accepted_by_the_python_api():
    result = link(
        [{"id": "a", "full_name": "Жээнбек Кулубаев", "birth_date": "1985-03-12"}],
        [{"id": "b", "full_name": "KULUBAEV ZHEENBEK", "birth_date": "1985-03-12", "sex": "M"}],
    )
    assert [(p.left_id, p.right_id, p.decision) for p in result.pairs] == [("a", "b", "match")]


def test_a_saved_model_round_trips(tmp_path):
    model = Model.load(DEFAULT_MODEL_PATH)
    model.save(tmp_path / "model.json")
    again = Model.load(tmp_path / "model.json")
    assert again == model


def test_the_command_writes_the_contract_columns_and_saves_its_model(tmp_path, capsys):
    left = tmp_path / "left.csv"
    right = tmp_path / "right.csv"
    left.write_text(
        'id,full_name,birth_date\nk1,Жээнбек Кулубаев,1985-03-12\nk2,=HYPERLINK("x") Асанов,1970-01-01\n',
        encoding="utf-8",
    )
    right.write_text(
        'id,full_name,birth_date\nr1,Кулубаев Женбек,1985-03-12\nr2,=HYPERLINK("x") Асанов,1970-01-01\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    saved = tmp_path / "model.json"
    assert main([str(left), str(right), "--output", str(out), "--save-model", str(saved), "--no-progress"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0])[:4] == ["left_id", "right_id", "match_probability", "decision"]
    assert {"surname_level", "surname_weight", "birth_date_level"} <= set(rows[0])
    assert {(r["left_id"], r["right_id"], r["decision"]) for r in rows} >= {("k1", "r1", "match")}
    assert all(not r["left_full_name"].startswith("=") for r in rows)
    assert Model.load(saved).params.keys() == Model.load(DEFAULT_MODEL_PATH).params.keys()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["left.csv", "model.json", "out.csv", "right.csv"]
    assert Path(out).read_text(encoding="utf-8").endswith("\n")


def test_a_patronymic_missing_on_one_side_is_neutral():
    result = link(REGISTER, [Record("r1", "Кулубаев Женбек Асанович", "1985-03-12")])
    pair = next(p for p in result.pairs if p.left_id == "k1")
    assert pair.explanation["patronymic"] == ("missing", 0.0)


def test_one_typo_counts_on_the_written_letters():
    from mekendesh.linkage.features import written_form

    # the keys fold ие and ия, so a dropped letter is two edits on them but one as written
    assert written_form("Тилек") == "tilek" and written_form("Тиек") == "tiek"
    assert written_form("Үсөнбек") == written_form("Усонбек")
    register = [Record("a", "Бакиров Тилек Ормонович"), Record("b", "Эшматов Шавкат Зафарович")]
    host = [Record("x", "Бакиров Тиек Ормонович"), Record("y", "Эшматов Шавакт Зафарович")]
    result = link(register, host)
    levels = {(p.left_id, p.right_id): p.explanation["given_name"][0] for p in result.pairs}
    assert levels[("a", "x")] == "one edit"
    assert levels[("b", "y")] == "one edit"


def test_kazakh_and_tajik_officials_lists_link_across_scripts_by_name_alone():
    # a parliament's list in Cyrillic (surname, given name, father's name with Kazakh -ұлы)
    # against its English-language list (given name first, no father's name)
    cyrillic = [
        Record("c1", "Қасымбек Жеңіс Махмудұлы"),  # a surname with no -ов: the order is open
        Record("c2", "Өтемісов Айдос"),  # Kazakh ө, written У in Russian-based Latin
        Record("c3", "Нұртілеу Мұрат Сәбитұлы"),
        Record("c4", "Зокирзода Маҳмадтоир"),
        Record("c5", "Мирзо Шерали"),
        Record("c6", "Жапаров Садыр Нургожоевич"),
        Record("c7", "Жапаров Акылбек Усенбекович"),
    ]
    latin = [
        Record("l1", "Zhenis Kassymbek"),
        Record("l2", "Aidos Utemisov"),
        Record("l3", "Nurtleu Murat Sabitovich"),
        Record("l4", "Mahmadtoir Zokirzoda"),
        Record("l5", "Sherali Mirzo"),
        Record("l6", "Sadyr Japarov"),
        Record("l7", "Akylbek Zhaparov"),
    ]
    decisions = _pairs(link(cyrillic, latin))
    matched = {pair for pair, decision in decisions.items() if decision == "match"}
    assert matched == {(f"c{i}", f"l{i}") for i in range(1, 8)}
