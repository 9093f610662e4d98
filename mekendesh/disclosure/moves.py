"""Moves: how a suppressed cell can change while every published value stays what it is.

A move is the product, over the dimensions, of a path in each dimension's hierarchy through the
cell: to a sibling, or up to a sibling of an ancestor, or up to the total, each with a path down
to a leaf where a code is a total. It keeps every additive relation of every table that is a view
of the same lattice. A move that lets a primary cell rise by ``up`` and fall by ``down`` without
any cell falling below what the attacker knows it holds shows that the attacker's interval is at
least ``[value - down, value + up]``: :func:`~mekendesh.disclosure.protect` suppresses the cells
of the cheapest one, and the audit and the ledger use an existing one as a certificate.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from mekendesh.disclosure import lp
from mekendesh.disclosure.dimensions import Dimension
from mekendesh.disclosure.rules import Rules
from mekendesh.disclosure.system import LinearSystem
from mekendesh.disclosure.table import IntArray, Table

# States of a lattice cell during the search.
OUTSIDE = 0  # in no table of the release: unknown to the attacker, never published
CANDIDATE = 1  # published unless chosen
SUPPRESSED = 2
FIXED = 3  # known to the attacker (published before, structural, empty, or kept by the caller)

_MOSTCANDIDATES = 2_000_000  # candidate moves scored at once for one primary cell
_NEAREST = 6  # moves per dimension tried first


@dataclass(frozen=True)
class Move:
    cells: IntArray  # lattice indices
    signs: IntArray
    cost: float = 0.0


def amounts(value: int, rules: Rules, *, finest: bool) -> list[tuple[int, int]]:
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


class Search:
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
        return np.where(state == OUTSIDE, 0.0, self.slack_floor)

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

    def cheapest(self, lattice: int, *, up: int, down: int) -> Move | None:
        """A move through ``lattice``: one among the nearest moves that suppresses nothing new if
        there is one (most cells of a sparse region are protected by earlier choices), else the
        cheapest of all."""
        move = self._best(lattice, up=up, down=down, nearest=_NEAREST)
        if move is not None and move.cost == 0:
            return move
        return self._best(lattice, up=up, down=down, nearest=None)

    def _best(self, lattice: int, *, up: int, down: int, nearest: int | None) -> Move | None:
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
        slack = self.values[cells] - np.where(state == OUTSIDE, 0.0, self.slack_floor)
        fixed = state == FIXED
        # A corner that rises (sign +) on the way down must fall by `down`, and one that falls
        # on the way up must fall by `up`.
        bad_rising = (fixed | (slack < down)).astype(np.float64)
        bad_falling = (fixed | (slack < up)).astype(np.float64)
        cost = np.where(state == CANDIDATE, self.values[cells] + 1.0, 0.0)
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
        return Move(
            cells=np.array(corners, dtype=np.int64),
            signs=np.array(directions, dtype=np.int64),
            cost=float(total.flat[best]),
        )

    def by_programme(self, lattice: int, *, up: int, down: int) -> Move | None:
        """The cheapest move of any shape over the release's cells (a linear programme)."""
        system = self.system
        state = self.state[system.cells]
        free = np.flatnonzero(state != FIXED)
        target = int(np.searchsorted(free, int(system.position(np.array([lattice]))[0])))
        matrix = system.matrix.tocsc()[:, free]
        values = self.values[system.cells][free]
        slack = values - self._lower(system.cells[free])
        cost = np.where(state[free] == CANDIDATE, values + 1.0, 1e-6)
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
        return Move(cells=cells, signs=np.ones(cells.size, dtype=np.int64))

    def take(self, move: Move) -> None:
        cells = move.cells
        candidates = cells[self.state[cells] == CANDIDATE]
        self.state[candidates] = SUPPRESSED


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
    while math.prod(len(paths) for paths in trimmed) > _MOSTCANDIDATES:
        longest = max(range(len(trimmed)), key=lambda axis: len(trimmed[axis]))
        if len(trimmed[longest]) <= 2:
            break
        paths = trimmed[longest]
        trimmed[longest] = [*paths[: max(1, len(paths) // 2)], paths[-1]]
    return trimmed
