"""Threshold suppression with secondary suppression across hierarchies and linked tables.

:func:`protect` publishes cross-tabulations of one :class:`~mekendesh.disclosure.table.Table`:

1. **Primary** cells: 1 to ``threshold - 1`` persons, and the cells the caller declares
   confidential. Empty cells are published (see :class:`~mekendesh.disclosure.rules.Rules`);
   structural zeros are published as impossible.
2. **Secondary** cells, one primary cell at a time in the canonical order of the lattice: the
   cheapest *move* that lets the primary cell rise by ``U`` and fall by ``L`` (``U + L`` wider
   than the protection level) while every published value stays what it is and every cell stays
   at or above what the attacker knows it holds. A move is the product, over the dimensions, of
   a path in each dimension's hierarchy (to a sibling, or up to a sibling of an ancestor, or up
   to the total): in two flat dimensions the four corners of a rectangle, in more a hypercube,
   across hierarchies the chain of subtotals above. Its cells not yet suppressed are suppressed.
   The cost of a cell is its count plus one, so that large cells and totals are kept. Where no
   such move exists, a linear programme over every cell finds one; where none exists at all,
   the cell cannot be protected and the table is refused.
3. The **audit** (:mod:`mekendesh.disclosure.audit`) of the finished pattern over every table of
   the release and every table published before from the same data (the ledger). A pattern that
   fails is not published.

Linked tables: every cross-tabulation of a release (and of the ledger) is a view of the same
lattice, so a move is built in the lattice of all their dimensions and keeps every one of their
equations at once.

Deterministic: the codes, the cells and the candidate moves are taken in one canonical order,
ties go to the first, and HiGHS's dual simplex is deterministic for the same programme.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from mekendesh.disclosure import lp
from mekendesh.disclosure.audit import Attacker, audit_cells
from mekendesh.disclosure.dimensions import Dimension
from mekendesh.disclosure.errors import DisclosureRefused
from mekendesh.disclosure.flags import (
    CONFIDENTIAL,
    FREE,
    IMPOSSIBLE,
    MISSING,
    PUBLISHED,
    SECONDARY,
    SMALL_COUNT,
    SUPPRESSION,
    PublishedCell,
    PublishedTable,
    Release,
)
from mekendesh.disclosure.ledger import Knowledge, Ledger
from mekendesh.disclosure.rules import Rules
from mekendesh.disclosure.system import LinearSystem
from mekendesh.disclosure.table import Coordinates, CrossTab, IntArray, Table

# States of a lattice cell during the search.
_OUTSIDE = 0  # in no table of the release: unknown to the attacker, never published
_CANDIDATE = 1  # published unless chosen
_SUPPRESSED = 2
_FIXED = 3  # known to the attacker (published before, structural, empty, or kept by the caller)

_MOST_CORNERS = 4_000_000  # candidate corners examined at once for one primary cell


@dataclass(frozen=True)
class _Move:
    cells: IntArray  # lattice indices
    signs: IntArray


def protect(
    table: Table,
    crosstabs: Sequence[CrossTab],
    *,
    rules: Rules | None = None,
    release: str = "",
    ledger: Ledger | None = None,
    confidential: Iterable[Coordinates] = (),
    keep: Iterable[Coordinates] = (),
) -> Release:
    """Suppress what must be suppressed in ``crosstabs`` and return them as a :class:`Release`.

    ``confidential``: further cells to suppress as primary (flag ``C``). ``keep``: cells that must
    be published (a grand total, say) and are never chosen as secondary cells. Refuses with
    ``cannot_protect`` (a primary cell no pattern protects), ``suppress_everything`` (a table
    with no non-empty cell left to publish), ``duplicate_table``, ``inconsistent_ledger``.
    """
    rules = rules or Rules()
    crosstabs = tuple(crosstabs)
    ledger = ledger or Ledger()
    knowledge = Knowledge(table, ledger.exact(), crosstabs)
    system = knowledge.system
    values = table.values.ravel()
    x = values[system.cells]
    structural = table.structural.ravel()[system.cells]
    new_member = np.zeros(system.cells.size, dtype=bool)
    for crosstab in crosstabs:
        new_member[system.position(system.members[crosstab.id])] = True

    declared = np.zeros(system.cells.size, dtype=bool)
    for coordinates in confidential:
        declared[_position(system, table, coordinates)] = True
    kept = np.zeros(system.cells.size, dtype=bool)
    for coordinates in keep:
        kept[_position(system, table, coordinates)] = True

    small = (x >= 1) & (x < rules.threshold) & ~structural
    known_before = knowledge.known_before
    primary = ((new_member | knowledge.suppressed_before) & small | declared | knowledge.confidential) & ~known_before
    suppressed = primary | (knowledge.suppressed_before & ~known_before)
    fixed = known_before | structural | (kept & ~primary)
    if rules.zeros == "publish":
        fixed |= x == 0

    search = _Search(table, system, rules)
    search.state[system.cells] = np.where(fixed, _FIXED, np.where(suppressed, _SUPPRESSED, _CANDIDATE))
    certificates: dict[int, tuple[float, float]] = {}
    for primary_position in np.flatnonzero(primary):
        lattice = int(system.cells[primary_position])
        value = int(values[lattice])
        move = None
        for down, up in _amounts(value, rules):
            move = search.cheapest(lattice, up=up, down=down)
            if move is not None:
                break
        else:
            for down, up in _amounts(value, rules):
                move = search.by_programme(lattice, up=up, down=down)
                if move is not None:
                    break
        if move is None:
            raise DisclosureRefused("cannot_protect", cell=table.cell(lattice, system.dimensions))
        search.take(move)
        certificates[int(primary_position)] = (value - down, value + up)

    suppressed = search.state[system.cells] == _SUPPRESSED
    for crosstab in crosstabs:
        members = system.position(system.members[crosstab.id])
        showing = (x[members] > 0) & ~structural[members]
        if showing.any() and suppressed[members][showing].all():
            raise DisclosureRefused("suppress_everything", table=crosstab.id)

    attacker = Attacker(
        system,
        known=~suppressed,
        values=x,
        lower=np.full(system.cells.size, rules.lower_bound),
        exact_limit=rules.exact_limit,
    )
    positions = [int(position) for position in np.flatnonzero(suppressed)]
    audit = audit_cells(
        attacker,
        suppressed=positions,
        primary={position: bool(primary[position]) for position in positions},
        names={position: table.cell(int(system.cells[position]), system.dimensions) for position in positions},
        protection=rules.protection,
        own_count=rules.own_count,
        certificates=certificates,
    )
    if not audit.passes:
        raise DisclosureRefused(
            "audit_failed", count=len(audit.failures), cells=[failure.cell for failure in audit.failures]
        )

    tables: list[PublishedTable] = []
    for crosstab in crosstabs:
        cells: list[PublishedCell] = []
        for member in system.members[crosstab.id]:
            position = int(system.position(np.array([member]))[0])
            named = table.cell(int(member), crosstab.dimensions)
            if structural[position]:
                cells.append(PublishedCell(named, None, IMPOSSIBLE, FREE))
            elif suppressed[position]:
                status = (
                    CONFIDENTIAL
                    if declared[position] or knowledge.confidential[position]
                    else (SMALL_COUNT if primary[position] else SECONDARY)
                )
                cells.append(PublishedCell(named, None, MISSING, status))
            else:
                cells.append(PublishedCell(named, int(x[position]), PUBLISHED, FREE))
        tables.append(
            PublishedTable(
                id=crosstab.id,
                dimensions=crosstab.dimensions,
                totals={name: table.dimension(name).total for name in crosstab.dimensions},
                release=release,
                method=SUPPRESSION,
                method_version=rules.describe(),
                cells=tuple(cells),
            )
        )
    return Release(id=release, tables=tuple(tables), audit=audit)


def _position(system: LinearSystem, table: Table, coordinates: Coordinates) -> int:
    lattice = np.array([table.index(coordinates)], dtype=np.int64)
    if not system.contains(lattice)[0]:
        raise DisclosureRefused("unknown_table", table=str(table.cell(int(lattice[0]))))
    return int(system.position(lattice)[0])


def _amounts(value: int, rules: Rules) -> list[tuple[int, int]]:
    """How far a primary cell may be made to fall and rise: ``(down, up)`` pairs, together wider
    than the protection level, never below what the attacker (or a person in the cell) knows;
    the most even split first, then more and more of it upwards."""
    wanted = rules.protection + 1
    if 1 <= value <= rules.own_count:
        # A person in the cell knows it holds one; a second must not be provable.
        return [(value - 1, max(0, wanted - (value - 1)))]
    if value == 0:
        return [(0, wanted)]  # an empty cell declared confidential: nothing below it to hide
    most = max(0, min(value - int(rules.lower_bound), wanted // 2))
    return [(down, wanted - down) for down in range(most, -1, -1)]


class _Search:
    """The lattice of the release's dimensions and the state of each cell in it."""

    def __init__(self, table: Table, system: LinearSystem, rules: Rules) -> None:
        self.table = table
        self.system = system
        self.rules = rules
        self.values = table.values.ravel()
        self.state = np.zeros(table.size, dtype=np.int8)
        self.strides = table.strides()
        self.crossed = [dimension.name in system.dimensions for dimension in table.dimensions]
        self.margins = [_margin(table, axis) for axis in range(len(table.dimensions))]
        self.slack_floor = rules.lower_bound

    def _lower(self, cells: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        state = self.state[cells]
        return np.where(state == _OUTSIDE, 0.0, self.slack_floor)

    def cheapest(self, lattice: int, *, up: int, down: int) -> _Move | None:
        position = np.unravel_index(lattice, self.table.shape)
        options: list[list[list[tuple[int, int]]]] = []
        for axis, dimension in enumerate(self.table.dimensions):
            here = int(position[axis])
            if not self.crossed[axis]:
                options.append([[(here, 1)]])
            else:
                options.append(_paths(dimension, dimension.codes[here], self.margins[axis]))
        options = _trim(options)
        codes: list[npt.NDArray[np.int64]] = []
        signs: list[npt.NDArray[np.int64]] = []
        for paths in options:
            length = max(len(path) for path in paths)
            code_array = np.full((len(paths), length), -1, dtype=np.int64)
            sign_array = np.zeros((len(paths), length), dtype=np.int64)
            for row, path in enumerate(paths):
                for column, (code_value, sign_value) in enumerate(path):
                    code_array[row, column] = code_value
                    sign_array[row, column] = sign_value
            codes.append(code_array)
            signs.append(sign_array)
        dims = len(options)
        index: npt.NDArray[np.int64] = np.zeros((1,) * (2 * dims), dtype=np.int64)
        valid: npt.NDArray[np.bool_] = np.ones((1,) * (2 * dims), dtype=bool)
        sign: npt.NDArray[np.int64] = np.ones((1,) * (2 * dims), dtype=np.int64)
        for axis in range(dims):
            shape = [1] * (2 * dims)
            shape[2 * axis] = codes[axis].shape[0]
            shape[2 * axis + 1] = codes[axis].shape[1]
            code_part = codes[axis].reshape(shape)
            index = index + np.where(code_part >= 0, code_part, 0) * self.strides[axis]
            valid = valid & (code_part >= 0)
            sign = sign * signs[axis].reshape(shape)
        cells = np.where(valid, index, lattice)
        state = self.state[cells]
        slack = self.values[cells] - self._lower(cells)
        need = np.where(sign < 0, up, down)
        ok = ~valid | ((state != _FIXED) & (slack >= need))
        cost = np.where(valid & (state == _CANDIDATE), self.values[cells] + 1.0, 0.0)
        order = [2 * axis for axis in range(dims)] + [2 * axis + 1 for axis in range(dims)]
        count = int(np.prod([codes[axis].shape[0] for axis in range(dims)]))
        ok_all = np.transpose(ok, order).reshape(count, -1).all(axis=1)
        total = np.transpose(cost, order).reshape(count, -1).sum(axis=1)
        total = np.where(ok_all, total, np.inf)
        best = int(np.argmin(total))
        if not math.isfinite(float(total[best])):
            return None
        chosen = np.unravel_index(best, tuple(codes[axis].shape[0] for axis in range(dims)))
        picked = tuple(slice(None) if part % 2 else int(chosen[part // 2]) for part in range(2 * dims))
        picked_cells = cells[picked].ravel()
        picked_signs = sign[picked].ravel()
        picked_valid = valid[picked].ravel()
        return _Move(cells=picked_cells[picked_valid], signs=picked_signs[picked_valid])

    def by_programme(self, lattice: int, *, up: int, down: int) -> _Move | None:
        """The cheapest move of any shape over the release's cells (a linear programme)."""
        system = self.system
        state = self.state[system.cells]
        free = np.flatnonzero(state != _FIXED)
        target = int(np.searchsorted(free, int(system.position(np.array([lattice]))[0])))
        matrix = system.matrix.tocsc()[:, free]
        values = self.values[system.cells][free]
        slack = values - self._lower(system.cells[free])
        cost = np.where(state[free] == _CANDIDATE, values + 1.0, 1e-6)
        size = free.size
        chosen = np.zeros(size, dtype=bool)
        for amount, direction in ((up, 1.0), (down, -1.0)):
            if amount == 0:
                continue
            # Variables: the rise and the fall of each free cell.
            objective = np.concatenate([cost, cost])
            equations = sparse.hstack([matrix, -matrix]).tocsr()
            upper = np.concatenate([np.full(size, np.inf), np.maximum(slack, 0.0)])
            lower = np.zeros(2 * size)
            if direction > 0:
                lower[target] = upper[target] = amount
                upper[size + target] = 0.0
            else:
                upper[target] = 0.0
                if slack[target] < amount:
                    return None
                lower[size + target] = upper[size + target] = amount
            status, solution, _ = lp.solve(
                objective, equations=equations, right=np.zeros(equations.shape[0]), lower=lower, upper=upper
            )
            if status != lp.OPTIMAL or solution is None:
                return None
            moved = np.abs(solution[:size] - solution[size:]) > 1e-9
            chosen |= moved
        cells = system.cells[free][chosen]
        return _Move(cells=cells, signs=np.ones(cells.size, dtype=np.int64))

    def take(self, move: _Move) -> None:
        cells = move.cells
        candidates = cells[self.state[cells] == _CANDIDATE]
        self.state[candidates] = _SUPPRESSED


def _margin(table: Table, axis: int) -> npt.NDArray[np.int64]:
    """The counts of one dimension's codes with every other dimension at its total."""
    index: list[int | slice] = [0] * len(table.dimensions)
    index[axis] = slice(None)
    return np.asarray(table.values[tuple(index)], dtype=np.int64)


def _down(dimension: Dimension, code: str, margin: npt.NDArray[np.int64]) -> list[str]:
    """From ``code`` down to a leaf, through the largest child at each step (the first on a tie)."""
    path = [code]
    while dimension.children_of[path[-1]]:
        children = dimension.children_of[path[-1]]
        path.append(max(children, key=lambda child: (int(margin[dimension.index[child]]), -dimension.index[child])))
    return path


def _leaf_paths(dimension: Dimension, code: str, margin: npt.NDArray[np.int64]) -> list[list[str]]:
    """The paths from ``code`` down to each leaf under it, the largest leaves first (at most 64)."""
    leaves = dimension.leaves_under(code)
    leaves = tuple(sorted(leaves, key=lambda leaf: (-int(margin[dimension.index[leaf]]), dimension.index[leaf])))[:64]
    paths: list[list[str]] = []
    for leaf in leaves:
        path = [leaf]
        while path[-1] != code:
            parent = dimension.parent_of[path[-1]]
            assert parent is not None
            path.append(parent)
        paths.append(path[::-1])
    return paths


def _paths(dimension: Dimension, code: str, margin: npt.NDArray[np.int64]) -> list[list[tuple[int, int]]]:
    """The one-dimension moves through ``code`` (sign +1 on it), nearest first.

    Each move keeps every equation of the dimension: ``code`` and a path down to a leaf rise;
    either a sibling of ``code`` or of one of its ancestors falls with a path down to a leaf,
    the ancestors in between rising; or every ancestor up to the total rises.
    """
    index = dimension.index
    paths: list[list[tuple[int, int]]] = []
    for down in _leaf_paths(dimension, code, margin):
        base = [(index[step], 1) for step in down]
        climbed: list[tuple[int, int]] = []
        current = code
        parent = dimension.parent_of[current]
        while parent is not None:
            for sibling in dimension.children_of[parent]:
                if sibling == current:
                    continue
                fall = [(index[step], -1) for step in _down(dimension, sibling, margin)]
                paths.append(base + climbed + fall)
            climbed = [*climbed, (index[parent], 1)]
            current = parent
            parent = dimension.parent_of[current]
        paths.append(base + climbed)
    return paths


def _trim(options: list[list[list[tuple[int, int]]]]) -> list[list[list[tuple[int, int]]]]:
    """Keep the nearest moves of the longest lists until the corners examined at once are bounded."""

    def corners(lists: list[list[list[tuple[int, int]]]]) -> int:
        return math.prod(len(paths) * max(len(path) for path in paths) for paths in lists)

    trimmed = [list(paths) for paths in options]
    while corners(trimmed) > _MOST_CORNERS:
        longest = max(range(len(trimmed)), key=lambda axis: len(trimmed[axis]))
        if len(trimmed[longest]) <= 2:
            break
        # Keep the nearest half and the move up to the total (always last).
        paths = trimmed[longest]
        trimmed[longest] = [*paths[: max(1, len(paths) // 2)], paths[-1]]
    return trimmed
