"""The pure-Python scorer gives every pair the engine scores the same levels and the same weight,
so the officer's search, the duplicate proposals and screening judge a pair alike."""

from __future__ import annotations

import dataclasses
import os
import random
from collections import Counter

import pytest

from bench.linkage.generate import generate
from mekendesh.linkage import Model, Record, link
from mekendesh.linkage import features as ft
from mekendesh.linkage.engine import DEFAULT_MODEL_PATH, NameFrequencies
from mekendesh.linkage.scorer import Scorer, TermFrequencies, _within, levenshtein, load_scorer


def _record(row: dict[str, str], *, split: bool) -> Record:
    def part(name: str) -> str | None:
        return (row.get(name) or None) if split else None

    return Record(
        row["id"],
        row["full_name"],
        row.get("birth_date") or None,
        row.get("sex") or None,
        part("surname"),
        part("given_name"),
        part("patronymic"),
    )


def _variants(left: list[Record], rng: random.Random) -> list[Record]:
    """Register rows written as lists write them: the two names exchanged, the father's name
    dropped, only the year or the month of birth, a letter exchanged, no sex."""
    out = []
    for i, r in enumerate(rng.sample(left, 120)):
        kind = i % 6
        if kind == 0 and r.surname and r.given_name:
            v = dataclasses.replace(r, surname=r.given_name, given_name=r.surname)
        elif kind == 1:
            v = dataclasses.replace(r, patronymic=None, full_name=" ".join(filter(None, (r.surname, r.given_name))))
        elif kind == 2 and r.birth_date:
            v = dataclasses.replace(r, birth_date=r.birth_date[:4], sex=None)
        elif kind == 3 and r.birth_date:
            v = dataclasses.replace(r, birth_date=r.birth_date[:7])
        elif kind == 4 and r.surname and len(r.surname) > 4:
            s = r.surname
            v = dataclasses.replace(r, surname=s[:2] + s[3] + s[2] + s[4:])
        else:
            v = dataclasses.replace(r, given_name=r.surname, surname=None, full_name=f"{r.surname} {r.full_name}")
        out.append(dataclasses.replace(v, id=f"V{i:04d}"))
    return out


def _agreement(n: int, *, with_frequencies: bool) -> tuple[int, Counter[tuple[str, str]]]:
    pop = generate(n, n, seed=5)
    left = [_record(r, split=True) for r in pop.register]
    right = [_record(r, split=False) for r in pop.host_list] + _variants(left, random.Random(3))
    model = Model.load(DEFAULT_MODEL_PATH)
    # the lowest review threshold: every candidate pair of the blocking rules, however weak
    result = link(left, right, model=model, review_threshold=1e-12, ambiguity_margin=None)
    assert result.model == model
    # the features as the run read them: a surname without its Russian ending where the run's
    # records write it so (features.use_surname_roots)
    lt, rt = ft.feature_table(left), ft.feature_table(right)
    ft.use_surname_roots(lt, rt)
    by_id = {
        str(table["unique_id"][i]): {c: table[c][i] for c in table}
        for table in (lt, rt)
        for i in range(len(table["unique_id"]))
    }
    if with_frequencies:
        scorer = Scorer(model, frequencies=TermFrequencies.of(list(by_id.values())), names=NameFrequencies.of(lt))
    else:
        scorer = Scorer(model)
    levels: Counter[tuple[str, str]] = Counter()
    # pairs the engine adds outside the model (a surname alone, a surname from the father's
    # name) are in review whatever a score says, and carry no model weights
    for pair in (p for p in result.pairs if p.scored):
        score = scorer.score(by_id[pair.left_id], by_id[pair.right_id])
        for name, (label, weight) in pair.explanation.items():
            levels[(name, label)] += 1
            assert score.explanation[name][0] == label, (name, pair)
            assert score.explanation[name][1] == pytest.approx(weight, abs=1e-6), (name, pair)
        assert score.match_weight == pytest.approx(pair.match_weight, abs=1e-6)
        assert score.match_probability == pytest.approx(pair.match_probability, abs=1e-9)
    return len(result.pairs), levels


