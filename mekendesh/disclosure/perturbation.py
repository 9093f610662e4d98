"""Cell-key perturbation of frequency tables (the ONS method), as an alternative to suppression.

* Each person gets a **record key** once, a random whole number from 0 to 255
  (:func:`record_key_new`); the register stores it and never draws it again.
* A cell's **cell key** is the sum of the record keys of the persons in it, modulo 256 (the
  table's ``key_sums`` hold the sums; a total's key is the sum of its persons' keys like any
  other cell's). The same persons make the same key: the same cell gets the same noise in every
  table and every release.
* The **perturbation table** (ptable) gives the noise for a cell's count and key. It is
  versioned: a release records the version it used, and a published version is never changed
  (a new one gets a new name). The library ships its own (:meth:`PerturbationTable.bundled`)
  and reads the ONS package's format (``pcv``, ``ckey``, ``pvalue``; its example
  ``ptable_10_5_rule.csv`` among them).
* As in the ONS package: a count above the table's largest row (750) is looked up as
  ``(count - 1) % 250 + 501`` (the rows 501 to 750 repeat); a count or key without a row gets no
  noise; an empty cell stays empty; a perturbed count below the threshold is not published.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import math
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from mekendesh.disclosure.errors import DisclosureRefused
from mekendesh.disclosure.flags import (
    CELL_KEY,
    ESTIMATED,
    FREE,
    IMPOSSIBLE,
    MISSING,
    SMALL_COUNT,
    PublishedCell,
    PublishedTable,
    Release,
)
from mekendesh.disclosure.table import RECORD_KEY_RANGE, CrossTab, Table

BUNDLED_VERSION = "mekendesh-ckp-2026.1"
_BUNDLED_FILE = f"{BUNDLED_VERSION}.csv"
# The bundled table's fingerprint: a published version never changes (a test checks it).
BUNDLED_SHA256 = "47b1040330a3c40b61791983200a97f30a763e8772a8092e51ecd234eb72f673"


def record_key_new() -> int:
    """A person's record key: drawn once, stored with the person, never drawn again."""
    return secrets.randbelow(RECORD_KEY_RANGE)


