"""Tables and an independent attacker for the tests of the disclosure library."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy import optimize

from mekendesh.disclosure import Audit, CrossTab, Dimension, PublishedTable, Release, Table
from mekendesh.disclosure.system import LinearSystem

DESTINATION = Dimension.tree(
    "destination",
    {
        "_T": None,
        "CIS": "_T",
        "OTHER": "_T",
        "RU": "CIS",
        "KZ": "CIS",
        "UZ": "CIS",
        "TR": "OTHER",
        "KR": "OTHER",
        "US": "OTHER",
        "DE": "OTHER",
    },
)
SEX = Dimension.flat("sex", ["F", "M"])
AGE = Dimension.flat("age", ["18-29", "30-44", "45+"])
REGION = Dimension.tree(
    "region",
    {"KG": None, "KG-O": "KG", "KG-C": "KG", "KG-B": "KG", "Kara-Suu": "KG-O", "Uzgen": "KG-O", "Nookat": "KG-O"},
)


linprog: Any = optimize.linprog


def audit_of(release: Release) -> Audit:
    """The audit of a suppressed release (a perturbed one has none)."""
    assert release.audit is not None
    return release.audit


def stock_table() -> Table:
    """Persons abroad by destination and sex: Russia large, some small cells, an empty one."""
    counts = {
        ("RU", "F"): 412, ("RU", "M"): 978,
        ("KZ", "F"): 3, ("KZ", "M"): 41,
        ("UZ", "F"): 12, ("UZ", "M"): 7,
        ("TR", "F"): 26, ("TR", "M"): 35,
        ("KR", "F"): 1, ("KR", "M"): 19,
        ("US", "F"): 0, ("US", "M"): 14,
        ("DE", "F"): 9, ("DE", "M"): 11,
    }  # fmt: skip
    return Table.from_counts([DESTINATION, SEX], counts)


def published_values(release: Release) -> list[int]:
    return [cell.value for table in release.tables for cell in table.cells if cell.value is not None]


def independent_intervals(
    table: Table, published: list[PublishedTable], lower_bound: float = 1.0
) -> dict[int, tuple[float, float]]:
    """The attacker's interval of every suppressed cell, from a plain linear programme over every
    cell of the published tables (published cells fixed by their bounds), without the library's
    reductions: what an outsider would compute to check the library."""
    crosstabs = [CrossTab(f"{item.id}@{item.release}", item.dimensions) for item in published]
    system = LinearSystem(table, crosstabs)
    size = system.cells.size
    low = np.full(size, np.nan)
    high = np.full(size, np.nan)
    for item in published:
        for cell in item.cells:
            position = int(system.position(np.array([table.index(cell.cell)]))[0])
            if cell.value is not None:
                low[position] = high[position] = cell.value
            elif cell.obs_status == "M":
                low[position] = high[position] = 0
    unknown = np.isnan(low)
    low[unknown] = lower_bound
    high[unknown] = np.inf
    # A cell published in one table is known everywhere.
    bounds = np.column_stack([low, high])
    matrix = system.matrix.toarray()
    intervals: dict[int, tuple[float, float]] = {}
    for found_at in np.flatnonzero(unknown):
        position = int(found_at)
        found = []
        for sign in (1.0, -1.0):
            objective = np.zeros(size)
            objective[position] = sign
            result = linprog(objective, A_eq=matrix, b_eq=np.zeros(matrix.shape[0]), bounds=bounds, method="highs")
            assert result.status in (0, 3), result.message
            found.append(math.inf if result.status == 3 else float(result.x[position]))
        intervals[int(system.cells[position])] = (found[0], found[1])
    return intervals
