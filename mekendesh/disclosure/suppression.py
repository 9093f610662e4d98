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

import itertools
import math
import time
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

_MOST_CANDIDATES = 2_000_000  # candidate moves scored at once for one primary cell
_NEAREST = 6  # moves per dimension tried first


@dataclass(frozen=True)
class _Move:
    cells: IntArray  # lattice indices
    signs: IntArray
    cost: float = 0.0


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
    started = time.perf_counter()
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

    seconds = {"system": time.perf_counter() - started}
    started = time.perf_counter()
    search = _Search(table, system, rules)
    search.state[system.cells] = np.where(fixed, _FIXED, np.where(suppressed, _SUPPRESSED, _CANDIDATE))
    certificates: dict[int, tuple[float, float]] = {}
    for primary_position in np.flatnonzero(primary):
        lattice = int(system.cells[primary_position])
        value = int(values[lattice])
        move = None
        splits = _amounts(value, rules, finest=bool(system.finest[primary_position]))
        for down, up in splits:
            move = search.cheapest(lattice, up=up, down=down)
            if move is not None:
                break
        else:
            for down, up in splits:
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

    seconds["suppression"] = time.perf_counter() - started
    started = time.perf_counter()
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

    seconds["audit"] = time.perf_counter() - started
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
    return Release(id=release, tables=tuple(tables), audit=audit, seconds=seconds)


def _position(system: LinearSystem, table: Table, coordinates: Coordinates) -> int:
    lattice = np.array([table.index(coordinates)], dtype=np.int64)
    if not system.contains(lattice)[0]:
        raise DisclosureRefused("unknown_table", table=str(table.cell(int(lattice[0]))))
    return int(system.position(lattice)[0])