@dataclass(frozen=True)
class PerturbationTable:
    """Noise by (perturbation cell value, cell key); ``noise[pcv, ckey]``, row 0 all zero."""

    version: str
    noise: npt.NDArray[np.int64] = field(repr=False)
    repeat_from: int = 501  # counts above the last row reuse the rows from here to the last

    @property
    def largest_count(self) -> int:
        return int(self.noise.shape[0]) - 1

    @property
    def key_range(self) -> int:
        return int(self.noise.shape[1])

    @classmethod
    def from_rows(
        cls, version: str, rows: Iterable[tuple[int, int, int]], *, key_range: int | None = None, repeat_from: int = 501
    ) -> PerturbationTable:
        """From ``(pcv, ckey, pvalue)`` rows, the ONS layout; pairs without a row get no noise."""
        triples = [(int(pcv), int(ckey), int(pvalue)) for pcv, ckey, pvalue in rows]
        if not triples:
            raise DisclosureRefused("bad_ptable", reason="it has no rows")
        largest_pcv = max(pcv for pcv, _, _ in triples)
        largest_key = max(ckey for _, ckey, _ in triples) if key_range is None else key_range - 1
        if min(pcv for pcv, _, _ in triples) < 1 or min(ckey for _, ckey, _ in triples) < 0:
            raise DisclosureRefused("bad_ptable", reason="a pcv below 1 or a cell key below 0")
        if largest_key < max(ckey for _, ckey, _ in triples):
            raise DisclosureRefused("bad_ptable", reason="a cell key beyond the key range")
        noise = np.zeros((largest_pcv + 1, largest_key + 1), dtype=np.int64)
        seen = np.zeros(noise.shape, dtype=bool)
        for pcv, ckey, pvalue in triples:
            if seen[pcv, ckey]:
                raise DisclosureRefused("bad_ptable", reason=f"two rows for pcv {pcv} and cell key {ckey}")
            if pcv + pvalue < 0:
                raise DisclosureRefused("bad_ptable", reason=f"pcv {pcv} with noise {pvalue} falls below zero")
            seen[pcv, ckey] = True
            noise[pcv, ckey] = pvalue
        if repeat_from < 1:
            raise DisclosureRefused("bad_ptable", reason="the rows to repeat start below 1")
        return cls(version=version, noise=noise, repeat_from=repeat_from)

    @classmethod
    def from_csv(cls, path: str | Path, *, version: str, key_range: int | None = None) -> PerturbationTable:
        """Read a CSV file with the columns ``pcv``, ``ckey``, ``pvalue`` (the ONS layout), or the
        compact layout ``pcv``, ``ckey_from``, ``ckey_to``, ``pvalue`` of the bundled table."""
        with Path(path).open(newline="", encoding="utf-8") as file:
            return cls.from_rows(version, _rows(csv.DictReader(file)), key_range=key_range)

    @classmethod
    def bundled(cls) -> PerturbationTable:
        """The perturbation table shipped with Mekendesh, ``BUNDLED_VERSION`` (its file is read
        once per process: a published version never changes; each call gets its own copy)."""
        read = _bundled_read()
        return cls(version=read.version, noise=read.noise.copy(), repeat_from=read.repeat_from)

    def pcv(self, count: int) -> int:
        """The row a count is looked up in."""
        if count <= self.largest_count:
            return count
        if self.repeat_from > self.largest_count:
            return 0  # as in the ONS package: the rows to repeat are absent, so no noise
        period = self.largest_count - self.repeat_from + 1
        return (count - self.repeat_from) % period + self.repeat_from

    def perturbed(self, count: int, cell_key: int) -> int:
        """The count after noise; the same count and key always give the same result."""
        if count == 0:
            return 0
        return count + int(self.noise[self.pcv(count), cell_key % self.key_range])

    def fingerprint(self) -> str:
        """SHA-256 of the table's content, to record beside its version."""
        digest = hashlib.sha256()
        digest.update(str(self.repeat_from).encode())
        digest.update(self.noise.astype("<i8").tobytes())
        return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def _bundled_read() -> PerturbationTable:
    """The bundled file, read once: its rows are ranges of cell keys (``ckey_from``, ``ckey_to``),
    each filled at once rather than key by key (the test of its fingerprint checks the result)."""
    text = resources.files("mekendesh.disclosure").joinpath("ptables", _BUNDLED_FILE).read_text(encoding="utf-8")
    rows = [
        (int(row["pcv"]), int(row["ckey_from"]), int(row["ckey_to"]), int(row["pvalue"]))
        for row in csv.DictReader(text.splitlines())
    ]
    noise = np.zeros((max(row[0] for row in rows) + 1, RECORD_KEY_RANGE), dtype=np.int64)
    filled = np.zeros(noise.shape, dtype=np.int64)
    for pcv, first, last, pvalue in rows:
        noise[pcv, first : last + 1] = pvalue
        filled[pcv, first : last + 1] += 1
    damaged = any(
        pcv < 1 or not 0 <= first <= last < RECORD_KEY_RANGE or pcv + pvalue < 0 for pcv, first, last, pvalue in rows
    )
    if damaged or filled.max() > 1:
        raise DisclosureRefused("bad_ptable", reason=f"the bundled file {_BUNDLED_FILE} is damaged")
    return PerturbationTable(version=BUNDLED_VERSION, noise=noise)


def _rows(reader: csv.DictReader[str]) -> Iterable[tuple[int, int, int]]:
    fields = set(reader.fieldnames or ())
    if {"pcv", "ckey", "pvalue"} <= fields:
        for row in reader:
            yield int(row["pcv"]), int(row["ckey"]), int(row["pvalue"])
    elif {"pcv", "ckey_from", "ckey_to", "pvalue"} <= fields:
        for row in reader:
            for ckey in range(int(row["ckey_from"]), int(row["ckey_to"]) + 1):
                yield int(row["pcv"]), ckey, int(row["pvalue"])
    else:
        raise DisclosureRefused("bad_ptable", reason="the columns are not pcv, ckey, pvalue")


