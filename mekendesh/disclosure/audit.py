"""The attacker's view of a pattern: for each suppressed cell, the interval it can be pinned to.

Given the published cells of a release (and of earlier releases of the same data), the additive
relations between cells (:mod:`mekendesh.disclosure.system`), that counts are not negative and —
when empty cells are always published — that every suppressed cell holds at least one person,
the least and the greatest value a suppressed cell can take are two linear programmes (HiGHS
through :func:`scipy.optimize.linprog`), rounded inwards to whole numbers.

A primary cell (one below the threshold, or declared confidential) passes when its interval is
wider than the protection level. A cell of 1 or 2 (up to ``own_count``) is also judged by one of
the persons in it, who knows that the cell holds at least one person: the interval must stay
wider than the protection level from 1 up, and must not prove a second person there.

The linear programmes of one connected group of suppressed cells grow with the group, and a
table of a few hundred thousand cells can join thousands of suppressed cells into one group. Up
to ``exact_limit`` unknown cells the programme is solved over the whole group (``exact``);
beyond it, first over the cells nearest the one audited with every other cell taken as known (an
attacker who knows more: its interval is never wider than the real one, so a pass there is a
pass). A primary cell that does not pass that way is solved over its whole group, so the verdict
is always the real attacker's.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy import sparse

from mekendesh.disclosure import lp
from mekendesh.disclosure.system import LinearSystem

FloatArray = npt.NDArray[np.float64]
_TOLERANCE = 1e-6


@dataclass(frozen=True)
class CellAudit:
    """One suppressed cell: its value, the attacker's interval, and whether it passes."""

    cell: dict[str, str]
    index: int  # lattice index
    value: int
    primary: bool
    lower: int
    upper: int | None  # None: no upper bound
    exact: bool
    passes: bool

    @property
    def width(self) -> float:
        return math.inf if self.upper is None else self.upper - self.lower


@dataclass(frozen=True)
class Audit:
    """Every suppressed cell of a release with its interval; ``passes`` when every primary cell does."""

    protection: int
    cells: tuple[CellAudit, ...]
    linear_programmes: int = field(default=0, compare=False)

    @property
    def passes(self) -> bool:
        return all(cell.passes for cell in self.cells)

    @property
    def failures(self) -> tuple[CellAudit, ...]:
        return tuple(cell for cell in self.cells if not cell.passes)


def requirement_met(value: int, lower: float, upper: float, *, protection: int, own_count: int) -> bool:
    """Whether the interval ``[lower, upper]`` protects a primary cell holding ``value``."""
    if 1 <= value <= own_count:
        # One of the persons in the cell knows it holds at least one; a second must stay unproven.
        if lower > 1:
            return False
        lower = max(lower, 1.0)
    return upper - lower > protection


