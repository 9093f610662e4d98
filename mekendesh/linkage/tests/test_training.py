"""Training on the data itself: what a failed stage of training leaves behind."""

from __future__ import annotations

import csv
import random

from splink import Linker
from splink.internals.linker_components.training import LinkerTraining

from mekendesh.linkage import Record, link
from mekendesh.linkage.cli import main

GIVEN = [
    "Айбек",
    "Бакыт",
    "Нурлан",
    "Талант",
    "Азамат",
    "Эрлан",
    "Мирлан",
    "Улан",
    "Данияр",
    "Руслан",
    "Темир",
    "Самат",
    "Канат",
    "Марат",
    "Жыргал",
    "Эмил",
    "Алмаз",
    "Бекжан",
    "Нурбек",
    "Тилек",
]
ROOTS = [
    "Асан",
    "Үсөн",
    "Жапар",
    "Ташы",
    "Кулуба",
    "Мамыт",
    "Осмон",
    "Токтогул",
    "Сыдык",
    "Бакир",
    "Абдыкадыр",
    "Шаки",
    "Марип",
    "Байсал",
    "Касымали",
    "Текеба",
    "Сари",
    "Отунба",
    "Жумабек",
    "Садыр",
]


def _people(n: int, rng: random.Random) -> list[tuple[str, str, str, str]]:
    people = []
    for _ in range(n):
        surname = rng.choice(ROOTS) + "ов"
        father = rng.choice(GIVEN)
        born = f"{rng.randint(1970, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        people.append((surname, rng.choice(GIVEN), father + "ович", born))
    return people


def _data() -> tuple[list[Record], list[Record], list[int]]:
    rng = random.Random(5)
    people = _people(1500, rng)
    register = [Record(f"R{i}", f"{s} {g} {p}", born) for i, (s, g, p, born) in enumerate(people)]
    listed = rng.sample(range(len(people)), 1000)
    host = [Record(f"L{i}", f"{people[i][1]} {people[i][0]}", people[i][3]) for i in listed]
    return register, host, listed


def _fail_the_dates_session(monkeypatch) -> None:
    real_em = LinkerTraining.estimate_parameters_using_expectation_maximisation
    real_populate = Linker._populate_m_u_from_trained_values
    in_dates_session: list[bool] = []

    def em(self, blocking_rule, *args, **kwargs):
        in_dates_session[:] = ["dob" in str(getattr(blocking_rule, "sql_condition", blocking_rule))]
        try:
            return real_em(self, blocking_rule, *args, **kwargs)
        finally:
            in_dates_session.clear()

    def populate(self):
        if not in_dates_session or not in_dates_session[0]:
            return real_populate(self)
        # What Splink does when EM drove one level's m to 0: the comparisons before it get
        # their new values, that level raises, the rest are left as they are.
        for cc in self._settings_obj.comparisons[:2]:
            for cl in cc._comparison_levels_excluding_null:
                cl.u_probability = None
        raise ValueError("m_probability value 0.0 is below the minimum allowed value of 1e-300")

    monkeypatch.setattr(LinkerTraining, "estimate_parameters_using_expectation_maximisation", em)
    monkeypatch.setattr(Linker, "_populate_m_u_from_trained_values", populate)


def test_a_failing_expectation_maximisation_session_keeps_what_was_already_estimated(monkeypatch):
    register, host, listed = _data()
    _fail_the_dates_session(monkeypatch)
    result = link(register, host)

    # what was estimated before the failure is kept: two random people almost never share
    # a surname key, and are born on different days almost always
    u_surname, u_birth_date = (
        result.model.params["surname"]["exact"][1],
        result.model.params["birth_date"]["different"][1],
    )
    assert u_surname is not None and 0.01 < u_surname < 0.2  # 20 surnames: about 1 in 20
    assert u_birth_date is not None and u_birth_date > 0.9
    matched = {(p.left_id, p.right_id) for p in result.matches}
    truth = {(f"R{i}", f"L{i}") for i in listed}
    assert len(matched & truth) >= 0.98 * len(truth)
    assert len(matched - truth) <= 0.02 * len(matched)


def test_the_operator_is_told_when_a_training_step_failed(monkeypatch, tmp_path, capsys):
    for name in ("MEKENDESH_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    register, host, _ = _data()
    for path, records in ((tmp_path / "register.csv", register), (tmp_path / "list.csv", host)):
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "full_name", "birth_date"])
            w.writerows([r.id, r.full_name, r.birth_date] for r in records)
    _fail_the_dates_session(monkeypatch)
    code = main(
        [
            str(tmp_path / "register.csv"),
            str(tmp_path / "list.csv"),
            "--output",
            str(tmp_path / "out.csv"),
            "--no-progress",
        ]
    )
    err = capsys.readouterr().err
    assert code == 0
    assert "warning: one training step (pairs where l.dob = r.dob) failed" in err
    assert "m_probability value 0.0" in err