def _amounts(value: int, rules: Rules, *, finest: bool) -> list[tuple[int, int]]:
    """How far a primary cell may be made to fall and rise: ``(down, up)`` pairs, together wider
    than the protection level, never below what the attacker (or a person in the cell) knows;
    the most even split first, then more and more of it upwards."""
    wanted = rules.protection + 1
    if value == 0:
        return [(0, wanted)]  # an empty cell declared confidential: nothing below it to hide
    floor = 1 if value <= rules.own_count else int(rules.lower_bound)
    most = max(0, min(value - floor, wanted // 2))
    least = 0
    if finest and value <= rules.own_count:
        least = most = value - 1  # a person in the cell must not be able to prove a second one
    return [(down, max(0, wanted - down)) for down in range(most, least - 1, -1)]


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
        self._path_cache: dict[tuple[int, int], list[list[tuple[int, int]]]] = {}
        self._matrix_cache: dict[
            tuple[int, int, int], tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.float64]]
        ] = {}

    def _lower(self, cells: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        state = self.state[cells]
        return np.where(state == _OUTSIDE, 0.0, self.slack_floor)

    def _paths(self, axis: int, here: int) -> list[list[tuple[int, int]]]:
        key = (axis, here)
        if key not in self._path_cache:
            dimension = self.table.dimensions[axis]
            if self.crossed[axis]:
                self._path_cache[key] = _paths(dimension, dimension.codes[here], self.margins[axis])
            else:
                self._path_cache[key] = [[(here, 1)]]
        return self._path_cache[key]

    def _matrices(
        self, axis: int, here: int, count: int
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """The codes the first ``count`` moves touch, and each move's membership and signs."""
        key = (axis, here, count)
        if key not in self._matrix_cache:
            paths = self._paths(axis, here)
            paths = [*paths[: count - 1], paths[-1]] if count < len(paths) else paths
            codes = np.array(sorted({code for path in paths for code, _ in path}), dtype=np.int64)
            column = {int(code): number for number, code in enumerate(codes)}
            member = np.zeros((len(paths), codes.size))
            sign = np.zeros((len(paths), codes.size))
            for row, path in enumerate(paths):
                for code, direction in path:
                    member[row, column[code]] = 1.0
                    sign[row, column[code]] = direction
            self._matrix_cache[key] = (codes, member, sign)
        return self._matrix_cache[key]

    def cheapest(self, lattice: int, *, up: int, down: int) -> _Move | None:
        """A move through ``lattice``: one among the nearest moves that suppresses nothing new if
        there is one (most cells of a sparse region are protected by earlier choices), else the
        cheapest of all."""
        move = self._best(lattice, up=up, down=down, nearest=_NEAREST)
        if move is not None and move.cost == 0:
            return move
        return self._best(lattice, up=up, down=down, nearest=None)

    def _best(self, lattice: int, *, up: int, down: int, nearest: int | None) -> _Move | None:
        """The cheapest feasible product of one-dimension moves through ``lattice``, or None.

        Every candidate is scored at once: over the block of codes the moves touch, the cost of
        the cells not yet suppressed and the count of corners that cannot move far enough are
        contracted with each dimension's matrix of moves (a move's codes, with their signs).
        """
        position = np.unravel_index(lattice, self.table.shape)
        options = _trim(
            [self._paths(axis, int(position[axis])) for axis in range(len(self.table.dimensions))], nearest=nearest
        )
        used: list[npt.NDArray[np.int64]] = []
        members: list[npt.NDArray[np.float64]] = []
        signed: list[npt.NDArray[np.float64]] = []
        for axis, paths in enumerate(options):
            codes, member, sign = self._matrices(axis, int(position[axis]), len(paths))
            used.append(codes)
            members.append(member)
            signed.append(sign)
        block = np.ix_(*used)
        cells = np.ravel_multi_index(block, self.table.shape)
        state = self.state[cells]
        slack = self.values[cells] - np.where(state == _OUTSIDE, 0.0, self.slack_floor)
        fixed = state == _FIXED
        # A corner that rises (sign +) on the way down must fall by `down`, and one that falls
        # on the way up must fall by `up`.
        bad_rising = (fixed | (slack < down)).astype(np.float64)
        bad_falling = (fixed | (slack < up)).astype(np.float64)
        cost = np.where(state == _CANDIDATE, self.values[cells] + 1.0, 0.0)
        # Corners of sign +1 count bad_rising, of sign -1 bad_falling: (1 + s)/2 and (1 - s)/2.
        both = _contract(np.stack([cost, bad_rising + bad_falling]), members, first=1)
        bad = both[1] + _contract(bad_rising - bad_falling, signed)
        total = np.where(bad > 0.5, np.inf, both[0])
        best = int(np.argmin(total))
        if not math.isfinite(float(total.flat[best])):
            return None
        chosen = np.unravel_index(best, total.shape)
        corners: list[int] = []
        directions: list[int] = []
        picked = [options[axis][int(chosen[axis])] for axis in range(len(options))]
        for combination in itertools.product(*picked):
            codes_here = tuple(code for code, _ in combination)
            corners.append(int(np.ravel_multi_index(codes_here, self.table.shape)))
            directions.append(math.prod(direction for _, direction in combination))
        return _Move(
            cells=np.array(corners, dtype=np.int64),
            signs=np.array(directions, dtype=np.int64),
            cost=float(total.flat[best]),
        )

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


def _contract(
    block: npt.NDArray[np.float64], matrices: list[npt.NDArray[np.float64]], *, first: int = 0
) -> npt.NDArray[np.float64]:
    """``block`` summed over each dimension's codes (from axis ``first`` on), weighted by each
    move's row of ``matrices``."""
    # einsum's own loops, not BLAS: the matrices are small, and a threaded BLAS spends more on
    # waking its threads than on the sums.
    letters = "abcdefghijklmnopqrstuvwxyz"
    result = block
    for axis, matrix in enumerate(matrices, start=first):
        inputs = letters[: result.ndim]
        output = inputs[:axis] + "Z" + inputs[axis + 1 :]
        result = np.einsum(f"Z{inputs[axis]},{inputs}->{output}", matrix, result)
    return result


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


def _trim(
    options: list[list[list[tuple[int, int]]]], *, nearest: int | None = None
) -> list[list[list[tuple[int, int]]]]:
    """Keep the nearest moves (and the move up to the total, always last) of the longest lists
    until the candidates scored at once are bounded, or ``nearest`` of each."""
    trimmed = [list(paths) for paths in options]
    if nearest is not None:
        trimmed = [paths if len(paths) <= nearest else [*paths[: nearest - 1], paths[-1]] for paths in trimmed]
    while math.prod(len(paths) for paths in trimmed) > _MOST_CANDIDATES:
        longest = max(range(len(trimmed)), key=lambda axis: len(trimmed[axis]))
        if len(trimmed[longest]) <= 2:
            break
        paths = trimmed[longest]
        trimmed[longest] = [*paths[: max(1, len(paths) // 2)], paths[-1]]
    return trimmed