def test_the_scorer_gives_every_candidate_pair_of_a_small_run_the_engines_levels_and_weights():
    # fewer than MIN_RECORDS_TO_TRAIN a side: the engine uses no term frequencies, nor the scorer
    pairs, levels = _agreement(300, with_frequencies=False)
    assert pairs > 300
    # the pairs reach most levels of every comparison, not only "exact"
    assert len(levels) >= 22
    assert {label for name, label in levels if name == "surname"} >= {
        "exact",
        "one edit",
        "surname and given name exchanged",
        "different",
        "missing",
    }


def test_with_the_runs_name_frequencies_the_scorer_gives_the_engines_term_frequency_weights():
    # at 1000 a side the engine weighs exact names by how common they are, and corrects the
    # surname and given name taken together; given the same counts, the scorer does the same
    pairs, levels = _agreement(1000, with_frequencies=True)
    assert pairs > 1000
    assert levels[("given_name", "exact")] > 500


@pytest.mark.parametrize(
    ("a", "b"),
    [("", ""), ("abc", ""), ("kulubaev", "kulubaeva"), ("zheenbek", "zhenbek"), ("abdy", "adby"), ("é", "e")],
)
def test_the_edit_distance_is_duckdbs(a, b):
    duckdb = pytest.importorskip("duckdb")
    with duckdb.connect() as con:
        row = con.execute("SELECT levenshtein(?, ?)", [a, b]).fetchone()
    assert row is not None and levenshtein(a, b) == row[0]
    for n in range(4):
        assert _within(a, b, n) == (row[0] <= n)


def test_the_bounded_edit_distance_answers_as_the_full_one():
    rng = random.Random(1)
    for _ in range(3000):
        a = "".join(rng.choice("abce") for _ in range(rng.randrange(9)))
        b = "".join(rng.choice("abce") for _ in range(rng.randrange(9)))
        for n in range(3):
            assert _within(a, b, n) == (levenshtein(a, b) <= n), (a, b, n)


REGISTERED = Record("1", "Токтосунова Айгерим Асан кызы", "1998-04-12", "F", "Токтосунова", "Айгерим", "Асан кызы")


def test_a_contradicting_fathers_name_scores_below_the_same_name_without_one():
    scorer = load_scorer()
    other_father = scorer.score(REGISTERED, Record("2", "Токтосунова Айгерим Бакытовна", "1998-04-12"))
    none_given = scorer.score(REGISTERED, Record("2", "Токтосунова Айгерим", "1998-04-12"))
    same_father = scorer.score(REGISTERED, Record("2", "Токтосунова Айгерим Асановна", "1998-04-12"))
    assert other_father.explanation["patronymic"][0] == "different"
    assert none_given.explanation["patronymic"] == ("missing", 0.0)
    assert same_father.match_weight > none_given.match_weight > other_father.match_weight


def test_a_russian_spelling_of_a_kyrgyz_name_scores_as_a_match():
    scorer = load_scorer()
    kyrgyz = Record("1", "Төлөгөнов Үсөн Жээнбекович", "1990-06-15", "M", "Төлөгөнов", "Үсөн", "Жээнбекович")
    score = scorer.score(kyrgyz, Record("2", "ТОЛОГОНОВ Усен Женбекович", "1990-06-15"))
    assert score.decision() == "match"
    assert score.explanation["surname"][0] == "exact"


def test_a_namesake_born_another_day_to_another_father_is_not_even_to_review():
    score = load_scorer().score(REGISTERED, Record("2", "Токтосунова Айгерим Бакытовна", "1995-01-03"))
    assert score.decision() is None


def test_the_model_is_read_once_and_again_when_the_file_changes(tmp_path):
    path = tmp_path / "model.json"
    Model.load(DEFAULT_MODEL_PATH).save(path)
    first = load_scorer(path)
    assert load_scorer(path) is first
    model = Model.load(path)
    Model(model.probability_two_random_records_match / 2, model.params).save(path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    second = load_scorer(path)
    assert second is not first
    assert second.prior == pytest.approx(first.prior - 1, abs=1e-3)
