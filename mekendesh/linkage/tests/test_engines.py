"""DuckDB and Spark run the same job and, with the same model, decide the same."""

from __future__ import annotations

import pytest

from bench.linkage.generate import generate
from mekendesh.linkage import Model, Record, link
from mekendesh.linkage.engine import DEFAULT_MODEL_PATH


def _sample(n: int) -> tuple[list[Record], list[Record], set[tuple[str, str]]]:
    pop = generate(n, n, seed=11)
    left = [
        Record(
            r["id"],
            r["full_name"],
            r["birth_date"],
            r["sex"],
            r["surname"] or None,
            r["given_name"] or None,
            r["patronymic"] or None,
        )
        for r in pop.register
    ]
    right = [Record(r["id"], r["full_name"], r["birth_date"]) for r in pop.host_list]
    return left, right, pop.truth


def test_a_model_trained_on_duckdb_finds_the_synthetic_pairs():
    left, right, truth = _sample(2000)
    result = link(left, right)
    found = {(p.left_id, p.right_id) for p in result.matches}
    tp = len(found & truth)
    assert tp / len(found) > 0.97 and tp / len(truth) > 0.95


@pytest.mark.spark
def test_spark_and_duckdb_give_the_same_decision_for_99_percent_of_candidate_pairs(spark, tmp_path):
    left, right, _ = _sample(1000)
    model = Model.load(DEFAULT_MODEL_PATH)
    on_duckdb = {(p.left_id, p.right_id): p.decision for p in link(left, right, model=model).pairs}
    on_spark = {
        (p.left_id, p.right_id): p.decision
        for p in link(left, right, model=model, engine="spark", spark_session=spark).pairs
    }
    pairs = on_duckdb.keys() | on_spark.keys()
    same = sum(1 for k in pairs if on_duckdb.get(k) == on_spark.get(k))
    assert len(pairs) > 300
    assert same / len(pairs) >= 0.99


@pytest.mark.spark
def test_spark_trains_its_own_model_and_links_name_only_files(spark):
    left, right, truth = _sample(500)
    left = [Record(r.id, r.full_name) for r in left]
    right = [Record(r.id, r.full_name) for r in right]
    result = link(left, right, engine="spark", spark_session=spark, train=True)
    found = {(p.left_id, p.right_id) for p in result.pairs}
    assert len(found & truth) / len(truth) > 0.9  # the review band holds the true pairs