class Attacker:
    """The linear programmes of one release: the unknown cells and the equations between them."""

    def __init__(
        self,
        system: LinearSystem,
        *,
        known: npt.NDArray[np.bool_],
        values: npt.NDArray[np.int64],
        lower: npt.NDArray[np.float64],
        exact_limit: int = 400,
    ) -> None:
        self.system = system
        self.values = values.astype(np.float64)
        self.unknown = np.flatnonzero(~known)
        self.exact_limit = exact_limit
        matrix = system.matrix.tocsc()
        known_part = matrix[:, np.flatnonzero(known)]
        right = -(known_part @ self.values[known])
        unknown_part = matrix[:, self.unknown].tocsr()
        touching = np.flatnonzero(np.diff(unknown_part.indptr) > 0)
        self.rows = unknown_part[touching]
        self.right = np.asarray(right[touching], dtype=np.float64)
        self.by_column = self.rows.tocsc()
        self.lower = lower[self.unknown].astype(np.float64)
        self.truth = self.values[self.unknown]
        self.variable = {int(cell): number for number, cell in enumerate(self.unknown)}
        # Unknown cells and equations are the nodes of one graph; a cell joins the equations it is in.
        equation, variable = self.rows.nonzero()
        count = self.unknown.size + self.rows.shape[0]
        first = np.concatenate([variable, equation + self.unknown.size])
        second = np.concatenate([equation + self.unknown.size, variable])
        graph = sparse.csr_matrix((np.ones(first.size), (first, second)), shape=(count, count))
        self.component = lp.components(graph)[: self.unknown.size]
        self.programmes = 0

    def interval(self, position: int, *, whole: bool = False) -> tuple[float, float, bool]:
        """``(lower, upper, exact)`` for the system cell at ``position`` (which must be unknown)."""
        variable = self.variable[position]
        group = np.flatnonzero(self.component == self.component[variable])
        if whole or group.size <= self.exact_limit:
            lower, upper = self._solve(group, variable)
            return lower, upper, True
        lower, upper = self._solve(self._ball(variable), variable)
        return lower, upper, False

    def _ball(self, start: int) -> npt.NDArray[np.int64]:
        seen = {start}
        queue = deque([start])
        rows_seen: set[int] = set()
        columns = self.by_column
        rows = self.rows
        while queue and len(seen) < self.exact_limit:
            variable = queue.popleft()
            for row in columns.indices[columns.indptr[variable] : columns.indptr[variable + 1]]:
                if row in rows_seen:
                    continue
                rows_seen.add(int(row))
                for other in rows.indices[rows.indptr[row] : rows.indptr[row + 1]]:
                    if int(other) not in seen and len(seen) < self.exact_limit:
                        seen.add(int(other))
                        queue.append(int(other))
        return np.array(sorted(seen), dtype=np.int64)

    def _solve(self, group: npt.NDArray[np.int64], variable: int) -> tuple[float, float]:
        inside = np.zeros(self.unknown.size, dtype=bool)
        inside[group] = True
        block = self.by_column[:, group]
        touching = np.flatnonzero(np.diff(block.tocsr().indptr) > 0)
        matrix = block.tocsr()[touching]
        # Cells of the group's equations outside the group are taken as known.
        outside = self.rows[touching][:, np.flatnonzero(~inside)]
        right = self.right[touching] - outside @ self.truth[~inside]
        target = int(np.searchsorted(group, variable))
        lower = self.lower[group]
        upper = np.full(group.size, np.inf)
        objective = np.zeros(group.size)
        results: list[float] = []
        for sign in (1.0, -1.0):  # the least value, then the greatest
            objective[target] = sign
            self.programmes += 1
            status, solution, message = lp.solve(objective, equations=matrix, right=right, lower=lower, upper=upper)
            if status == lp.UNBOUNDED:
                results.append(math.inf)
                continue
            if status != lp.OPTIMAL or solution is None:
                raise RuntimeError(f"the attacker's linear programme failed: {message}")
            results.append(float(solution[target]))
        return results[0], results[1]


def rounded(lower: float, upper: float) -> tuple[int, int | None]:
    """An interval of whole numbers: the attacker knows a count is one."""
    low = math.ceil(lower - _TOLERANCE)
    high = None if math.isinf(upper) else math.floor(upper + _TOLERANCE)
    return low, high


def audit_cells(
    attacker: Attacker,
    *,
    suppressed: Sequence[int],
    primary: Mapping[int, bool],
    names: Mapping[int, dict[str, str]],
    protection: int,
    own_count: int,
    certificates: Mapping[int, tuple[float, float]] | None = None,
) -> Audit:
    """Audit the suppressed system cells (positions); ``certificates`` are intervals already shown
    to be reachable (a move of the suppressed cells that keeps every published value)."""
    certificates = certificates or {}
    audited: list[CellAudit] = []
    system = attacker.system
    for position in suppressed:
        value = int(attacker.values[position])
        lower, upper, exact = attacker.interval(position)
        if position in certificates and not exact:
            shown_low, shown_high = certificates[position]
            lower, upper = min(lower, shown_low), max(upper, shown_high)
        is_primary = primary.get(position, False)
        low, high = rounded(lower, upper)
        passes = not is_primary or requirement_met(
            value, low, math.inf if high is None else high, protection=protection, own_count=own_count
        )
        if not passes and not exact:
            lower, upper, exact = attacker.interval(position, whole=True)
            low, high = rounded(lower, upper)
            passes = requirement_met(
                value, low, math.inf if high is None else high, protection=protection, own_count=own_count
            )
        audited.append(
            CellAudit(
                cell=names[position],
                index=int(system.cells[position]),
                value=value,
                primary=is_primary,
                lower=low,
                upper=high,
                exact=exact,
                passes=passes,
            )
        )
    return Audit(protection=protection, cells=tuple(audited), linear_programmes=attacker.programmes)