def perturb(
    table: Table,
    crosstabs: Sequence[CrossTab],
    *,
    ptable: PerturbationTable | None = None,
    threshold: int = 10,
    release: str = "",
) -> Release:
    """Publish ``crosstabs`` with cell-key perturbation; see the module docstring."""
    ptable = ptable or PerturbationTable.bundled()
    if table.key_sums is None:
        raise DisclosureRefused("no_record_keys")
    if ptable.key_range != table.key_range:
        raise DisclosureRefused("ptable_key_range", largest=ptable.key_range - 1, keys=table.key_range - 1)
    values = table.values.ravel()
    keys = table.key_sums.ravel() % table.key_range
    structural = table.structural.ravel()
    tables: list[PublishedTable] = []
    ids = [crosstab.id for crosstab in crosstabs]
    for crosstab in crosstabs:
        if ids.count(crosstab.id) > 1:
            raise DisclosureRefused("duplicate_table", table=crosstab.id)
        cells: list[PublishedCell] = []
        for lattice in table.crosstab_cells(crosstab):
            named = table.cell(int(lattice), crosstab.dimensions)
            if structural[lattice]:
                cells.append(PublishedCell(named, None, IMPOSSIBLE, FREE))
                continue
            value = ptable.perturbed(int(values[lattice]), int(keys[lattice]))
            if value < threshold:
                cells.append(PublishedCell(named, None, MISSING, SMALL_COUNT))
            else:
                cells.append(PublishedCell(named, value, ESTIMATED, FREE))
        tables.append(
            PublishedTable(
                id=crosstab.id,
                dimensions=crosstab.dimensions,
                totals={name: table.dimension(name).total for name in crosstab.dimensions},
                release=release,
                method=CELL_KEY,
                method_version=f"{ptable.version};threshold={threshold}",
                cells=tuple(cells),
            )
        )
    return Release(id=release, tables=tuple(tables))


def ptable_generate(
    *, largest_noise: int = 3, spread: float = 1.2, largest_count: int = 750
) -> list[tuple[int, int, int, int]]:
    """The rows ``(pcv, ckey_from, ckey_to, pvalue)`` of an unbiased perturbation table.

    For each count, the noise runs from ``-min(count, largest_noise)`` to ``largest_noise`` with
    weights ``exp(-v² / 2·spread²)``, the positive side scaled so that the mean noise is 0 (a
    count never falls below 0, and the table is unbiased); the 256 cell keys are then shared out
    by the cumulative weights, each key taking the noise whose share holds its midpoint.
    """
    rows: list[tuple[int, int, int, int]] = []
    for count in range(1, largest_count + 1):
        support = list(range(-min(count, largest_noise), largest_noise + 1))
        weights = {v: math.exp(-(v * v) / (2 * spread * spread)) for v in support}
        below = sum(v * w for v, w in weights.items() if v < 0)
        above = sum(v * w for v, w in weights.items() if v > 0)
        scale = -below / above if above else 1.0
        weights = {v: w * scale if v > 0 else w for v, w in weights.items()}
        total = sum(weights.values())
        edges: list[tuple[int, float]] = []
        running = 0.0
        for v in support:
            running += weights[v] / total
            edges.append((v, running))
        for key in range(RECORD_KEY_RANGE):
            middle = (key + 0.5) / RECORD_KEY_RANGE
            noise = next((v for v, edge in edges if middle <= edge), support[-1])
            if rows and rows[-1][0] == count and rows[-1][3] == noise:
                rows[-1] = (count, rows[-1][1], key, noise)
            else:
                rows.append((count, key, key, noise))
    return rows


def ptable_write(path: str | Path, rows: Sequence[tuple[int, int, int, int]]) -> None:
    with Path(path).open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["pcv", "ckey_from", "ckey_to", "pvalue"])
        writer.writerows(rows)
