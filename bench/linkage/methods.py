"""The linkage methods the benchmark compares; each runs in its own process.

``python -m bench.linkage.methods METHOD REGISTER.csv LIST.csv OUT.csv`` writes the pairs the
method calls a match (``register_id,list_id``) and, for this engine, the review band too.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(path: Path, pairs: list[tuple[str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["register_id", "list_id", "decision"])
        w.writerows(pairs)


def _plain(name: str) -> list[str]:
    from unidecode import unidecode

    return sorted("".join(ch if ch.isalnum() else " " for ch in unidecode(name).lower()).split())


def _blocking(reg: list[dict[str, str]]) -> tuple[dict[str, str], Callable[[dict[str, str], str], list[str]]]:
    """The register's plain names, and the register rows a list row is compared with: those
    born on its day (files with dates), else those sharing a 3-letter word prefix with it."""
    names = {r["id"]: " ".join(_plain(r["full_name"])) for r in reg}
    with_dates = "birth_date" in reg[0]
    blocks: dict[str, list[str]] = defaultdict(list)
    for r in reg:
        if with_dates:
            blocks[r["birth_date"]].append(r["id"])
        else:
            for word in set(_plain(r["full_name"])):
                blocks[word[:3]].append(r["id"])

    def candidates_of(row: dict[str, str], name: str) -> list[str]:
        if with_dates:
            return blocks.get(row.get("birth_date", ""), [])
        return sorted({c for w in set(name.split()) for c in blocks.get(w[:3], [])})

    return names, candidates_of


def run_mekendesh(register: Path, host: Path, out: Path) -> None:
    from mekendesh.linkage.cli import main

    tmp = out.with_suffix(".engine.csv")
    code = main([str(register), str(host), "--output", str(tmp), "--no-progress"])
    if code != 0:
        raise SystemExit(code)
    pairs = [(r["left_id"], r["right_id"], r["decision"]) for r in _read(tmp)]
    tmp.unlink()
    _write(out, pairs)


def run_exact(register: Path, host: Path, out: Path) -> None:
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in _read(register):
        index[(" ".join(_plain(r["full_name"])), r.get("birth_date", ""))].append(r["id"])
    pairs = []
    for r in _read(host):
        for rid in index.get((" ".join(_plain(r["full_name"])), r.get("birth_date", "")), []):
            pairs.append((rid, r["id"], "match"))
    _write(out, pairs)


def run_rapidfuzz(register: Path, host: Path, out: Path, threshold: float = 90.0) -> None:
    """token_set_ratio over unidecoded names; blocked on birth date, or on word prefixes."""
    from rapidfuzz import fuzz

    reg = _read(register)
    names, candidates_of = _blocking(reg)
    pairs = []
    for r in _read(host):
        name = " ".join(_plain(r["full_name"]))
        candidates = candidates_of(r, name)
        best, best_score = None, threshold
        for cid in candidates:
            score = fuzz.token_set_ratio(name, names[cid])
            if score >= best_score:
                best, best_score = cid, score
        if best is not None:
            pairs.append((best, r["id"], "match"))
    _write(out, pairs)


def run_splink_default(register: Path, host: Path, out: Path) -> None:
    """Splink with its stock string comparisons on the names as written (no transliteration)."""
    import logging

    import pyarrow as pa
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    logging.getLogger("splink").setLevel(logging.ERROR)

    def table(path: Path) -> tuple[pa.Table, bool]:
        rows = _read(path)
        dates = "birth_date" in rows[0]
        cols: dict[str, list[str | None]] = {"unique_id": [], "name": [], "tok_a": [], "tok_b": [], "birth_date": []}
        for r in rows:
            words = sorted(r["full_name"].lower().split())
            cols["unique_id"].append(r["id"])
            cols["name"].append(" ".join(words))
            cols["tok_a"].append(words[0] if words else None)
            cols["tok_b"].append(words[1] if len(words) > 1 else None)
            bd = r.get("birth_date") or None
            cols["birth_date"].append(bd if bd and len(bd) == 10 else None)
        return pa.table({k: pa.array(v, type=pa.string()) for k, v in cols.items()}), dates

    left, dates = table(register)
    right, _ = table(host)
    db = DuckDBAPI()
    comparisons = [
        cl.JaroWinklerAtThresholds("name", [0.95, 0.88, 0.8]),
        cl.NameComparison("tok_a"),
        cl.NameComparison("tok_b"),
    ]
    rules = [block_on("tok_a", "tok_b"), block_on("tok_a"), block_on("tok_b")]
    if dates:
        comparisons.append(cl.DateOfBirthComparison("birth_date", input_is_string=True))
        rules = [block_on("birth_date"), block_on("tok_a", "tok_b")]
    settings = SettingsCreator(
        link_type="link_only", comparisons=comparisons, blocking_rules_to_generate_predictions=rules
    )
    linker = Linker(
        [db.register(left, dataset_display_name="reg"), db.register(right, dataset_display_name="lst")],
        settings,
        log_level=None,
    )
    linker.training.estimate_probability_two_random_records_match([block_on("name")], recall=0.5)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("birth_date") if dates else block_on("tok_a")
    )
    if dates:
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("tok_a", "tok_b"))
    else:
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("tok_b"))
    preds = linker.inference.predict(threshold_match_probability=0.9).as_record_list()
    pairs = []
    for p in preds:
        a, b = (
            (p["unique_id_l"], p["unique_id_r"])
            if p["source_dataset_l"] == "reg"
            else (p["unique_id_r"], p["unique_id_l"])
        )
        pairs.append((a, b, "match"))
    _write(out, pairs)


LOGIC_V2_THRESHOLD = 0.70  # nomenklatura's default for logic-v2
LOGIC_V2_SHORTLIST = 30


def run_logic_v2(register: Path, host: Path, out: Path) -> None:
    """OpenSanctions' logic-v2 matcher (nomenklatura), each list row the query.

    Both sides become FollowTheMoney ``Person`` entities (``name``, and ``birthDate`` when the
    files have it); the list row is the query, as a sanctions screening puts it. Candidates are
    the register rows born on the same day (with dates) or sharing a 3-letter word prefix after
    unidecode (name only), shortened to the ``LOGIC_V2_SHORTLIST`` best by rapidfuzz's
    ``token_set_ratio``; logic-v2 scores each with its default configuration, and the best
    candidate at or above ``LOGIC_V2_THRESHOLD`` is the row's match. Every row's best candidate
    and score go to ``<out>.scores.csv``, for a threshold tuned by cross-validation.
    """
    from followthemoney import model
    from nomenklatura.matching import get_algorithm
    from nomenklatura.matching.types import ScoringConfig
    from rapidfuzz import fuzz, process

    algorithm = get_algorithm("logic-v2")
    if algorithm is None:
        raise SystemExit("nomenklatura has no logic-v2")
    config = ScoringConfig.defaults()

    def entity(row: dict[str, str], prefix: str) -> object:
        e = model.make_entity("Person")
        e.id = prefix + row["id"]
        e.add("name", row["full_name"])
        if row.get("birth_date"):
            e.add("birthDate", row["birth_date"])
        return e

    reg = _read(register)
    entities = {r["id"]: entity(r, "r-") for r in reg}
    names, candidates_of = _blocking(reg)
    pairs = []
    scores = []
    for r in _read(host):
        name = " ".join(_plain(r["full_name"]))
        candidates = candidates_of(r, name)
        if len(candidates) > LOGIC_V2_SHORTLIST:
            choices = {c: names[c] for c in candidates}
            top = process.extract(name, choices, scorer=fuzz.token_set_ratio, limit=LOGIC_V2_SHORTLIST)
            candidates = [key for _, _, key in top]
        query = entity(r, "q-")
        best, best_score = None, -1.0
        for cid in candidates:
            score = algorithm.compare(query, entities[cid], config).score  # type: ignore[arg-type]
            if score > best_score:
                best, best_score = cid, score
        if best is not None:
            scores.append((best, r["id"], f"{best_score:.6f}"))
            if best_score >= LOGIC_V2_THRESHOLD:
                pairs.append((best, r["id"], "match"))
    _write(out, pairs)
    with out.with_suffix(".scores.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["register_id", "list_id", "score"])
        w.writerows(scores)


METHODS = {
    "mekendesh": run_mekendesh,
    "logic_v2": run_logic_v2,
    "exact": run_exact,
    "rapidfuzz": run_rapidfuzz,
    "splink_default": run_splink_default,
}

if __name__ == "__main__":
    method, register, host, out = sys.argv[1:5]
    METHODS[method](Path(register), Path(host), Path(out))
