"""How long disclosure control takes on a national table: ``python -m bench.disclosure``.

The table: persons abroad by destination country (200, under six world regions), region of
origin (Kyrgyzstan's nine), sex and 16 age groups — 57,600 finest cells, 105,570 with every
total — filled with 608,000 persons in the proportions of public figures (Russia about 62 %,
then Kazakhstan, Türkiye, Korea …, and a long tail of countries with a few persons each). Fixed
seed. Prints the time of each stage of threshold suppression, of the ledger's check of the
release from scratch, and of cell-key perturbation, and what was suppressed; ``--json`` writes the figures to a file. No figure here is asserted by a test.

    python -m bench.disclosure [--people 608000] [--threshold 10] [--protection 4] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import numpy as np

from mekendesh.disclosure import CrossTab, Dimension, Ledger, Rules, Table, perturb, protect

TOP = {"RU": 0.62, "KZ": 0.08, "TR": 0.05, "KR": 0.04, "US": 0.03, "GB": 0.02, "DE": 0.015, "AE": 0.015}
WORLD_REGIONS = ("Africa", "Americas", "Asia", "CIS", "Europe", "Oceania")
REGIONS = {
    "KG-O": 0.22, "KG-J": 0.20, "KG-B": 0.12, "KG-GB": 0.12, "KG-C": 0.10,
    "KG-GO": 0.08, "KG-Y": 0.06, "KG-N": 0.05, "KG-T": 0.05,
}  # fmt: skip
AGES = ["0-14", *(f"{low}-{low + 4}" for low in range(15, 85, 5)), "85+"]
AGE_WEIGHTS = np.array([2, 4, 12, 16, 15, 12, 10, 8, 6, 5, 4, 3, 1.5, 0.8, 0.4, 0.3])


def build(people: int, seed: int) -> tuple[list[Dimension], dict[tuple[str, str, str, str], int]]:
    rng = np.random.default_rng(seed)
    tail = [f"C{number:03d}" for number in range(200 - len(TOP))]
    zipf = np.array([1 / (rank + 1) ** 1.1 for rank in range(len(tail))])
    shares = np.concatenate([np.array(list(TOP.values())), zipf / zipf.sum() * (1 - sum(TOP.values()))])
    countries = [*TOP, *tail]
    parents: dict[str, str | None] = {"_T": None, **dict.fromkeys(WORLD_REGIONS, "_T")}
    for number, code in enumerate(countries):
        parents[code] = "CIS" if code in ("RU", "KZ") else WORLD_REGIONS[number % len(WORLD_REGIONS)]
    destination = Dimension.tree("destination", parents)
    region = Dimension.flat("region", list(REGIONS), total="KG")
    sex = Dimension.flat("sex", ["F", "M"])
    age = Dimension.flat("age", AGES)
    probabilities = (
        shares[:, None, None, None]
        * np.array(list(REGIONS.values()))[None, :, None, None]
        * np.array([0.4, 0.6])[None, None, :, None]
        * (AGE_WEIGHTS / AGE_WEIGHTS.sum())[None, None, None, :]
    )
    counts = rng.multinomial(people, probabilities.ravel() / probabilities.sum()).reshape(probabilities.shape)
    cells = {
        (countries[d], list(REGIONS)[r], ("F", "M")[s], AGES[a]): int(counts[d, r, s, a])
        for d, r, s, a in zip(*np.nonzero(counts), strict=True)
    }
    return [destination, region, sex, age], cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=608_000)
    parser.add_argument("--threshold", type=int, default=10)
    parser.add_argument("--protection", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path)
    arguments = parser.parse_args()

    figures: dict[str, object] = {"machine": platform.processor() or platform.machine(), "people": arguments.people}
    started = time.perf_counter()
    dimensions, cells = build(arguments.people, arguments.seed)
    keys = np.random.default_rng(arguments.seed + 1)
    key_sums = {cell: int(keys.integers(0, 256, size=count).sum()) for cell, count in cells.items()}
    table = Table.from_counts(dimensions, cells, key_sums=key_sums)
    figures["table_seconds"] = round(time.perf_counter() - started, 2)
    figures["cells"] = table.size
    figures["finest_cells"] = int(np.prod([len(dimension.leaves) for dimension in dimensions]))
    crosstab = CrossTab("stock", tuple(dimension.name for dimension in dimensions))
    rules = Rules(threshold=arguments.threshold, protection=arguments.protection)

    started = time.perf_counter()
    release = protect(table, [crosstab], rules=rules, release="bench")
    figures["protect_seconds"] = round(time.perf_counter() - started, 2)
    figures["stages"] = {stage: round(seconds, 2) for stage, seconds in release.seconds.items()}
    assert release.audit is not None
    audit = release.audit
    figures["empty_cells"] = int((table.values == 0).sum())
    figures["primary"] = sum(cell.primary for cell in audit.cells)
    figures["secondary"] = sum(not cell.primary for cell in audit.cells)
    figures["audited_exactly"] = sum(cell.exact for cell in audit.cells)
    figures["linear_programmes"] = audit.linear_programmes
    figures["audit_passes"] = audit.passes

    started = time.perf_counter()
    ledger_audit = Ledger().check(table, release, rules=rules)
    figures["ledger_check_seconds"] = round(time.perf_counter() - started, 2)
    figures["ledger_check_programmes"] = ledger_audit.linear_programmes

    started = time.perf_counter()
    perturb(table, [crosstab], release="bench")
    figures["perturb_seconds"] = round(time.perf_counter() - started, 2)

    for name, value in figures.items():
        print(f"{name:>20}: {value}")
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
