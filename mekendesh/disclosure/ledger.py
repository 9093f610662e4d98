"""The release ledger: what was already published from the same data, and the differencing check.

Every table that goes out is recorded cell by cell (:class:`~mekendesh.disclosure.flags.PublishedTable`:
its table, method and release; each cell's value or flags). The statistics app stores these rows
and gives them back as a :class:`Ledger` — one ledger per data set (one reference date of the
register, one imported official table): tables of different data are not linked.

Before a new table goes out, its published cells are put together with every cell published
before, and the attacker's linear programme (:mod:`mekendesh.disclosure.audit`) is run over the
union for every suppressed cell, old and new: a new table whose published cells, subtracted from
earlier ones, would pin a suppressed cell is refused with ``differencing``, the cells it would
reveal and the earlier tables it would reveal them with. :func:`mekendesh.disclosure.protect`
takes the ledger too, and chooses its pattern so that the check passes: a cell published before is
known and cannot hide anything, a cell suppressed before stays suppressed.

Perturbed tables are recorded too, but their values are not sums of each other: they do not
enter the linear programme (the noise, not the pattern, protects them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from mekendesh.disclosure.audit import Attacker, Audit, audit_cells
from mekendesh.disclosure.errors import DisclosureRefused
from mekendesh.disclosure.flags import SUPPRESSION, PublishedTable, Release
from mekendesh.disclosure.moves import FIXED, SUPPRESSED, Search, amounts
from mekendesh.disclosure.rules import Rules
from mekendesh.disclosure.system import LinearSystem
from mekendesh.disclosure.table import CrossTab, Table

BoolArray = npt.NDArray[np.bool_]


class Ledger:
    """The tables already published from one data set, in a canonical order."""

    def __init__(self, tables: Iterable[PublishedTable] = ()) -> None:
        self.tables: tuple[PublishedTable, ...] = tuple(sorted(tables, key=lambda table: (table.release, table.id)))

    def with_release(self, release: Release) -> Ledger:
        return Ledger((*self.tables, *release.tables))

    def exact(self) -> tuple[PublishedTable, ...]:
        """The tables whose published values are true counts (suppression, not perturbation)."""
        return tuple(table for table in self.tables if table.method == SUPPRESSION)

    def check(self, table: Table, new: Release | Sequence[PublishedTable], *, rules: Rules | None = None) -> Audit:
        """Audit ``new`` together with everything published before; refuse with ``differencing``.

        ``table`` holds the true counts of the data (the same data as every table of the ledger).
        Returns the audit of the union when it passes.
        """
        rules = rules or Rules()
        tables = new.tables if isinstance(new, Release) else tuple(new)
        fresh = tuple(item for item in tables if item.method == SUPPRESSION)
        prior = self.exact()
        known = Knowledge(table, prior, [CrossTab(_label(item), item.dimensions) for item in fresh])
        for item in fresh:
            known.record(item, new=True)
        system = known.system
        values = table.values.flat[system.cells]
        suppressed = known.suppressed & ~known.known
        primary = suppressed & (values < rules.threshold) & (values >= 1) | known.confidential & suppressed
        lower = np.full(system.cells.size, rules.lower_bound)
        attacker = Attacker(system, known=~suppressed, values=values, lower=lower, exact_limit=rules.exact_limit)
        positions = [int(position) for position in np.flatnonzero(suppressed)]
        certificates = _certificates(table, system, attacker, rules, suppressed=suppressed, primary=primary)
        names = {position: table.cell(int(system.cells[position]), system.dimensions) for position in positions}
        result = audit_cells(
            attacker,
            suppressed=positions,
            primary={position: bool(primary[position]) for position in positions},
            names=names,
            protection=rules.protection,
            own_count=rules.own_count,
            certificates=certificates,
        )
        if not result.passes:
            failing = result.failures
            if not prior:
                raise DisclosureRefused("audit_failed", count=len(failing), cells=[failure.cell for failure in failing])
            revealed_from = sorted(
                {_label(item) for item in prior for failure in failing if known.touches(item, failure.index)}
            )
            raise DisclosureRefused(
                "differencing",
                tables=[_label(item) for item in fresh],
                cells=[failure.cell for failure in failing],
                published=revealed_from or [_label(item) for item in prior],
            )
        return result


def _certificates(
    table: Table,
    system: LinearSystem,
    attacker: Attacker,
    rules: Rules,
    *,
    suppressed: BoolArray,
    primary: BoolArray,
) -> dict[int, tuple[float, float]]:
    """For the primary cells of groups too large to solve whole, a move of suppressed cells alone
    that shows how far each can rise and fall (the audit then needs no programme for them)."""
    search = Search(table, system, rules)
    search.state[system.cells] = np.where(suppressed, SUPPRESSED, FIXED)
    values = table.values.ravel()
    found: dict[int, tuple[float, float]] = {}
    for position in np.flatnonzero(primary):
        if attacker.group_size(int(position)) <= rules.exact_limit:
            continue
        lattice = int(system.cells[position])
        value = int(values[lattice])
        for down, up in amounts(value, rules, finest=bool(system.finest[position])):
            if search.cheapest(lattice, up=up, down=down) is not None:
                found[int(position)] = (value - down, value + up)
                break
    return found


def _label(table: PublishedTable) -> str:
    return f"{table.id}@{table.release}" if table.release else table.id


class Knowledge:
    """The linear system of earlier tables and new cross-tabulations, and what is known of each cell."""

    def __init__(self, table: Table, prior: Sequence[PublishedTable], crosstabs: Sequence[CrossTab]) -> None:
        self.table = table
        prior_tabs = [CrossTab(_label(item), item.dimensions) for item in prior]
        labels = [crosstab.id for crosstab in (*prior_tabs, *crosstabs)]
        for label in labels:
            if labels.count(label) > 1:
                raise DisclosureRefused("duplicate_table", table=label)
        self.system = LinearSystem(table, [*prior_tabs, *crosstabs])
        size = self.system.cells.size
        self.known: BoolArray = np.zeros(size, dtype=bool)
        self.suppressed: BoolArray = np.zeros(size, dtype=bool)
        self.confidential: BoolArray = np.zeros(size, dtype=bool)
        self.known_before: BoolArray = np.zeros(size, dtype=bool)
        self.suppressed_before: BoolArray = np.zeros(size, dtype=bool)
        self._cells: dict[str, npt.NDArray[np.int64]] = {}
        for item in prior:
            self.record(item, new=False)

    def record(self, item: PublishedTable, *, new: bool) -> None:
        values = self.table.values.ravel()
        lattice = np.array([self.table.index(cell.cell) for cell in item.cells], dtype=np.int64)
        self._cells[_label(item)] = lattice
        positions = self.system.position(lattice)
        for cell, index, position in zip(item.cells, lattice, positions, strict=True):
            if cell.value is not None:
                if int(values[index]) != cell.value:
                    raise DisclosureRefused(
                        "inconsistent_ledger",
                        cell=cell.cell,
                        published=cell.value,
                        table=item.id,
                        release=item.release,
                        value=int(values[index]),
                    )
                self.known[position] = True
                if not new:
                    self.known_before[position] = True
            elif cell.suppressed:
                self.suppressed[position] = True
                if cell.conf_status == "C":
                    self.confidential[position] = True
                if not new:
                    self.suppressed_before[position] = True
            else:
                # A structural zero: known to be empty.
                self.known[position] = True
                if not new:
                    self.known_before[position] = True

    def touches(self, item: PublishedTable, lattice_index: int) -> bool:
        """Whether the table shares an equation's cells with the cell (a rough link for the message)."""
        cells = self._cells.get(_label(item))
        if cells is None:
            return False
        position = int(self.system.position(np.array([lattice_index]))[0])
        matrix = self.system.matrix.tocsc()
        rows = matrix.indices[matrix.indptr[position] : matrix.indptr[position + 1]]
        linked = np.unique(matrix.tocsr()[rows].indices)
        return bool(np.isin(self.system.cells[linked], cells).any())
