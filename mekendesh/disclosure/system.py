"""The additive relations between the cells of the tables of one release.

Every cell of every cross-tabulation is a cell of the table's lattice; cross-tabulations of the
same table share the cells they have in common. Each aggregate cell of a cross-tabulation gives
one equation per dimension in which it is an aggregate: the cell equals the sum of its children
in that dimension. The same equation reached from two cross-tabulations is kept once.

This is what an attacker knows besides the published values and that counts are not negative,
and what a pattern of suppressed cells must keep unsolvable.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from mekendesh.disclosure.table import CrossTab, IntArray, Table


class LinearSystem:
    """``cells``: sorted lattice indices of every cell of the cross-tabulations; ``matrix``: one
    row per equation (+1 for the aggregate, -1 for each child), one column per cell."""

    def __init__(self, table: Table, crosstabs: Sequence[CrossTab]) -> None:
        self.table = table
        self.crosstabs = tuple(crosstabs)
        self.dimensions: tuple[str, ...] = tuple(
            name for name in table.names if any(name in crosstab.dimensions for crosstab in crosstabs)
        )
        members = [table.crosstab_cells(crosstab) for crosstab in self.crosstabs]
        self.members: dict[str, IntArray] = {
            crosstab.id: cells for crosstab, cells in zip(self.crosstabs, members, strict=True)
        }
        self.cells: IntArray = np.unique(np.concatenate(members)) if members else np.zeros(0, dtype=np.int64)
        # A cell is finest when some table holds it with a leaf code in each dimension it crosses.
        self.finest = np.zeros(self.cells.size, dtype=bool)
        for crosstab, cells in zip(self.crosstabs, members, strict=True):
            leaf = np.ones(cells.size, dtype=bool)
            for axis, dimension in enumerate(table.dimensions):
                if dimension.name in crosstab.dimensions:
                    is_leaf = np.array([dimension.is_leaf(code) for code in dimension.codes])
                    leaf &= is_leaf[np.unravel_index(cells, table.shape)[axis]]
            self.finest[self.position(cells[leaf])] = True
        strides = table.strides()
        rows: list[IntArray] = []
        columns: list[IntArray] = []
        signs: list[IntArray] = []
        count = 0
        for axis, dimension in enumerate(table.dimensions):
            # Equations along this dimension come from the cross-tabulations that cross it.
            crossing = [
                cells
                for crosstab, cells in zip(self.crosstabs, members, strict=True)
                if dimension.name in crosstab.dimensions
            ]
            if not crossing:
                continue
            cells = np.unique(np.concatenate(crossing))
            positions = (cells // strides[axis]) % table.shape[axis]
            for code in dimension.codes:
                children = dimension.children_of[code]
                if not children:
                    continue
                here = dimension.index[code]
                parents = cells[positions == here]
                if parents.size == 0:
                    continue
                numbers = np.arange(count, count + parents.size, dtype=np.int64)
                count += parents.size
                rows.append(numbers)
                columns.append(parents)
                signs.append(np.ones(parents.size, dtype=np.int64))
                for child in children:
                    rows.append(numbers)
                    columns.append(parents + (dimension.index[child] - here) * strides[axis])
                    signs.append(-np.ones(parents.size, dtype=np.int64))
        if rows:
            lattice = np.concatenate(columns)
            self.matrix = sparse.csr_matrix(
                (np.concatenate(signs).astype(np.float64), (np.concatenate(rows), self.position(lattice))),
                shape=(count, self.cells.size),
            )
        else:
            self.matrix = sparse.csr_matrix((0, self.cells.size), dtype=np.float64)

    def position(self, lattice: IntArray) -> IntArray:
        """Column positions of lattice indices (which must be cells of the system)."""
        found = np.searchsorted(self.cells, lattice)
        return np.asarray(found, dtype=np.int64)

    def contains(self, lattice: IntArray) -> np.ndarray:
        found = np.searchsorted(self.cells, lattice)
        inside = found < self.cells.size
        result = np.zeros(lattice.shape, dtype=bool)
        result[inside] = self.cells[found[inside]] == lattice[inside]
        return result
