"""Time of the linkage features of a register, the part of every screening run spent in Python
before DuckDB links: ``python -m bench.linkage.features [--people 50000]``.

The register is the benchmark's generated one (``bench/linkage/generate.py``, fixed seed); the
time is that of :func:`mekendesh.linkage.features.feature_table` alone, once, in a fresh
process (the keys of words are cached, as in a screening job's first run), printed in
microseconds a person.
"""

from __future__ import annotations

import argparse
import time

from bench.linkage.generate import generate
from mekendesh.linkage.engine import record_of
from mekendesh.linkage.features import feature_table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    records = [record_of(row) for row in generate(args.people, 10, seed=args.seed).register]
    start = time.perf_counter()
    feature_table(records)
    seconds = time.perf_counter() - start
    print(f"{len(records):,} people: {seconds:.2f} s, {seconds / len(records) * 1e6:.0f} µs a person")


if __name__ == "__main__":
    main()
