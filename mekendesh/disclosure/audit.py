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
national table can join thousands of suppressed cells into one group (tens of seconds for each
programme). Up to ``exact_limit`` unknown cells the programmes are solved over the whole group
(``exact``). Beyond it the interval reported is one the attacker can certainly reach — never wider
than the real one, so a pass on it is a real pass: for a primary cell protected by
:func:`~mekendesh.disclosure.protect`, the move of suppressed cells that made it safe (a feasible
point at each end of the interval); for another cell, the programme over the ``ball_limit``
unknown cells nearest to it, every other cell taken as known (an attacker who knows more). A
primary cell that does not pass that way is solved over its whole group, so the verdict is
always the real attacker's.
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


def requirement_met(
    value: int, lower: float, upper: float, *, protection: int, own_count: int, finest: bool = True
) -> bool:
    """Whether the interval ``[lower, upper]`` protects a primary cell holding ``value``.

    A person in a cell of 1 up to ``own_count`` knows it holds at least one: the width counts
    from 1. In a finest cell (no category under it in its table) a second person must stay
    unproven too; in a total, the published empty cells below already tell how many of its parts
    hold someone, so only the width is asked for.
    """
    if 1 <= value <= own_count:
        if finest and lower > 1:
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
        ball_limit: int = 120,
    ) -> None:
        self.system = system
        self.ball_limit = ball_limit
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
        self._sizes: npt.NDArray[np.int64] | None = None

    def group_size(self, position: int) -> int:
        """How many unknown cells are joined to this one by equations."""
        if self._sizes is None:
            self._sizes = np.bincount(self.component)
        return int(self._sizes[self.component[self.variable[position]]])

    def interval(self, position: int, *, whole: bool = False) -> tuple[float, float, bool]:
        """``(lower, upper, exact)`` for the system cell at ``position`` (which must be unknown)."""
        variable = self.variable[position]
        group = np.flatnonzero(self.component == self.component[variable])
        if whole or group.size <= self.exact_limit:
            lower, upper = self._solve(group, variable)
            return lower, upper, True
        lower, upper = self._solve(self._ball(variable, self.ball_limit), variable)
        return lower, upper, False

    def _ball(self, start: int, limit: int) -> npt.NDArray[np.int64]:
        seen = {start}
        queue = deque([start])
        rows_seen: set[int] = set()
        columns = self.by_column
        rows = self.rows
        while queue and len(seen) < limit:
            variable = queue.popleft()
            for row in columns.indices[columns.indptr[variable] : columns.indptr[variable + 1]]:
                if row in rows_seen:
                    continue
                rows_seen.add(int(row))
                for other in rows.indices[rows.indptr[row] : rows.indptr[row + 1]]:
                    if int(other) not in seen and len(seen) < limit:
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
        if position in certificates and attacker.group_size(position) > attacker.exact_limit:
            # A move of suppressed cells already shows the cell can take these values.
            lower, upper = certificates[position]
            exact = False
        else:
            lower, upper, exact = attacker.interval(position)
        is_primary = primary.get(position, False)
        low, high = rounded(lower, upper)
        finest = bool(system.finest[position])
        passes = not is_primary or requirement_met(
            value, low, math.inf if high is None else high, protection=protection, own_count=own_count, finest=finest
        )
        if not passes and not exact:
            lower, upper, exact = attacker.interval(position, whole=True)
            low, high = rounded(lower, upper)
            passes = requirement_met(
                value,
                low,
                math.inf if high is None else high,
                protection=protection,
                own_count=own_count,
                finest=finest,
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
