"""Decisions after scoring: the surname and given name counted together, names not alike."""

from __future__ import annotations

import math

from mekendesh.linkage.engine import NameFrequencies, _decide
from mekendesh.linkage.model import level_labels


def _table(rows: list[tuple[str, str]]) -> dict[str, list[str]]:
    return {"sur": [s for s, _ in rows], "giv": [g for _, g in rows]}


def test_a_common_pair_of_names_weighs_less_than_independence_says() -> None:
    # 20 "rahimov firdavs" among 1,000 records, each name alone no more common than that:
    # independent, one would expect 19 * 19 / 1000 < 1 others.
    rows = [("rahimov", "firdavs")] * 20 + [(f"s{i}", f"g{i}") for i in range(980)]
    names = NameFrequencies.of(_table(rows))
    adjust = names.joint_adjustment("rahimov", "firdavs")
    assert math.isclose(adjust, math.log2((19 * 19 / 1000 + 1) / 20))
    assert adjust < -3


def test_a_rare_or_independent_pair_is_left_alone() -> None:
    rows = [("asanov", f"g{i}") for i in range(50)] + [(f"s{i}", "aigerim") for i in range(50)]
    rows += [("asanov", "aigerim")] + [(f"x{i}", f"y{i}") for i in range(899)]
    names = NameFrequencies.of(_table(rows))
    assert names.joint_adjustment("asanov", "aigerim") == 0.0
    assert names.joint_adjustment("kulubaev", "zheenbek") == 0.0
    assert names.joint_adjustment(None, "aigerim") == 0.0


def _row(levels: dict[str, int], weight: float, sur: str = "rahimov", giv: str = "firdavs") -> dict[str, object]:
    r: dict[str, object] = {
        "match_weight": weight,
        "match_probability": 1 / (1 + 2**-weight),
        "source_dataset_l": "left",
        "unique_id_l": "R1",
        "unique_id_r": "L1",
        "full_name_l": "a",
        "full_name_r": "b",
        "sur_l": sur,
        "giv_l": giv,
        "sur_r": sur,
        "giv_r": giv,
        "pat_l": None,
        "pat_r": None,
    }
    for name in ("surname", "given_name", "patronymic", "birth_date", "sex"):
        r[f"gamma_{name}"] = levels.get(name, -1)
        r[f"mw_{name}"] = 0.0
    return r


def _gamma(name: str, label: str) -> int:
    return next(g for g, lab in level_labels()[name].items() if lab == label)


def test_the_joint_adjustment_lowers_weight_and_probability() -> None:
    rows = [("rahimov", "firdavs")] * 20 + [(f"s{i}", f"g{i}") for i in range(980)]
    names = NameFrequencies.of(_table(rows))
    levels = {
        "surname": _gamma("surname", "exact"),
        "given_name": _gamma("given_name", "exact"),
        "birth_date": _gamma("birth_date", "one digit off"),
    }
    (pair,) = _decide([_row(levels, 5.0)], level_labels(), "left", 0.9, 3.0, names)
    assert pair.match_weight < 2.0 and pair.decision == "review"
    assert pair.explanation["given_name"][1] < -3
    (pair,) = _decide([_row(levels, 5.0)], level_labels(), "left", 0.9, 3.0, None)
    assert pair.match_weight == 5.0 and pair.decision == "match"


def test_a_surname_or_given_name_not_alike_goes_to_review() -> None:
    levels = {
        "surname": _gamma("surname", "exact"),
        "given_name": _gamma("given_name", "different"),
        "patronymic": _gamma("patronymic", "exact"),
        "birth_date": _gamma("birth_date", "exact"),
    }
    (pair,) = _decide([_row(levels, 12.0)], level_labels(), "left", 0.9, 3.0, None)
    assert pair.decision == "review"
    levels["given_name"] = _gamma("given_name", "one edit")
    (pair,) = _decide([_row(levels, 12.0)], level_labels(), "left", 0.9, 3.0, None)
    assert pair.decision == "match"


def _table3(rows: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    return {"sur": [s for s, _, _ in rows], "giv": [g for _, g, _ in rows], "pat": [f for _, _, f in rows]}


def test_a_full_name_many_registered_people_share_weighs_less() -> None:
    # 20 registered "Rahimov Firdavs Alisherovich" (fathers' names of one nationality come
    # with its surnames and given names), among 40 Rahimov Firdavs and 68 sons of Alisher
    rows = [("rahimov", "firdavs", "alixer")] * 20 + [("rahimov", "firdavs", f"f{i}") for i in range(20)]
    rows += [(f"s{i}", f"g{i}", "alixer") for i in range(48)] + [(f"x{i}", f"y{i}", f"z{i}") for i in range(912)]
    names = NameFrequencies.of(_table3(rows))
    assert names.father_adjustment("rahimov", "firdavs", "alixer") < -2
    # a father's name the pair does not share with others is left alone
    assert names.father_adjustment("rahimov", "firdavs", "f3") == 0.0
    levels = {
        "surname": _gamma("surname", "exact"),
        "given_name": _gamma("given_name", "exact"),
        "patronymic": _gamma("patronymic", "exact"),
        "birth_date": _gamma("birth_date", "one digit off"),
    }
    row = _row(levels, 7.0)
    row.update(pat_l="alixer", pat_r="alixer")
    (pair,) = _decide([row], level_labels(), "left", 0.8, 3.0, names)
    assert pair.decision == "review" and pair.explanation["patronymic"][1] < -2
    row.update(pat_l="f3", pat_r="f3")
    (pair,) = _decide([row], level_labels(), "left", 0.8, 3.0, names)
    assert pair.decision == "match"
